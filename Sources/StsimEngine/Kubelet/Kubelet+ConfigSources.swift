/// ConfigMaps and Secrets at pod start. A `configMap`/`secret` volume that cannot be set up keeps
/// the pod in ContainerCreating with a FailedMount event; a variable whose source is missing
/// keeps the container in CreateContainerConfigError with a Failed event. Either waits for the
/// object, and the pod goes on as soon as it is created or changed.
extension Kubelet {
    /// The volume manager's retry back-off (goroutinemap/exponentialbackoff): 500 ms doubling to
    /// 2 min 2 s.
    static let mountRetryInitial = VirtualDuration.milliseconds(500)
    static let mountRetryMax = VirtualDuration.milliseconds(122_000)
    /// A pod whose sync failed is synced again after the pod worker's back-off (kubelet.go
    /// `backOffPeriod`, 10 s; stsim leaves out its jitter). Both retries are steady work: they
    /// repeat the events while time passes, but only a created or changed object lets the pod
    /// go on (it wakes the pod at once), so `settle` does not wait for them.
    static let configErrorRetry = VirtualDuration.seconds(10)

    private func apiPod(_ rp: RuntimePod) -> Pod? {
        cluster.store.get(Pod.self, namespace: rp.key.namespace, name: rp.key.name)
    }

    /// Writes the files of the pod's configMap and secret volumes; false after a FailedMount.
    func mountConfigVolumes(_ rp: RuntimePod) -> Bool {
        guard let pod = apiPod(rp) else { return true }
        for volume in pod.spec.volumes {
            switch cluster.configVolumeFiles(volume, in: pod) {
            case nil: continue
            case .failure(let e)?:
                link.recordEvent(
                    .warning, "FailedMount", "MountVolume.SetUp failed for volume \"\(volume.name)\" : \(e.message)",
                    about: rp.key, uid: rp.uid, fieldPath: nil)
                waitFor(e.object, rp.uid)
                let level = rp.mountRetries ?? 0
                pods[rp.uid]?.mountRetries = level + 1
                let delay = min(Self.mountRetryInitial * (1 << Int64(min(level, 20))), Self.mountRetryMax)
                after(delay, rp, .sandboxReady, urgency: .steady)
                return false
            case .success(let files)?:
                cluster.project(files, into: .pod(rp.uid, volume: volume.name))
            }
        }
        return true
    }

    /// Resolves the container's variables before creating it; false (CreateContainerConfigError)
    /// when a source is missing.
    func containerConfigReady(_ rp: inout RuntimePod, _ i: Int) -> Bool {
        guard let pod = apiPod(rp)?.asRun, i < pod.spec.containers.count, i < rp.containers.count else { return true }
        let e: ConfigSourceError
        switch cluster.configEnvironment(pod.spec.containers[i], namespace: rp.key.namespace) {
        case .success(let env):
            rp.containers[i].configEnvironment = withServiceLinks(env, namespace: rp.key.namespace)
            return true
        case .failure(let error): e = error
        }
        let name = rp.containers[i].name
        event(rp, .warning, "Failed", "Error: \(e.message)", container: name)
        rp.containers[i].state = .waiting(reason: "CreateContainerConfigError", message: e.message)
        waitFor(e.object, rp.uid)
        after(Self.configErrorRetry, rp, .configRetry(index: i), urgency: .steady)
        return false
    }

    /// The pod worker's next sync of a container that could not be created: the image is there,
    /// so the kubelet says so and tries the container again.
    func retryContainerConfig(_ rp: RuntimePod, _ i: Int) {
        guard !rp.terminating, rp.nextToStart == i, i < rp.containers.count,
            case .waiting(let reason, _) = rp.containers[i].state, reason == "CreateContainerConfigError"
        else { return }
        let c = rp.containers[i]
        event(rp, .normal, "Pulled", "Container image \"\(c.image)\" already present on machine", container: c.name)
        after(.zero, rp, .containerStarted(index: i))
    }

    /// Waits for the object once, however many retries fail on it.
    private func waitFor(_ object: ObjectKey, _ uid: UID) {
        guard !(cluster.volumeWaiters[object] ?? []).contains(where: { $0.pod == uid }) else { return }
        cluster.waitForVolume(object, node: nodeName, pod: uid)
    }

