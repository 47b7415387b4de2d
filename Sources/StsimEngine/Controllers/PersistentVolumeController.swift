/// The PersistentVolume controller ("persistentvolume-controller", reference 8) with the
/// provisioner of the default class folded in: static binding (smallest fitting Available
/// volume), dynamic provisioning of `pvc-<claim uid>` volumes, phases, and reclaim
/// Retain/Delete/Recycle when a bound claim goes away.
final class PersistentVolumeController {
    static let component = "persistentvolume-controller"
    static let claimProtectionFinalizer = "kubernetes.io/pvc-protection"
    static let volumeProtectionFinalizer = "kubernetes.io/pv-protection"
    static let selectedNodeAnnotation = "volume.kubernetes.io/selected-node"

    unowned let cluster: Cluster
    /// The waiting claims, oldest first.
    var pendingClaims: [ObjectKey] { state.pending.sorted { $0.value < $1.value }.map(\.key) }
    /// The provisioner's event source (`<provisioner>_<node>_<uuid>`); the uuid is made on first use.
    private func provisionerIdentity(_ provisioner: String) -> String {
        let uuid = state.identity ?? "\(cluster.random.uid())"
        state.identity = uuid
        return "\(provisioner)_\(provisionerHost)_\(uuid)"
    }

    /// Where the provisioner runs: the control plane, or the first node where there is none
    /// (GKE's runs out of sight); looked up once.
    private var provisionerHost: String {
        if let host = state.host { return host }
        let nodes = cluster.store.list(Node.self)
        let host =
            (nodes.first { $0.metadata.labels[Node.controlPlaneRoleLabel] != nil } ?? nodes.first)?.metadata.name
            ?? "localhost"
        state.host = host
        return host
    }

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State: Codable {
        /// Volumes that are Available and unclaimed (static binding looks only here).
        var available: Set<String> = []
        /// Claims waiting for a volume, with the order they started waiting in.
        var pending: [ObjectKey: Int] = [:]
        var pendingCounter = 0
        var provisioning: Set<UID> = []
        /// The uuid part of the provisioner's identity.
        var identity: String?
        var host: String?
    }
    var state = State()

    init(cluster: Cluster) { self.cluster = cluster }

    // MARK: Informers

    func claimChanged(_ claim: PersistentVolumeClaim, type: ChangeType) {
        let key = ObjectKey(
            kind: .persistentVolumeClaim, namespace: claim.metadata.namespace, name: claim.metadata.name)
        switch type {
        case .added, .modified:
            if claim.status.phase != .bound, claim.metadata.deletionTimestamp == nil {
                cluster.enqueueSync(.syncClaim(key))
            }
        case .deleted:
            if let pv = claim.spec.volumeName {
                cluster.enqueueSync(.reclaimVolume(ObjectKey(kind: .persistentVolume, namespace: "", name: pv)))
            }
        }
    }

    func volumeChanged(_ pv: PersistentVolume, type: ChangeType) {
        let name = pv.metadata.name
        let key = ObjectKey(kind: .persistentVolume, namespace: "", name: name)
        if type == .deleted {
            state.available.remove(name)
            if let ref = pv.spec.claimRef, pv.status.phase == .bound,
                var claim = cluster.store.get(
                    PersistentVolumeClaim.self, namespace: ref.namespace ?? "", name: ref.name),
                claim.metadata.uid == ref.uid
            {
                claim.status.phase = .lost
                cluster.write(.persistentVolumeClaim(claim))
            }
            return
        }
        if pv.status.phase == .available, pv.spec.claimRef == nil, pv.metadata.deletionTimestamp == nil {
            if state.available.insert(name).inserted { retryPending() }
        } else {
            state.available.remove(name)
        }
        if pv.status.phase == .pending {
            // New volume: Available unless pre-bound to a claim.
            var v = pv
            setPhase(&v, .available)
            cluster.write(.persistentVolume(v))
            if let ref = pv.spec.claimRef {
                cluster.enqueueSync(
                    .syncClaim(ObjectKey(kind: .persistentVolumeClaim, namespace: ref.namespace ?? "", name: ref.name)))
            }
            return
        }
        if pv.spec.claimRef == nil, pv.status.phase == .released || pv.status.phase == .failed,
            pv.metadata.deletionTimestamp == nil
        {
            // pv_controller syncVolume: a volume without a claimRef is unused, so Available (an
            // administrator frees a Retained volume by removing its claimRef).
            var v = pv
            setPhase(&v, .available)
            v.status.message = nil
            cluster.write(.persistentVolume(v))
            return
        }
        if pv.metadata.deletionTimestamp != nil, pv.status.phase != .bound { cluster.enqueueSync(.reclaimVolume(key)) }
    }

