/// How dependents are treated when their owner is deleted (`--cascade`).
public enum PropagationPolicy: String, Sendable, Hashable {
    case background = "Background"
    case foreground = "Foreground"
    case orphan = "Orphan"
}

public struct DeleteOptions: Sendable, Hashable {
    /// nil: the object's own grace period (pods: `terminationGracePeriodSeconds`).
    public var gracePeriodSeconds: Int?
    /// `--force`: grace 0, the object is removed without waiting for the kubelet.
    public var force: Bool
    public var propagation: PropagationPolicy

    public init(gracePeriodSeconds: Int? = nil, force: Bool = false, propagation: PropagationPolicy = .background) {
        self.gracePeriodSeconds = gracePeriodSeconds
        self.force = force
        self.propagation = propagation
    }
}

/// What `apply` did, for kubectl's `created` / `configured` / `unchanged`.
public enum ApplyOutcome: String, Sendable, Hashable {
    case created, configured, unchanged
}

extension Cluster {
    // MARK: Reading

    public func get(_ key: ObjectKey) -> KubeObject? { store.get(key) }

    public func get(_ kind: ResourceKind, namespace: String? = nil, name: String) -> Result<KubeObject, APIError> {
        let key = ObjectKey(kind: kind, namespace: namespace ?? config.namespace, name: name)
        if kind == .event {
            return events.first { $0.metadata.name == name }.map { .success(.event($0)) }
                ?? .failure(.notFound(kind, name))
        }
        return store.get(key).map { .success(asServed($0)) } ?? .failure(.notFound(kind, name))
    }

    public func get<T: KubeResource>(_ type: T.Type, _ name: String, namespace: String? = nil) -> T? {
        store.get(type, namespace: namespace ?? config.namespace, name: name)
    }

    /// Objects of a kind in API list order (name byte order), optionally filtered by a selector.
    /// `namespace: nil` means the default namespace; pass `allNamespaces` for every one.
    public func list(
        _ kind: ResourceKind, namespace: String? = nil, allNamespaces: Bool = false, selector: LabelSelector? = nil
    ) -> [KubeObject] {
        let ns = allNamespaces ? nil : (namespace ?? config.namespace)
        var objects: [KubeObject]
        if kind == .event {
            objects = events.filter { ns == nil || $0.metadata.namespace == ns }
                .sorted { $0.metadata.name.utf8.lexicographicallyPrecedes($1.metadata.name.utf8) }
                .map { .event($0) }
        } else {
            objects = store.list(kind, namespace: ns)
            if kind == .node { objects = objects.map(asServed) }
        }
        if let selector { objects = objects.filter { selector.matches($0.metadata.labels) } }
        return objects
    }

    public func list<T: KubeResource>(_ type: T.Type, namespace: String? = nil, selector: LabelSelector? = nil) -> [T] {
        // Sized up front: for 100,000 pods, growing by doubling held ~1 KiB per pod at its peak.
        let objects = list(T.resourceKind, namespace: namespace, selector: selector)
        var typed: [T] = []
        typed.reserveCapacity(objects.count)
        for o in objects { if let t = T(o) { typed.append(t) } }
        return typed
    }

    // MARK: Creating

