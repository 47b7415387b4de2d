import StsimEngine

/// `explain KIND[.FIELD...]`: the field documentation kubectl prints from the API's OpenAPI.
public struct ExplainCommand: Hashable, Sendable {
    public var kind: ResourceKind
    /// The field path after the kind (`spec`, `updateStrategy`); empty for the kind itself.
    public var path: [String]
    public var recursive: Bool
    /// The RESOURCE word, where an unknown field is reported.
    public var location: SourceLocation
}

extension ResourceCommands {
    static let explain = CommandSpec(
        "explain", group: .resources, usage: ["explain KIND[.FIELD...] [--recursive]"],
        summary: "the documentation of a kind or of one of its fields, as kubectl explain prints it",
        details: """
            The texts are the Kubernetes 1.32 API's own. stsim carries them for the StatefulSet types
            (spec, status, updateStrategy and what they hold), the top level of pods, services,
            claims, ConfigMaps, Secrets and ServiceAccounts, and a claim's spec; a type it does not
            carry is refused by name.
            """,
        examples: [
            "explain sts", "explain statefulset.spec", "explain sts.spec.updateStrategy.rollingUpdate --recursive",
        ],
        flags: [
            FlagSpec("recursive", help: "list the fields of the fields, as an indented tree, without descriptions")
        ],
        positionals: [.kinds]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        // kubectl explain's own refusals (pkg/cmd/explain Complete).
        guard let word = args.nextIfAny() else {
            throw Diagnostic(
                at: args.endLocation,
                "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources."
            )
        }
        if let extra = args.rest().first {
            throw Diagnostic(at: extra.location, "We accept only this format: explain RESOURCE")
        }
        let parts = word.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let kind = try ParsedArguments.kind(Argument(parts[0], at: word.location))
        return .explain(
            ExplainCommand(
                kind: kind, path: Array(parts.dropFirst()), recursive: try args.bool("recursive"),
                location: word.location))
    }
}
