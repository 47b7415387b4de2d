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
            FlagSpec("ignore-not-found", help: "a named object that is not there is not an error"),
            Common.filename, Common.recursive, Common.namespace,
        ] + getPrintingFlags,
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        if let source = try fileSource(args) {
            try noResourceArguments(&args)
            var get = GetCommand(
                kinds: [], names: [], output: try output(args).0, selector: nil, watch: false, allNamespaces: false,
                showLabels: try args.bool("show-labels"), namespace: Common.namespace(args),
                printing: try printing(args, template: try output(args).1))
            get.source = source
            get.ignoreNotFound = try args.bool("ignore-not-found")
            return .get(get)
        }
        let first = try args.next("KIND")
        var kinds: [ResourceKind] = []
        var names: [Argument] = []
        var groups: [KindNames] = []
        if first.text == "all" {
            kinds = [.pod, .service, .daemonSet, .replicaSet, .statefulSet]
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
        get.ignoreNotFound = try args.bool("ignore-not-found")
        return .get(get)
    }

    /// `-f FILE` (or `-f -` with a here-document); a here-document without `-f -` is refused as
    /// for any command that does not read one.
    private static func fileSource(_ args: ParsedArguments) throws(Diagnostic) -> ManifestSource? {
        guard args.flag("filename") != nil else {
            if let doc = args.commandText.hereDocument {
                throw Diagnostic(at: doc.location, "\(args.spec.name) does not read a here-document")
            }
            return nil
        }
        return try Common.manifestSource(args)
    }

    /// kubectl's resource builder: files and KIND NAME words do not mix.
    private static func noResourceArguments(_ args: inout ParsedArguments) throws(Diagnostic) {
        if let word = args.nextIfAny() {
            throw Diagnostic(
                at: word.location,
                "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well")
        }
    }

    static let describe = CommandSpec(
        "describe", group: .resources,
        usage: ["describe KIND [NAME...]", "describe KIND/NAME"],
        summary: "show one object in detail, with its events (and why a StatefulSet is stuck)",
        examples: ["describe sts web", "describe pod web-0", "describe pvc data-web-0"],
        flags: [Common.selector, Common.namespace, Common.allNamespaces, Common.filename, Common.recursive],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        if let source = try fileSource(args) {
            try noResourceArguments(&args)
            return .describeFiles(source)
        }
        let groups = try objectGroups(&args, what: "KIND")
        let names = groups.flatMap(\.names)
        let all = try args.bool("all-namespaces")
        try refuseNamesInEveryNamespace(args, names)
        return .describe(
            kind: groups[0].kind, names: names, selector: args.flag("selector")?.text, allNamespaces: all,
            groups: groups.count > 1 ? groups : [])
    }
}