    func storageClassChanged() {
        // 1.28+: claims left without a class get the default class when one appears (8.2).
        if let def = cluster.defaultStorageClassName() {
            for key in pendingClaims {
                guard var c = cluster.store.get(PersistentVolumeClaim.self, namespace: key.namespace, name: key.name),
                    c.spec.storageClassName == nil
                else { continue }
                c.spec.storageClassName = def
                cluster.write(.persistentVolumeClaim(c))
            }
        }
        retryPending()
    }

    private func retryPending() {
        for key in pendingClaims { cluster.enqueueSync(.syncClaim(key)) }
    }

    // MARK: Binding (8.1) and provisioning (8.2)

    func syncClaim(_ key: ObjectKey) {
        guard let claim = cluster.store.get(PersistentVolumeClaim.self, namespace: key.namespace, name: key.name),
            claim.status.phase != .bound, claim.metadata.deletionTimestamp == nil
        else { return unpend(key) }
        if let pv = findVolume(for: claim) {
            unpend(key)
            bind(pv, claim)
            return
        }
        if state.pending[key] == nil {
            state.pendingCounter += 1
            state.pending[key] = state.pendingCounter
        }
        let className = claim.storageClass
        guard !className.isEmpty else {
            event(
                key, claim, .normal, "FailedBinding",
                "no persistent volumes available for this claim and no storage class is set")
            return
        }
        guard let sc = cluster.store.get(StorageClass.self, namespace: "", name: className) else {
            event(key, claim, .warning, "ProvisioningFailed", "storageclass.storage.k8s.io \"\(className)\" not found")
            return
        }
        if sc.volumeBindingMode == .waitForFirstConsumer, claim.metadata.annotations[Self.selectedNodeAnnotation] == nil
        {
            event(
                key, claim, .normal, "WaitForFirstConsumer", "waiting for first consumer to be created before binding")
            return
        }
        guard let uid = claim.metadata.uid, state.provisioning.insert(uid).inserted else { return }
        var c = claim
        c.metadata.annotations["volume.beta.kubernetes.io/storage-provisioner"] = sc.provisioner
        c.metadata.annotations["volume.kubernetes.io/storage-provisioner"] = sc.provisioner
        cluster.write(.persistentVolumeClaim(c))
        event(
            key, claim, .normal, "ExternalProvisioning",
            "Waiting for a volume to be created either by the external provisioner '\(sc.provisioner)' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered."
        )
        cluster.recordEvent(
            .normal, "Provisioning",
            "External provisioner is provisioning volume for claim \"\(key.namespace)/\(key.name)\"", about: key,
            uid: uid, source: provisionerIdentity(sc.provisioner))
        cluster.schedule(.provisionVolume(claim: key, uid: uid), after: cluster.timing.volumeProvisioning)
    }

    private func unpend(_ key: ObjectKey) { state.pending[key] = nil }

