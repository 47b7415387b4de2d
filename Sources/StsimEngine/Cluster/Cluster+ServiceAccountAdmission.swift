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
