/// The API server's ServiceAccount admission (plugin/pkg/admission/serviceaccount, admission.go)
/// for a pod being created: the account it runs as must exist in its namespace.
extension Cluster {
    func serviceAccountAdmissionError(creating o: KubeObject) -> APIError? {
        guard case .pod(let pod) = o else { return nil }
        let namespace = pod.metadata.namespace
        let name = pod.spec.serviceAccountName.flatMap { $0.isEmpty ? nil : $0 } ?? ServiceAccount.defaultName
        if store.get(ServiceAccount.self, namespace: namespace, name: name) != nil { return nil }
        if name == ServiceAccount.defaultName {
            // `getServiceAccount` looks `default` up ten times, giving the controller time to
            // make it: a pod created right after its namespace (or after `default` was deleted)
            // is admitted once the controller's pending sync has run.
            serviceAccounts.sync(namespace)
            if store.get(ServiceAccount.self, namespace: namespace, name: name) != nil { return nil }
        }
        return APIError(
            reason: .forbidden,
            message:
                "pods \(GoSyntax.quote(pod.metadata.name)) is forbidden: error looking up service account \(namespace)/\(name): serviceaccount \(GoSyntax.quote(name)) not found",
            kind: .pod, name: pod.metadata.name)
    }
}

extension Cluster {
    /// The admission's changes to a pod: the account's pull secrets, then
    /// `mountServiceAccountToken`: unless the pod or its account says `automountServiceAccountToken:
    /// false`, every container (init containers too) that has nothing at the token path mounts
    /// the projected `kube-api-access-xxxxx` volume there, read-only. The suffix comes from a
    /// generator of its own, so the seeded names of everything else stay as they were.
    func admitToServiceAccount(_ pod: inout Pod) {
        let name = pod.spec.serviceAccountName.flatMap { $0.isEmpty ? nil : $0 } ?? ServiceAccount.defaultName
        let account = store.get(ServiceAccount.self, namespace: pod.metadata.namespace, name: name)
        // A pod that names no pull secrets takes its account's.
        if (pod.spec.imagePullSecrets ?? []).isEmpty, let pulls = account?.imagePullSecrets, !pulls.isEmpty {
            pod.spec.imagePullSecrets = pulls
        }
        guard pod.spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true else { return }
        let path = ProjectedVolumeSource.apiAccessMountPath
        let existing = pod.spec.volumes.first { $0.name.hasPrefix(ProjectedVolumeSource.apiAccessPrefix) }?.name
        var volumeName = existing ?? ""
        if existing == nil {
            var names = SeededRandom(
                seed: config.seed ^ 0x6b75_6265_2d61_7069 ^ UInt64(store.lastResourceVersion) &* 0x9E37_79B9_7F4A_7C15)
            volumeName = ProjectedVolumeSource.apiAccessPrefix + names.nameSuffix()
        }
        let mount = VolumeMount(name: volumeName, mountPath: path, readOnly: true)
        var needed = false
        for i in pod.spec.initContainers.indices
        where !pod.spec.initContainers[i].volumeMounts.contains(where: {
            $0.mountPath == path
        }) {
            pod.spec.initContainers[i].volumeMounts.append(mount)
            needed = true
        }
        for i in pod.spec.containers.indices
        where !pod.spec.containers[i].volumeMounts.contains(where: {
            $0.mountPath == path
        }) {
            pod.spec.containers[i].volumeMounts.append(mount)
            needed = true
        }
        if existing == nil, needed {
            pod.spec.volumes.append(Volume(name: volumeName, source: .projected(.apiAccess)))
        }
    }
}