    /// The smallest Available volume that fits (ties by name), or one pre-bound to this claim.
    private func findVolume(for claim: PersistentVolumeClaim) -> PersistentVolume? {
        if let name = claim.spec.volumeName {
            guard let pv = cluster.store.get(PersistentVolume.self, namespace: "", name: name),
                pv.status.phase != .bound || pv.spec.claimRef?.uid == claim.metadata.uid
            else { return nil }
            return pv
        }
        var best: PersistentVolume?
        for name in state.available.sorted() {
            guard let pv = cluster.store.get(PersistentVolume.self, namespace: "", name: name), fits(pv, claim) else {
                continue
            }
            if best == nil || (pv.spec.capacity?.value ?? 0) < (best!.spec.capacity?.value ?? 0) { best = pv }
        }
        if best != nil { return best }
        // A volume created with a claimRef naming this claim (the provisioner's, or an admin's).
        if let uid = claim.metadata.uid,
            let pv = cluster.store.get(PersistentVolume.self, namespace: "", name: "pvc-\(uid)"),
            pv.spec.claimRef?.uid == uid, pv.status.phase != .bound
        {
            return pv
        }
        return nil
    }

    private func fits(_ pv: PersistentVolume, _ claim: PersistentVolumeClaim) -> Bool {
        guard pv.status.phase == .available, pv.metadata.deletionTimestamp == nil else { return false }
        if let ref = pv.spec.claimRef {
            return ref.name == claim.metadata.name && ref.namespace == claim.metadata.namespace
                && (ref.uid == nil || ref.uid == claim.metadata.uid)
        }
        guard pv.storageClass == claim.storageClass else { return false }
        guard claim.spec.accessModes.allSatisfy(pv.spec.accessModes.contains) else { return false }
        guard (pv.spec.volumeMode ?? .filesystem) == (claim.spec.volumeMode ?? .filesystem) else { return false }
        guard (pv.spec.capacity?.value ?? 0) >= (claim.spec.storageRequest?.value ?? 0) else { return false }
        if let selector = claim.spec.selector, !selector.matches(pv.metadata.labels) { return false }
        return true
    }

    func provision(claim key: ObjectKey, uid: UID) {
        state.provisioning.remove(uid)
        guard let claim = cluster.store.get(PersistentVolumeClaim.self, namespace: key.namespace, name: key.name),
            claim.metadata.uid == uid, claim.status.phase != .bound,
            let sc = cluster.store.get(StorageClass.self, namespace: "", name: claim.storageClass)
        else { return }
        var pv = PersistentVolume()
        pv.metadata.name = "pvc-\(uid)"
        pv.metadata.annotations["pv.kubernetes.io/provisioned-by"] = sc.provisioner
        pv.spec.capacity = claim.spec.storageRequest
        pv.spec.accessModes = claim.spec.accessModes
        pv.spec.persistentVolumeReclaimPolicy = sc.reclaimPolicy ?? .delete
        pv.spec.storageClassName = sc.metadata.name
        pv.spec.volumeMode = claim.spec.volumeMode
        let node = claim.metadata.annotations[Self.selectedNodeAnnotation].flatMap {
            cluster.store.get(Node.self, namespace: "", name: $0)
        }
        VolumeProvisioning.shape(&pv, provisioner: sc.provisioner, claim: key, node: node)
        pv.spec.claimRef = ObjectReference(
            kind: "PersistentVolumeClaim", apiVersion: "v1", namespace: key.namespace, name: key.name, uid: uid,
            resourceVersion: String(claim.metadata.resourceVersion))
        guard case .success = cluster.create(.persistentVolume(pv)) else { return }
        cluster.recordEvent(
            .normal, "ProvisioningSucceeded", "Successfully provisioned volume pvc-\(uid)", about: key, uid: uid,
            source: provisionerIdentity(sc.provisioner))
        // The volume's Pending → Available step queued a claim sync, which binds it.
    }

