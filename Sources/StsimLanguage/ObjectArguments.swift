import StsimEngine

/// Names of one kind, in the order `get` and `delete` visit them.
public struct KindNames: Hashable, Sendable {
    public var kind: ResourceKind
    public var names: [Argument]

    public init(_ kind: ResourceKind, _ names: [Argument]) {
        self.kind = kind
        self.names = names
    }
}

extension ResourceCommands {
    /// kubectl's resource builder takes `KIND NAME...` or `KIND/NAME...` words of any kinds
    /// (`get sts/web pod/web-0`), never the two mixed. Consecutive words of one kind form one group,
    /// as kubectl prints one table for them.
    /// `commaKinds`: `pod,pvc` names several kinds (each with the names that follow), as
    /// kubectl's delete and label read it.
    static func objectGroups(_ args: inout ParsedArguments, what: String, commaKinds: Bool = false) throws(Diagnostic)
        -> [KindNames]
    {
        let first = try args.next(what)
        guard first.text.contains("/") else {
            let names = args.rest()
            if let tuple = names.first(where: { $0.text.contains("/") }) { throw mixedForms(tuple) }
            guard commaKinds, first.text.contains(",") else {
                return [KindNames(try ParsedArguments.kind(first), names)]
            }
            return try kinds(first).map { KindNames($0, names) }
        }
        var groups: [KindNames] = []
        for word in [first] + args.rest() {
            let parts = word.text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw mixedForms(word) }
            if parts[1].contains("/") {
                throw Diagnostic(at: word.location, "arguments in resource/name form may not have more than one slash")
            }
            guard !parts[0].isEmpty, !parts[1].isEmpty else {
                throw Diagnostic(
                    at: word.location, "arguments in resource/name form must have a single resource and name")
            }
            let kind = try ParsedArguments.kind(Argument(String(parts[0]), at: word.location))
            var at = word.location
            at.column += parts[0].count + 1
            let name = Argument(String(parts[1]), at: at)
            if groups.last?.kind == kind {
                groups[groups.count - 1].names.append(name)
            } else {
                groups.append(KindNames(kind, [name]))
            }
        }
        return groups
    }

    /// `pod,pvc`: each kind once, in the order written; an unknown one is refused at its column.
    static func kinds(_ word: Argument) throws(Diagnostic) -> [ResourceKind] {
        var kinds: [ResourceKind] = []
        var column = word.location.column
        for part in word.text.split(separator: ",", omittingEmptySubsequences: false) {
            var at = word.location
            at.column = column
            let kind = try ParsedArguments.kind(Argument(String(part), at: at))
            if !kinds.contains(kind) { kinds.append(kind) }
            column += part.count + 1
        }
        return kinds
    }

    /// kubectl's text (resource builder, hasCombinedTypeArgs).
    static func mixedForms(_ word: Argument) -> Diagnostic {
        Diagnostic(
            at: word.location,
            "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"
        )
    }
}

extension ResourceCommands {
    /// `-A` lists; it never looks a name up (kubectl's resource builder refuses it).
    static func refuseNamesInEveryNamespace(_ args: ParsedArguments, _ names: [Argument]) throws(Diagnostic) {
        guard try args.bool("all-namespaces"), let name = names.first else { return }
        throw Diagnostic(at: name.location, "a resource cannot be retrieved by name across all namespaces")
    }
}