    /// Creates an object as the API server would: namespace and name (generateName), defaults,
    /// admission (pod tolerations, default storage class, protection finalizers), validation,
    /// uid, creation time, generation. A `dryRun` (the API's `dryRun=All`) returns the object as
    /// it would be stored and changes nothing, not even the random source (nor a node's kubelet).
    @discardableResult
    public func create(_ object: KubeObject, dryRun: Bool = false) -> Result<KubeObject, APIError> {
        var o = object
        if o.kind.isNamespaced, o.metadata.namespace.isEmpty { o.metadata.namespace = config.namespace }
        if !o.kind.isNamespaced, !o.metadata.namespace.isEmpty { o.metadata.namespace = "" }
        if o.metadata.name.isEmpty {
            guard let prefix = o.metadata.generateName, !prefix.isEmpty else {
                return .failure(
                    .invalid(
                        o.kind, "",
                        [.init(field: "metadata.name", body: "Required value: name or generateName is required")]))
            }
            repeat { o.metadata.name = prefix + random.nameSuffix() } while store.get(o.key) != nil
        }
        // Admission (NamespaceLifecycle, ServiceAccount) runs before the storage layer finds a duplicate.
        if let e = namespaceLifecycleError(creating: o) { return .failure(e) }
        if let e = serviceAccountAdmissionError(creating: o) { return .failure(e) }
        if store.get(o.key) != nil { return .failure(.alreadyExists(o.kind, o.metadata.name)) }
        dropDisabledFields(&o, old: nil)
        applyDefaults(&o, defaultStorageClass: defaultStorageClassName())
        let causes = Validation.validateCreate(o)
        if !causes.isEmpty { return .failure(.invalid(o.kind, o.metadata.name, causes)) }
        if let e = limitError(storing: o, replacing: nil) { return .failure(e) }
        let randomBefore = random
        if !(dryRun && o.kind == .node) { admit(&o) }
        // One metadata write: every write to an enum payload copies the object once.
        var m = o.metadata
        m.uid = random.uid()
        m.creationTimestamp = now
        m.deletionTimestamp = nil
        m.deletionGracePeriodSeconds = nil
        switch o.kind {
        case .statefulSet, .replicaSet, .podDisruptionBudget, .daemonSet: m.generation = 1
        default: m.generation = 0
        }
        m.resourceVersion = store.lastResourceVersion + 1
        o.metadata = m
        if dryRun {
            random = randomBefore
            return .success(o)
        }
        return .success(store.insert(o, at: now))
    }

    private static let claimFinalizers = [PersistentVolumeController.claimProtectionFinalizer]
    private static let volumeFinalizers = [PersistentVolumeController.volumeProtectionFinalizer]

    /// Admission and the registry's PrepareForCreate: what the API server writes on its own.
    private func admit(_ o: inout KubeObject) {
        switch o {
        case .pod(var p):
            admitToServiceAccount(&p)
            // A pod the cluster starts with may come with the status its kubelet reports (the
            // DaemonSets' pods after the first: `Cluster.daemonSet`), one write instead of two.
            p.status =
                startingPods[ObjectKey(kind: .pod, namespace: p.metadata.namespace, name: p.metadata.name)]?
                .status ?? PodStatus(phase: .pending)
            o = .pod(p)
        case .persistentVolumeClaim(var c):
            // One shared array for the common case (no finalizers yet), not one per claim.
            if c.metadata.finalizers.isEmpty {
                c.metadata.finalizers = Self.claimFinalizers
            } else if !c.metadata.finalizers.contains(PersistentVolumeController.claimProtectionFinalizer) {
                c.metadata.finalizers.append(PersistentVolumeController.claimProtectionFinalizer)
            }
            c.status = PersistentVolumeClaimStatus(phase: .pending)
            o = .persistentVolumeClaim(c)
        case .persistentVolume(var v):
            if v.metadata.finalizers.isEmpty {
                v.metadata.finalizers = Self.volumeFinalizers
            } else if !v.metadata.finalizers.contains(PersistentVolumeController.volumeProtectionFinalizer) {
                v.metadata.finalizers.append(PersistentVolumeController.volumeProtectionFinalizer)
            }
            v.status = PersistentVolumeStatus(phase: .pending, lastPhaseTransitionTime: now)
            o = .persistentVolume(v)
        case .node(var n):
            registerNode(&n)
            o = .node(n)
        case .service(var s):
            if s.spec.clusterIP == nil, s.spec.type != .externalName {
                s.spec.clusterIP = allocateServiceIP()
                s.spec.clusterIPs = [s.spec.clusterIP!]
            }
            o = .service(s)
        case .statefulSet(var s):
            s.status = StatefulSetStatus()
            o = .statefulSet(s)
        case .replicaSet(var r):
            r.status = ReplicaSetStatus()
            o = .replicaSet(r)
        case .daemonSet(var d):
            d.status = DaemonSetStatus()
            o = .daemonSet(d)
        case .podDisruptionBudget(var b):
            b.status = PodDisruptionBudgetStatus()
            o = .podDisruptionBudget(b)
        default:
            break
        }
    }

    func defaultStorageClassName() -> String? {
        if let cached = defaultStorageClass.value { return cached }
        let name = newestDefaultStorageClass()
        defaultStorageClass.value = .some(name)
        return name
    }

