import StsimEngine

/// `label` and `annotate`: kubectl's `KEY=VALUE` to set and `KEY-` to remove, on named objects,
/// on a selector's (`-l`) or on every object of the kind (`--all`).
public struct MetadataChangeCommand: Hashable, Sendable {
    public enum Field: String, Hashable, Sendable { case labels, annotations }
    public var field: Field
    public var kind: ResourceKind
    /// `label pods,pvc ...`: the kinds after the first.
    public var moreKinds: [ResourceKind] = []
    public var names: [Argument]
    public var selector: Argument?
    public var all: Bool
    /// Keys to set, in the order written.
    public var set: [(key: String, value: String)]
    public var remove: [String]
    public var overwrite: Bool
    public var namespace: String?
    /// `-A` with `-l` or `--all`: the matching objects of every namespace.
    public var allNamespaces = false
    /// Where the command's words are, for errors about the whole change.
    public var location: SourceLocation

    public static func == (a: Self, b: Self) -> Bool {
        a.field == b.field && a.kind == b.kind && a.names == b.names && a.selector == b.selector && a.all == b.all
            && a.set.map(\.key) == b.set.map(\.key) && a.set.map(\.value) == b.set.map(\.value)
            && a.remove == b.remove && a.overwrite == b.overwrite && a.namespace == b.namespace
            && a.allNamespaces == b.allNamespaces
    }

    public func hash(into h: inout Hasher) {
        h.combine(field)
        h.combine(names)
        h.combine(set.map(\.key))
    }
}

extension ResourceCommands {
    static let label = metadataSpec(.labels, example: "app=web")
    static let annotate = metadataSpec(.annotations, example: "note='rolled by hand'")

    private static func metadataSpec(_ field: MetadataChangeCommand.Field, example: String) -> CommandSpec {
        let name = field == .labels ? "label" : "annotate"
        let noun = field == .labels ? "label" : "annotation"
        let key = example.split(separator: "=")[0]
        return CommandSpec(
            name, group: .resources,
            usage: [
                "\(name) KIND NAME... KEY=VALUE... KEY-... [--overwrite]",
                "\(name) KIND -l SELECTOR|--all KEY=VALUE...",
            ],
            summary: "set or remove \(noun)s on objects (KEY- removes)",
            examples: [
                "\(name) pod web-0 \(example)", "\(name) pods --all \(example) --overwrite",
                "\(name) pod/web-0 \(key)-",
            ],
            flags: [
                FlagSpec("overwrite", help: "replace a value the \(noun) already has"),
                Common.selector, FlagSpec("all", help: "every object of the kind"), Common.namespace,
                Common.allNamespaces,
            ],
            positionals: [.kinds, .objectNames(kindArgument: 0)]
        ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
            let command = args.commandWord
            let (kind, more, words) = try kindsAndWords(&args)
            var change = MetadataChangeCommand(
                field: field, kind: kind, names: [], selector: args.flag("selector"), all: try args.bool("all"),
                set: [], remove: [], overwrite: try args.bool("overwrite"), namespace: Common.namespace(args),
                location: command.location)
            for word in words {
                if let eq = word.text.firstIndex(of: "=") {
                    let k = String(word.text[..<eq])
                    let v = String(word.text[word.text.index(after: eq)...])
                    if field == .labels, !NameRules.labelValue(v).isEmpty {
                        throw Diagnostic(
                            at: word.location,
                            "invalid label value: \"\(word.text)\": \(NameRules.labelValue(v).joined(separator: ";"))")
                    }
                    change.set.append((k, v))
                } else if word.text.hasSuffix("-") {
                    change.remove.append(String(word.text.dropLast()))
                } else if change.set.isEmpty && change.remove.isEmpty {
                    change.names.append(word)
                } else {
                    throw Diagnostic(at: word.location, "invalid \(noun) spec: \(word.text)")
                }
            }
            change.allNamespaces = try args.bool("all-namespaces")
            change.moreKinds = more
            try refuseNamesInEveryNamespace(args, change.names)
            try checkTargets(change, noun: noun, at: command.location)
            return .changeMetadata(change)
        }
    }

    /// The kinds (`pods,pvc` names several, for a selector or `--all`) and the words after them.
    private static func kindsAndWords(_ args: inout ParsedArguments) throws(Diagnostic) -> (
        ResourceKind, [ResourceKind], [Argument]
    ) {
        if let first = args.peek(), first.text.contains(","), !first.text.contains("/") {
            _ = args.nextIfAny()
            let kinds = try kinds(first)
            return (kinds[0], Array(kinds.dropFirst()), args.rest())
        }
        let (kind, words) = try kindAndNames(&args, what: "KIND")
        return (kind, [], words)
    }

    /// kubectl's complaints about what the command names (label.go's Validate).
    private static func checkTargets(_ c: MetadataChangeCommand, noun: String, at location: SourceLocation)
        throws(Diagnostic)
    {
        if c.set.isEmpty && c.remove.isEmpty {
            throw Diagnostic(at: location, "at least one \(noun) update is required")
        }
        if c.all && c.selector != nil {
            throw Diagnostic(at: location, "cannot set --all and --selector at the same time")
        }
        if c.names.isEmpty && c.selector == nil && !c.all {
            throw Diagnostic(
                at: location, "resource(s) were provided, but no name was specified",
                hint: "name the objects, or use -l SELECTOR or --all")
        }
        if !c.names.isEmpty && (c.selector != nil || c.all) {
            throw Diagnostic(at: c.names[0].location, "name cannot be provided when a selector is specified")
        }
    }
}
