/// Why a file operation in a pod failed (the programs print these the way `cat` and `ls` do).
public enum FileError: Error, Sendable, Hashable {
    case noSuchFile
    case isDirectory
    case notDirectory
    /// A volume stsim does not write (ConfigMap, Secret, projected).
    case readOnly
    case exists
    /// A mount point or the root, which `rm -r` cannot take away.
    case busy

    /// strerror's text, as the tools print it.
    public var message: String {
        switch self {
        case .noSuchFile: "No such file or directory"
        case .isDirectory: "Is a directory"
        case .notDirectory: "Not a directory"
        case .readOnly: "Read-only file system"
        case .exists: "File exists"
        case .busy: "Device or resource busy"
        }
    }
}

/// Files as a pod's container sees them: a path resolves through the container's volume mounts
/// to a `Disk`, so data follows a claim's PersistentVolume, stays on a node for hostPath, and
/// goes with the pod for emptyDir and the container's own layer.
extension Cluster {
    public var files: FileStore { apps.files }

    /// The disk and the path on it for `path` in the pod's container `index`.
    public func fileLocation(_ pod: Pod, container index: Int = 0, path: String) -> (disk: Disk, path: String)? {
        guard let uid = pod.metadata.uid else { return nil }
        let clean = Self.normalize(path)
        let containers = pod.spec.containers
        let mounts = index < containers.count ? containers[index].volumeMounts : []
        // The deepest mount that holds the path wins, as in the kernel's mount table.
        var best: VolumeMount?
        for m in mounts where Self.path(clean, isUnder: Self.normalize(m.mountPath)) {
            if Self.normalize(m.mountPath).count > Self.normalize(best?.mountPath ?? "").count || best == nil {
                best = m
            }
        }
        guard let mount = best else {
            // The container's writable layer: a restarted container starts from its image again.
            return (.pod(uid, volume: Self.containerRun(pod, container: index) ?? ""), String(clean.dropFirst()))
        }
        let root = Self.normalize(mount.mountPath)
        var relative = root == "/" ? String(clean.dropFirst()) : String(clean.dropFirst(root.count))
        if relative.hasPrefix("/") { relative.removeFirst() }
        if let sub = mount.subPath, !sub.isEmpty { relative = relative.isEmpty ? sub : sub + "/" + relative }
        guard let volume = pod.spec.volumes.first(where: { $0.name == mount.name }),
            let disk = disk(of: volume, in: pod, uid: uid)
        else { return nil }
        return (disk, relative)
    }

    private func disk(of volume: Volume, in pod: Pod, uid: UID) -> Disk? {
        let node = pod.spec.nodeName ?? ""
        switch volume.source {
        case .persistentVolumeClaim(let source):
            guard
                let claim = store.get(
                    PersistentVolumeClaim.self, namespace: pod.metadata.namespace, name: source.claimName),
                let pvName = claim.spec.volumeName,
                let pv = store.get(PersistentVolume.self, namespace: "", name: pvName)
            else { return nil }
            if let path = Self.nodeLocalPath(pv) { return .host(node: node, path: path) }
            return .persistentVolume(Self.storageIdentity(pv))
        case .hostPath(let path, _): return .host(node: node, path: Self.normalize(path))
        // The kubelet writes a configMap, secret or projected volume's files on the pod's own storage.
        case .emptyDir, .configMap, .secret, .projected: return .pod(uid, volume: volume.name)
        }
    }

    /// Reads a file as `cat` would, through the container's filesystem.
    public func readFile(_ pod: Pod, container: Int = 0, path: String) -> Result<String, FileError> {
        ContainerFiles(cluster: self, pod: pod, container: container).read(path)
    }

    /// A program's write: it lands whether or not its directory exists (the programs stsim
    /// simulates create their data directory; the shell's tools check, through `ContainerFiles`).
    public func writeFile(_ pod: Pod, container: Int = 0, path: String, _ text: String) {
        guard let (disk, relative) = fileLocation(pod, container: container, path: path) else { return }
        apps.files.write(disk, relative, text)
    }

    /// What `ls PATH` lists: a directory's entries, or the file itself.
    public func listFiles(_ pod: Pod, container: Int = 0, path: String) -> Result<[String], FileError> {
        ContainerFiles(cluster: self, pod: pod, container: container).list(path)
    }