    private func newestDefaultStorageClass() -> String? {
        // Several defaults: the newest wins (8.2).
        store.list(StorageClass.self).filter(\.isDefault)
            .max {
                ($0.metadata.creationTimestamp ?? .zero, $0.metadata.name) < (
                    $1.metadata.creationTimestamp ?? .zero, $1.metadata.name
                )
            }?
            .metadata.name
    }

    // MARK: Updating

    /// Replaces an object's spec and metadata as a user update (`kubectl replace`, `edit`):
    /// status is kept, immutable fields are checked, `generation` grows when the spec changes.
    @discardableResult
    public func update(_ object: KubeObject, dryRun: Bool = false) -> Result<KubeObject, APIError> {
        var o = object
        if o.kind.isNamespaced, o.metadata.namespace.isEmpty { o.metadata.namespace = config.namespace }
        guard let old = store.get(o.key) else { return .failure(.notFound(o.kind, o.metadata.name)) }
        if o.metadata.resourceVersion != 0, o.metadata.resourceVersion != old.metadata.resourceVersion {
            return .failure(
                APIError(
                    reason: .conflict,
                    message:
                        "Operation cannot be fulfilled on \(o.kind.qualifiedResource) \"\(o.metadata.name)\": the object has been modified; please apply your changes to the latest version and try again",
                    kind: o.kind, name: o.metadata.name))
        }
        dropDisabledFields(&o, old: old)
        applyDefaults(&o, defaultStorageClass: nil)
        let causes = Validation.validateUpdate(old: old, new: o)
        if !causes.isEmpty { return .failure(.invalid(o.kind, o.metadata.name, causes)) }
        if let e = limitError(storing: o, replacing: old) { return .failure(e) }
        if case .daemonSet(let d) = o, case .daemonSet(let was) = old, d.spec != was.spec {
            return .failure(Self.daemonSetUnchangeable(d.metadata.name))
        }
        var m = o.metadata
        m.uid = old.metadata.uid
        m.creationTimestamp = old.metadata.creationTimestamp
        m.deletionTimestamp = old.metadata.deletionTimestamp
        m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds
        m.generation = old.metadata.generation
        m.namespace = old.metadata.namespace
        m.resourceVersion = old.metadata.resourceVersion
        var merged = Self.keepingStatus(of: old, in: o)
        if Self.specDiffers(defaultedAsRead(old), merged) { m.generation += 1 }
        merged.metadata = m
        if merged == old { return .success(old) }
        if dryRun { return .success(merged) }
        // Removing the last finalizer of an object being deleted lets it go (`patch ... finalizers: null`).
        if Self.finalizersReleased(merged) { return .success(store.remove(merged.key, at: now) ?? merged) }
        return .success(store.replace(merged, at: now))
    }

    /// Declarative apply: create when absent, otherwise update with the given object's spec,
    /// labels and annotations.
    public func apply(_ object: KubeObject) -> Result<(ApplyOutcome, KubeObject), APIError> {
        var o = object
        if o.kind.isNamespaced, o.metadata.namespace.isEmpty { o.metadata.namespace = config.namespace }
        guard let old = store.get(o.key) else { return create(o).map { (.created, $0) } }
        var m = old.metadata
        m.labels = o.metadata.labels
        m.annotations = o.metadata.annotations
        o.metadata = m
        o.metadata.resourceVersion = 0
        return update(o).map { new in
            (new.metadata.resourceVersion == old.metadata.resourceVersion ? .unchanged : .configured, new)
        }
    }

    /// Sets `spec.replicas` of a StatefulSet or ReplicaSet (`kubectl scale`).
    @discardableResult
    public func scale(_ kind: ResourceKind, _ name: String, namespace: String? = nil, replicas: Int) -> Result<
        KubeObject, APIError
    > {
        let key = ObjectKey(kind: kind, namespace: namespace ?? config.namespace, name: name)
        guard let old = store.get(key) else { return .failure(.notFound(kind, name)) }
        if replicas < 0 {
            return .failure(
                .invalid(
                    kind, name,
                    [
                        .init(
                            field: "spec.replicas",
                            body: "Invalid value: \(replicas): must be greater than or equal to 0")
                    ]))
        }
        var o = old
        switch old {
        case .statefulSet(var s):
            s.spec.replicas = replicas
            o = .statefulSet(s)
        case .replicaSet(var r):
            r.spec.replicas = replicas
            o = .replicaSet(r)
        default:
            return .failure(
                APIError(
                    reason: .notFound, message: "the server could not find the requested resource", kind: kind,
                    name: name))
        }
        return update(o)
    }