    /// Binding writes the volume first, then the claim (8.1).
    private func bind(_ volume: PersistentVolume, _ claim: PersistentVolumeClaim) {
        var pv = volume
        if pv.spec.claimRef == nil {
            pv.metadata.annotations["pv.kubernetes.io/bound-by-controller"] = "yes"
        }
        pv.spec.claimRef = ObjectReference(
            kind: "PersistentVolumeClaim", apiVersion: "v1", namespace: claim.metadata.namespace,
            name: claim.metadata.name,
            uid: claim.metadata.uid, resourceVersion: String(claim.metadata.resourceVersion))
        setPhase(&pv, .bound)
        cluster.write(.persistentVolume(pv))
        var c = claim
        if c.spec.volumeName == nil { c.metadata.annotations["pv.kubernetes.io/bound-by-controller"] = "yes" }
        c.metadata.annotations["pv.kubernetes.io/bind-completed"] = "yes"
        c.spec.volumeName = pv.metadata.name
        c.status = PersistentVolumeClaimStatus(
            phase: .bound, accessModes: pv.spec.accessModes, capacity: pv.spec.capacity)
        cluster.write(.persistentVolumeClaim(c))
    }

    // MARK: Reclaim (8.4)

    func reclaim(_ key: ObjectKey) {
        guard var pv = cluster.store.get(PersistentVolume.self, namespace: "", name: key.name) else { return }
        if pv.status.phase == .bound, let ref = pv.spec.claimRef {
            let claim = cluster.store.get(PersistentVolumeClaim.self, namespace: ref.namespace ?? "", name: ref.name)
            guard claim?.metadata.uid != ref.uid else { return }  // still bound to a live claim
            setPhase(&pv, .released)
            pv = PersistentVolume(cluster.write(.persistentVolume(pv)) ?? .persistentVolume(pv)) ?? pv
            switch pv.spec.persistentVolumeReclaimPolicy ?? .retain {
            case .delete:
                if case .hostPath(let path, _) = pv.spec.source, !path.hasPrefix("/tmp/") {
                    setPhase(&pv, .failed)
                    pv.status.message = "host_path deleter only supports /tmp/.+ but received provided \(path)"
                    cluster.write(.persistentVolume(pv))
                    cluster.recordEvent(
                        .warning, "VolumeFailedDelete", pv.status.message!, about: key, uid: pv.metadata.uid,
                        source: Self.component)
                    return
                }
                pv.metadata.finalizers.removeAll { $0 == Self.volumeProtectionFinalizer }
                cluster.write(.persistentVolume(pv))
                cluster.eraseFiles(of: pv)
                if let o = cluster.store.get(key) { cluster.deleteObject(o) }
                return
            case .recycle:
                cluster.schedule(.recycleDone(key), after: cluster.timing.volumeRecycle)
            default:
                break
            }
        }
        // pv-protection: a volume being deleted goes once nothing is bound to it.
        if pv.metadata.deletionTimestamp != nil, pv.status.phase != .bound {
            pv.metadata.finalizers.removeAll { $0 == Self.volumeProtectionFinalizer }
            cluster.write(.persistentVolume(pv))
        }
    }

    func recycleDone(_ key: ObjectKey) {
        guard var pv = cluster.store.get(PersistentVolume.self, namespace: "", name: key.name),
            pv.status.phase == .released
        else { return }
        pv.spec.claimRef = nil
        setPhase(&pv, .available)
        cluster.eraseFiles(of: pv)  // the recycler's `rm -rf /scrub/..*`
        cluster.write(.persistentVolume(pv))
    }

    private func setPhase(_ pv: inout PersistentVolume, _ phase: PersistentVolumePhase) {
        if pv.status.phase != phase { pv.status.lastPhaseTransitionTime = cluster.now }
        pv.status.phase = phase
    }

    private func event(
        _ key: ObjectKey, _ claim: PersistentVolumeClaim, _ type: EventType, _ reason: String, _ message: String
    ) {
        cluster.recordEvent(type, reason, message, about: key, uid: claim.metadata.uid, source: Self.component)
    }
}