    /// A restarted container takes its variables afresh (stsim keeps the old ones when a source
    /// has gone, where the kubelet would refuse the restart with CreateContainerConfigError).
    func refreshEnvironment(_ rp: inout RuntimePod, _ i: Int) {
        guard let pod = apiPod(rp)?.asRun, i < pod.spec.containers.count, i < rp.containers.count,
            case .success(let env) = cluster.configEnvironment(pod.spec.containers[i], namespace: rp.key.namespace)
        else { return }
        rp.containers[i].configEnvironment = withServiceLinks(env, namespace: rp.key.namespace)
    }

    /// The container's own variables, then the Services' (makeEnvironmentVariables: a name the
    /// container sets itself keeps its value).
    private func withServiceLinks(_ env: [(String, String?)], namespace: String) -> [ConfigEnvEntry] {
        let own = Set(env.map(\.0))
        let links = cluster.serviceEnvironment(namespace: namespace).filter { !own.contains($0.0) }
        return env.map { ConfigEnvEntry(name: $0.0, value: $0.1) }
            + links.map { ConfigEnvEntry(name: $0.0, value: $0.1) }
    }

    /// A ConfigMap or Secret this node's pod waited for exists now (or changed): mount, or
    /// create the container, again.
    func configSourceChanged(pod uid: UID) {
        guard let rp = pods[uid], !rp.terminating else { return }
        if !rp.sandboxReady { return after(.zero, rp, .sandboxReady) }
        retryContainerConfig(rp, rp.nextToStart)
    }

    /// The kubelet re-syncs mounted ConfigMaps and Secrets: running pods see a changed object's
    /// new keys in their files (the kubelet takes up to its sync period; stsim at once).
    func refreshConfigVolumes(_ key: ObjectKey) {
        for rp in pods.values where rp.sandboxReady && !rp.terminating && rp.key.namespace == key.namespace {
            guard let pod = apiPod(rp) else { continue }
            for volume in pod.spec.volumes {
                guard Self.names(volume).contains(where: { $0.kind == key.kind && $0.name == key.name }),
                    case .success(let files)? = cluster.configVolumeFiles(volume, in: pod)
                else { continue }
                cluster.project(files, into: .pod(rp.uid, volume: volume.name))
            }
        }
    }

    /// The ConfigMaps and Secrets whose keys the volume shows.
    private static func names(_ v: Volume) -> [ObjectKey] {
        switch v.source {
        case .configMap(let p): [ObjectKey(kind: .configMap, namespace: "", name: p.name)]
        case .secret(let p): [ObjectKey(kind: .secret, namespace: "", name: p.name)]
        case .projected(let p):
            p.sources.compactMap { source in
                switch source {
                case .configMap(let k): ObjectKey(kind: .configMap, namespace: "", name: k.name)
                case .secret(let k): ObjectKey(kind: .secret, namespace: "", name: k.name)
                default: nil
                }
            }
        default: []
        }
    }
}

extension Cluster {
    /// The variables a running container took from ConfigMaps and Secrets when it was created.
    func createdEnvironment(_ pod: Pod, container i: Int) -> [(String, String?)]? {
        guard let node = pod.spec.nodeName, let uid = pod.metadata.uid,
            let rp = kubelets[node]?.pods[uid], i < rp.containers.count
        else { return nil }
        return rp.containers[i].configEnvironment?.map { ($0.name, $0.value) }
    }

    /// Replaces a volume's files with these, as the kubelet's atomic writer swaps `..data`.
    func project(_ files: [(String, String)], into disk: Disk) {
        for old in apps.files.paths(disk, under: "") { apps.files.remove(disk, old) }
        for (path, text) in files { apps.files.write(disk, path, text) }
    }

    /// A ConfigMap or Secret appeared or changed: wake the pods waiting for it and refresh the
    /// volumes that hold it.
    func configSourceChanged(_ key: ObjectKey, type: ChangeType) {
        guard type != .deleted else { return }
        for w in volumeWaiters.removeValue(forKey: key) ?? [] { kubelets[w.node]?.configSourceChanged(pod: w.pod) }
        if type == .modified {
            for name in kubelets.keys.sorted() { kubelets[name]?.refreshConfigVolumes(key) }
        }
    }
}
