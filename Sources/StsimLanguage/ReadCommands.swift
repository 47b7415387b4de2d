import StsimEngine

/// Reading the cluster: get and describe.
extension ResourceCommands {
    static let get = CommandSpec(
        "get", group: .resources,
        usage: [
            "get KIND[,KIND...] [NAME...] [-o wide|yaml|json|name] [-l SELECTOR] [-w]",
            "get KIND [-o jsonpath=TEMPLATE|custom-columns=SPEC] [-L KEY] [--sort-by EXPR]", "get all",
        ],
        summary: "list objects in kubectl's columns",
        examples: [
            "get pods", "get sts,pvc", "get pods -o wide", "get pod web-0 -o yaml", "get pods -l app=web",
            "get all", "get pods -o jsonpath='{.items[*].metadata.name}'", "get pods -L app --sort-by=.metadata.name",
            "get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName",
        ],
        flags: [
            FlagSpec(
                "output", short: "o", value: "FORMAT",
                help:
                    "wide, yaml, json, name, jsonpath=TEMPLATE, jsonpath-file=FILE, custom-columns=SPEC or custom-columns-file=FILE",
                completion: .choices(outputFormats)),
            Common.selector,
            FlagSpec(
                "field-selector", value: "SELECTOR",
                help: "only objects whose fields match (metadata.name=web-0, status.phase!=Running, ...)"),
            FlagSpec("watch", short: "w", help: "after the list, follow changes (mode auto: until unwatch)"),
            FlagSpec("watch-only", help: "as --watch, without the list first"),
            Common.allNamespaces,
            FlagSpec("show-labels", help: "add a LABELS column"),
            Common.namespace,
        ] + getPrintingFlags,
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let first = try args.next("KIND")
        var kinds: [ResourceKind] = []
        var names: [Argument] = []
        var groups: [KindNames] = []
        if first.text == "all" {
            kinds = [.pod, .service, .replicaSet, .statefulSet]
        } else if first.text.contains("/") {
            args.pushBack(first)
            groups = try objectGroups(&args, what: "KIND")
            kinds = groups.map(\.kind).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            names = groups.flatMap(\.names)
            if groups.count == 1 { groups = [] }
        } else {
            var column = first.location.column
            for part in first.text.split(separator: ",", omittingEmptySubsequences: false) {
                var l = first.location
                l.column = column
                kinds.append(try ParsedArguments.kind(Argument(String(part), at: l)))
                column += part.count + 1
            }
        }
        names += args.rest()
        if groups.isEmpty, let tuple = names.first(where: { $0.text.contains("/") }) { throw mixedForms(tuple) }
        try refuseNamesInEveryNamespace(args, names)
        let (output, template) = try output(args)
        let watchOnly = try args.bool("watch-only")
        let fieldSelector = try args.flag("field-selector").map { a throws(Diagnostic) in try FieldSelector.parse(a) }
        if fieldSelector != nil || args.flag("selector") != nil, let name = names.first, groups.isEmpty {
            throw Diagnostic(at: name.location, "name cannot be provided when a selector is specified")
        }
        var get =
            GetCommand(
                kinds: kinds, names: names, output: output, selector: args.flag("selector")?.text,
                watch: try args.bool("watch") || watchOnly, allNamespaces: try args.bool("all-namespaces"),
                showLabels: try args.bool("show-labels"), namespace: Common.namespace(args),
                printing: try printing(args, template: template), groups: groups,
                watchOnly: watchOnly)
        get.fieldSelector = fieldSelector
        return .get(get)
    }

    static let describe = CommandSpec(
        "describe", group: .resources,
        usage: ["describe KIND [NAME...]", "describe KIND/NAME"],
        summary: "show one object in detail, with its events (and why a StatefulSet is stuck)",
        examples: ["describe sts web", "describe pod web-0", "describe pvc data-web-0"],
        flags: [Common.selector, Common.namespace, Common.allNamespaces],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let groups = try objectGroups(&args, what: "KIND")
        let names = groups.flatMap(\.names)
        let all = try args.bool("all-namespaces")
        try refuseNamesInEveryNamespace(args, names)
        return .describe(
            kind: groups[0].kind, names: names, selector: args.flag("selector")?.text, allNamespaces: all,
            groups: groups.count > 1 ? groups : [])
    }
}
