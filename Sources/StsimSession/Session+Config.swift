import StsimEngine
import StsimLanguage
import StsimRender

extension Session {
    /// `config ...`: stsim's kubeconfig has one context, `stsim` (the one `stsim serve` writes);
    /// its namespace is the cluster's current namespace, saved with the state.
    func config(_ action: ConfigAction) {
        let name = ConfigAction.contextName
        switch action {
        case .setContext(let namespace):
            if let namespace { cluster.currentNamespace = namespace }
            printer.line("Context \"\(name)\" modified.")
        case .currentContext:
            printer.line(name)
        case .useContext:
            printer.line("Switched to context \"\(name)\".")
        case .getContexts:
            let table = Table(
                headers: ["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"],
                rows: [["*", name, name, name, cluster.currentNamespace]])
            printer.block(table.render())
        case .view:
            printer.block(kubeconfigText())
        }
    }

    /// `kubectl config view` of stsim's kubeconfig. At the prompt no API is served; the server
    /// shown is kubeadm's API address (`stsim serve` writes a kubeconfig with its own).
    private func kubeconfigText() -> String {
        let name = ConfigAction.contextName
        return """
            apiVersion: v1
            clusters:
            - cluster:
                server: https://127.0.0.1:6443
              name: \(name)
            contexts:
            - context:
                cluster: \(name)
                namespace: \(cluster.currentNamespace)
                user: \(name)
              name: \(name)
            current-context: \(name)
            kind: Config
            preferences: {}
            users:
            - name: \(name)
              user: {}

            """
    }
}
