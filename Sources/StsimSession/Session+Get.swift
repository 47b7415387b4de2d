import StsimEngine
import StsimLanguage
import StsimRender

extension Session {
    func get(_ command: GetCommand) throws {
        if let source = command.source { return try getFiles(command, source) }
        if command.watch { try Self.checkWatchable(command) }
        let selector = try command.selector.map {
            try SelectorText.parse(
                $0, at: command.names.first?.location ?? SourceLocation(file: "", line: 0, column: 0))
        }
        var notFound: [APIError] = []
        var sections: [(ResourceKind, [KubeObject])] = []
        let requests = command.groups.isEmpty ? command.kinds.map { KindNames($0, command.names) } : command.groups
        for request in requests {
            let kind = request.kind
            var objects: [KubeObject]
            if kind == .endpoints {
                objects = endpoints(request.names, command, selector: selector, notFound: &notFound)
            } else if request.names.isEmpty {
                objects = cluster.list(
                    kind, namespace: command.namespace, allNamespaces: command.allNamespaces,
                    selector: selector)
            } else {
                objects = []
                for name in request.names {
                    switch cluster.get(kind, namespace: command.namespace, name: name.text) {
                    case .success(let o): objects.append(o)
                    case .failure(let e): notFound.append(e)
                    }
                }
            }
            if let fields = command.fieldSelector {
                objects = try fieldSelected(objects, kind: kind, by: fields, labels: command.selector)
            }
            sections.append((kind, objects))
        }
        sections = try sortedForGet(sections, by: command.printing.sortBy)
        let multiple = requests.count > 1
        if let template = command.printing.template {
            try printTemplate(
                template, objects: sections.flatMap(\.1), single: command.names.count == 1 && !multiple,
                noHeaders: command.printing.noHeaders)
        } else if !command.watchOnly && (!command.watch || sections.contains(where: { !$0.1.isEmpty })) {
            // An empty watch prints nothing, not even "No resources found": its header comes
            // with its first row (get.go's watch).
            print(sections, command, multiple: multiple, anyNotFound: !notFound.isEmpty)
        }
        if command.ignoreNotFound { notFound.removeAll { $0.reason == .notFound } }
        for (i, e) in notFound.enumerated() {
            if i == notFound.count - 1 { throw e }
            printer.errorLine(e.kubectlMessage)
        }
        if command.watch { try watch(command, listed: command.watchOnly ? [] : sections, selector: selector) }
    }

    /// Endpoints are read from the EndpointSlices (one per Service here), as the endpoints
    /// controller would write them.
    private func endpoints(
        _ names: [Argument], _ command: GetCommand, selector: LabelSelector?, notFound: inout [APIError]
    ) -> [KubeObject] {
        let slices = cluster.list(
            .endpointSlice, namespace: command.namespace, allNamespaces: command.allNamespaces, selector: selector)
        var objects = slices
        if !names.isEmpty {
            let service = { (o: KubeObject) in o.metadata.labels[EndpointSlice.serviceNameLabel] ?? o.name }
            objects = slices.filter { o in names.contains { $0.text == service(o) } }
            for name in names where !slices.contains(where: { service($0) == name.text }) {
                notFound.append(.notFound(.endpoints, name.text))
            }
        }
        return objects.compactMap { o in
            guard case .endpointSlice(let slice) = o else { return nil }
            return .endpoints(Endpoints(slice: slice))
        }
    }

    private func print(
        _ sections: [(ResourceKind, [KubeObject])], _ command: GetCommand, multiple: Bool, anyNotFound: Bool
    ) {
        switch command.output {
        case .yaml, .json:
            let objects = sections.flatMap(\.1)
            if command.names.count == 1 && !multiple {
                if !objects.isEmpty { printer.block(encode(objects, json: command.output == .json, asList: false)) }
            } else if !objects.isEmpty || !anyNotFound {
                streamList(objects, json: command.output == .json)
            }
        case .name:
            for (kind, objects) in sections {
                for o in objects { printer.line("\(kind.qualifiedSingular)/\(o.name)") }
            }
        case .table, .wide:
            if command.names.isEmpty || sections.contains(where: { !$0.1.isEmpty }) {
                table(sections, options: tableOptions(command), namespace: command.namespace)
            }
        }
    }

    func tableOptions(_ command: GetCommand) -> TableOptions {
        var options = TableOptions(
            wide: command.output == .wide, showLabels: command.showLabels,
            allNamespaces: command.allNamespaces, labelColumns: command.printing.labelColumns,
            keepOrder: command.printing.sortBy != nil, showKind: command.printing.showKind)
        options.noHeaders = command.printing.noHeaders
        return options
    }

}