    /// Whether the path is on one of the container's mounted volumes (everything else belongs to
    /// the image, whose files stsim does not keep, except what the program itself wrote there).
    public func isOnVolume(_ pod: Pod, container index: Int = 0, path: String) -> Bool {
        let clean = Self.normalize(path)
        guard index < pod.spec.containers.count else { return false }
        return pod.spec.containers[index].volumeMounts.contains {
            Self.path(clean, isUnder: Self.normalize($0.mountPath))
        }
    }

    /// Whether the path is on a configMap, secret or projected volume, which the kubelet mounts
    /// read-only.
    public func isOnReadOnlyVolume(_ pod: Pod, container index: Int = 0, path: String) -> Bool {
        guard index < pod.spec.containers.count else { return false }
        let clean = Self.normalize(path)
        let mounts = pod.spec.containers[index].volumeMounts.filter {
            Self.path(clean, isUnder: Self.normalize($0.mountPath))
        }
        guard let m = mounts.max(by: { Self.normalize($0.mountPath).count < Self.normalize($1.mountPath).count }),
            let v = pod.spec.volumes.first(where: { $0.name == m.name })
        else { return false }
        switch v.source {
        case .configMap, .secret, .projected: return true
        default: return false
        }
    }

    /// The mount points of a container, sorted, for messages that name them.
    public func mountPaths(_ pod: Pod, container index: Int = 0) -> [String] {
        guard index < pod.spec.containers.count else { return [] }
        return pod.spec.containers[index].volumeMounts.map { Self.normalize($0.mountPath) }.sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
    }

    /// `/etc/hostname`, `/etc/hosts` and `/etc/resolv.conf`, as the kubelet writes them (reference 10.3).
    func kubeletFile(_ pod: Pod, path: String) -> String? {
        let host = pod.spec.hostname ?? pod.metadata.name
        switch path {
        case "/etc/hostname": return host + "\n"
        case "/etc/resolv.conf":
            let search = dnsSearchDomains(namespace: pod.metadata.namespace).joined(separator: " ")
            return "search \(search)\nnameserver 10.96.0.10\noptions ndots:5\n"
        case "/etc/hosts":
            var text =
                "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
            text += "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
            if let ip = pod.status.podIP {
                let fqdn =
                    pod.spec.subdomain.map { "\(host).\($0).\(pod.metadata.namespace).svc.cluster.local\t" } ?? ""
                text += "\(ip)\t\(fqdn)\(host)\n"
            }
            return text
        default: return nil
        }
    }

    static func normalize(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." }
        return "/" + parts.joined(separator: "/")
    }

    static func path(_ path: String, isUnder root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }
}

extension Cluster {
    /// A Delete or Recycle reclaim erases the volume's files; Retain keeps them on the Released volume.
    func eraseFiles(of pv: PersistentVolume) {
        if let path = Self.nodeLocalPath(pv) {
            apps.files.wipeHostPath(path)
        } else {
            apps.files.wipe(.persistentVolume(Self.storageIdentity(pv)))
        }
    }

    /// Where a network-attached volume's data really is: two PVs naming the same NFS export see
    /// the same files. Volumes stsim provisions are their own storage, named after the PV.
    static func storageIdentity(_ pv: PersistentVolume) -> String {
        guard pv.metadata.annotations["pv.kubernetes.io/provisioned-by"] == nil else { return pv.metadata.name }
        switch pv.spec.source {
        case .nfs(let server, let path): return "nfs://\(server)\(normalize(path))"
        case .csi(let driver, let handle): return "csi://\(driver)/\(handle)"
        default: return pv.metadata.name
        }
    }

    /// The directory of a hand-made hostPath or local PV, whose files stay on each node; nil for
    /// a volume the cluster's provisioner made. stsim's default class stands for network-attached
    /// storage (the issue: "moves between nodes with network-attached volumes, the default
    /// class"), even though its PV names a hostPath the way minikube's provisioner does; a
    /// provisioned node-local volume (local-path) pins its pods to its node, so it never moves.
    public static func nodeLocalPath(_ pv: PersistentVolume) -> String? {
        guard pv.metadata.annotations["pv.kubernetes.io/provisioned-by"] == nil else { return nil }
        switch pv.spec.source {
        case .hostPath(let path, _), .local(let path): return normalize(path)
        default: return nil
        }
    }
}
