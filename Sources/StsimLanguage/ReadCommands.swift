import StsimEngine

/// Reading the cluster: get and describe.
extension ResourceCommands {
    static let get = CommandSpec(
        "get", group: .resources,
        usage: ["get KIND[,KIND...] [NAME...] [-o wide|yaml|json|name] [-l SELECTOR] [-w]", "get all"],
        summary: "list objects in kubectl's columns",
        examples: [
            "get pods", "get sts,pvc", "get pods -o wide", "get pod web-0 -o yaml", "get pods -l app=web",
            "get all",
        ],
        flags: [
            FlagSpec(
                "output", short: "o", value: "FORMAT", help: "wide, yaml, json or name",
                completion: .choices(["wide", "yaml", "json", "name"])),
            Common.selector,
            FlagSpec("watch", short: "w", help: "after the list, follow changes until the cluster settles"),
            FlagSpec("all-namespaces", short: "A", help: "every namespace"),
            FlagSpec("show-labels", help: "add a LABELS column"),
            Common.namespace,
        ],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let first = try args.next("KIND")
        var kinds: [ResourceKind] = []
        var names: [Argument] = []
        if first.text == "all" {
            kinds = [.pod, .service, .replicaSet, .statefulSet]
        } else if first.text.contains("/") {
            args.pushBack(first)
            let (k, n) = try kindAndNames(&args, what: "KIND")
            kinds = [k]
            names = n
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
        var output = OutputFormat.table
        if let o = args.flag("output") {
            let text = try args.choice(o, of: ["wide", "yaml", "json", "name"], what: "-o")
            output = OutputFormat(rawValue: text) ?? .table
        }
        return .get(
            GetCommand(
                kinds: kinds, names: names, output: output, selector: args.flag("selector")?.text,
                watch: try args.bool("watch"), allNamespaces: try args.bool("all-namespaces"),
                showLabels: try args.bool("show-labels"), namespace: Common.namespace(args)))
    }

    static let describe = CommandSpec(
        "describe", group: .resources,
        usage: ["describe KIND [NAME...]", "describe KIND/NAME"],
        summary: "show one object in detail, with its events (and why a StatefulSet is stuck)",
        examples: ["describe sts web", "describe pod web-0", "describe pvc data-web-0"],
        flags: [Common.selector, Common.namespace],
        positionals: [.kinds, .objectNames(kindArgument: 0)]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (kind, names) = try kindAndNames(&args, what: "KIND")
        return .describe(kind: kind, names: names, selector: args.flag("selector")?.text)
    }
}
