import StsimEngine
import StsimLanguage
import StsimManifests
import StsimRender

extension Session {
    /// `config ...`: stsim's kubeconfig has one context, `stsim` (the one `stsim serve` writes);
    /// its namespace is the cluster's current namespace, saved with the state.
    func config(_ action: ConfigAction) throws {
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
        case .view(let output, let template):
            let data = kubeconfig()
            if let template {
                try printTemplate(template, data: data)
            } else {
                printer.block(output == .json ? ManifestWriter.json(value: data) : ManifestWriter.yaml(value: data))
            }
        }
    }

    /// `kubectl config view` of stsim's kubeconfig, in clientcmd's v1.Config field order (what
    /// `-o json` prints; yaml sorts the keys). At the prompt no API is served; the server shown is
    /// kubeadm's API address (`stsim serve` writes a kubeconfig with its own).
    private func kubeconfig() -> WireValue {
        let name = WireValue.string(ConfigAction.contextName)
        let context: WireValue = .object([
            ("cluster", name), ("user", name), ("namespace", .string(cluster.currentNamespace)),
        ])
        return .object([
            ("kind", .string("Config")), ("apiVersion", .string("v1")), ("preferences", .object([])),
            (
                "clusters",
                .array([
                    .object([("name", name), ("cluster", .object([("server", .string("https://127.0.0.1:6443"))]))])
                ])
            ),
            ("users", .array([.object([("name", name), ("user", .object([]))])])),
            ("contexts", .array([.object([("name", name), ("context", context)])])),
            ("current-context", name),
        ])
    }
}
