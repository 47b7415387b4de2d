import StsimEngine
import StsimLanguage
import StsimRender

extension Session {
    func get(_ command: GetCommand) throws {
        let selector = try command.selector.map {
            try SelectorText.parse(
                $0, at: command.names.first?.location ?? SourceLocation(file: "", line: 0, column: 0))
        }
        var notFound: [APIError] = []
        var sections: [(ResourceKind, [KubeObject])] = []
        for kind in command.kinds {
            var objects: [KubeObject]
            if kind == .endpoints {
                // Endpoints are read from the EndpointSlices (one per Service here), as the API's
                // endpoints mirror would show them.
                let slices = cluster.list(
                    .endpointSlice, namespace: command.namespace,
                    allNamespaces: command.allNamespaces, selector: selector)
                objects = slices
                if !command.names.isEmpty {
                    let service = { (o: KubeObject) in o.metadata.labels[EndpointSlice.serviceNameLabel] ?? o.name }
                    objects = slices.filter { o in command.names.contains { $0.text == service(o) } }
                    for name in command.names where !slices.contains(where: { service($0) == name.text }) {
                        notFound.append(.notFound(.endpoints, name.text))
                    }
                }
            } else if command.names.isEmpty {
                objects = cluster.list(
                    kind, namespace: command.namespace, allNamespaces: command.allNamespaces,
                    selector: selector)
            } else {
                objects = []
                for name in command.names {
                    switch cluster.get(kind, namespace: command.namespace, name: name.text) {
                    case .success(let o): objects.append(o)
                    case .failure(let e): notFound.append(e)
                    }
                }
            }
            sections.append((kind, objects))
        }
        let multiple = command.kinds.count > 1
        switch command.output {
        case .yaml, .json:
            let objects = sections.flatMap(\.1)
            if !objects.isEmpty || notFound.isEmpty {
                printer.block(
                    encode(objects, json: command.output == .json, asList: command.names.count != 1 || multiple))
            }
        case .name:
            for (kind, objects) in sections {
                for o in objects { printer.line("\(kind.qualifiedSingular)/\(o.name)") }
            }
        case .table, .wide:
            if command.names.isEmpty || sections.contains(where: { !$0.1.isEmpty }) {
                table(
                    sections,
                    options: TableOptions(
                        wide: command.output == .wide, showLabels: command.showLabels,
                        allNamespaces: command.allNamespaces),
                    namespace: command.namespace)
            }
        }
        for (i, e) in notFound.enumerated() {
            if i == notFound.count - 1 { throw e }
            printer.errorLine(e.kubectlMessage)
        }
        if command.watch { watch(kinds: command.kinds) }
    }

    /// `get -w`: after the list, the changes of those kinds until the cluster settles.
    private func watch(kinds: [ResourceKind]) {
        settle(limit: settleLimit, quiet: false, only: Set(kinds))
    }
}