    /// Engine-internal write of a whole object (status included), used by controllers. An object
    /// whose deletion was waiting for finalizers is removed once the last one goes.
    @discardableResult
    func write(_ object: KubeObject) -> KubeObject? {
        if object.kind != .pod, object.metadata.deletionTimestamp != nil, object.metadata.finalizers.isEmpty {
            store.remove(object.key, at: now)
            return nil
        }
        return store.replace(object, at: now)
    }

    /// The typed form of `write`, cheaper on hot paths (no re-boxing for the resourceVersion).
    @discardableResult
    func write<T: KubeResource>(_ object: T) -> KubeObject? {
        if T.resourceKind != .pod, object.metadata.deletionTimestamp != nil, object.metadata.finalizers.isEmpty {
            store.remove(
                ObjectKey(kind: T.resourceKind, namespace: object.metadata.namespace, name: object.metadata.name),
                at: now)
            return nil
        }
        return store.replace(object, at: now)
    }

    // MARK: Deleting

    /// Deletes an object. Pods on a node are deleted gracefully (the kubelet finishes the job);
    /// objects with finalizers get a deletionTimestamp and wait for them.
    @discardableResult
    public func delete(
        _ kind: ResourceKind, _ name: String, namespace: String? = nil, options: DeleteOptions = DeleteOptions()
    ) -> Result<KubeObject, APIError> {
        let key = ObjectKey(kind: kind, namespace: namespace ?? config.namespace, name: name)
        guard let old = store.get(key) else { return .failure(.notFound(kind, name)) }
        if case .namespace(let ns) = old { return deleteNamespace(ns) }
        if options.propagation == .orphan, let uid = old.metadata.uid { orphanDependents(of: uid) }
        if options.propagation == .foreground, old.kind != .pod, let uid = old.metadata.uid,
            store.dependentCount(of: uid) > 0, !old.metadata.finalizers.contains(GarbageCollector.foreground)
        {
            // The API server keeps the owner, marked, until the garbage collector has deleted
            // what it owns (apiserver's deletion strategy; gc's processDeletingDependentsItem).
            var marked = old
            marked.metadata.finalizers.append(GarbageCollector.foreground)
            let deleted = deleteObject(marked, options: options)
            enqueueSync(.garbageCollect(owner: uid))
            return .success(deleted)
        }
        return .success(deleteObject(old, options: options))
    }

    @discardableResult
    func deleteObject(_ old: KubeObject, options: DeleteOptions = DeleteOptions()) -> KubeObject {
        if case .pod(var pod) = old {
            let grace =
                options.force
                ? 0
                : (options.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds
                    ?? Int(timing.terminationGracePeriod.seconds))
            let terminal = pod.status.phase == .succeeded || pod.status.phase == .failed
            if grace <= 0 || pod.spec.nodeName == nil || terminal {
                // Only a pod on a node is force-deleted in a way that matters: its kubelet may
                // still run it, unseen.
                if grace <= 0, pod.spec.nodeName != nil, !terminal {
                    history.recordFault(.forceDeleted, on: old.key, at: now)
                }
                return removePod(old.key) ?? old
            }
            let deadline = now + .seconds(Int64(grace))
            // A deletion deadline is only ever shortened.
            if let existing = pod.metadata.deletionTimestamp, existing <= deadline { return old }
            pod.metadata.deletionTimestamp = deadline
            pod.metadata.deletionGracePeriodSeconds = grace
            return store.replace(.pod(pod), at: now)
        }
        var o = old
        if o.kind == .persistentVolumeClaim { invariants.claimDeletionRequested(o.key) }
        if o.metadata.finalizers.isEmpty { return store.remove(o.key, at: now) ?? o }
        if o.metadata.deletionTimestamp != nil { return o }
        o.metadata.deletionTimestamp = now
        o.metadata.deletionGracePeriodSeconds = 0
        return store.replace(o, at: now)
    }

    private func orphanDependents(of uid: UID) {
        for key in store.dependents(of: uid) {
            guard var d = store.get(key) else { continue }
            d.metadata.ownerReferences.removeAll { $0.uid == uid }
            store.replace(d, at: now)
        }
    }

}
