import StsimEngine
import StsimLanguage

/// stsim's warning when a StatefulSet keeps its data in hostPath directories on a cluster of
/// several nodes: a hostPath directory belongs to one node, so a pod that comes back elsewhere
/// finds that node's directory, not its data (the book's hand-made PVs are hostPath).
extension Session {
    /// Looks at every StatefulSet not warned about yet; called after the commands that create
    /// or grow one, once its claims are bound.
    func warnAboutHostPath() {
        let workers = cluster.list(Node.self).filter {
            $0.metadata.labels[Node.controlPlaneRoleLabel] == nil && $0.spec.unschedulable != true
        }.count
        guard workers > 1 else { return }
        let claims = cluster.list(PersistentVolumeClaim.self)
        for set in cluster.list(StatefulSet.self) where !hostPathWarned.contains(set.metadata.name) {
            var found: [String] = []
            for v in set.spec.template.spec.volumes {
                if case .hostPath(let path, _) = v.source { found.append("volume \(v.name): hostPath \(path)") }
            }
            for t in set.spec.volumeClaimTemplates {
                let prefix = "\(t.metadata.name)-\(set.metadata.name)-"
                // `data-web-0`, not `data-web-x-0` of a set named web-x.
                for claim in claims
                where claim.metadata.name.hasPrefix(prefix) && Int(claim.metadata.name.dropFirst(prefix.count)) != nil {
                    guard let pvName = claim.spec.volumeName,
                        let pv = cluster.get(PersistentVolume.self, pvName),
                        let path = Cluster.nodeLocalPath(pv)
                    else { continue }
                    found.append("\(claim.metadata.name) → pv/\(pvName): hostPath \(path)")
                }
            }
            guard !found.isEmpty else { continue }
            hostPathWarned.insert(set.metadata.name)
            report(
                Diagnostic(
                    .warning,
                    "statefulset/\(set.metadata.name) keeps its data in hostPath directories on a cluster of \(workers) worker nodes ("
                        + found.joined(separator: ", ")
                        + "): a pod that comes back on another node finds that node's directory, not its data",
                    hint: cluster.list(StorageClass.self).first(where: \.isDefault).map(\.metadata.name).map {
                        "give StatefulSets volumes of a class made for them (a claim template with the default class, \($0))"
                    } ?? "give StatefulSets network-attached volumes (a provisioner and a StorageClass for them)"
                ))
        }
    }
}

extension Command {
    /// What creates pods, and so may put a hostPath volume in use.
    var mayUseHostPath: Bool {
        switch self {
        case .create, .apply, .scale: true
        default: false
        }
    }
}
