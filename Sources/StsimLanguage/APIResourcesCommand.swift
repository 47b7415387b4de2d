import StsimEngine

/// `api-resources`: the kinds the simulated API server serves, as kubectl lists them.
public struct APIResourcesCommand: Hashable, Sendable {
    public var wide = false
    public var names = false
    public var headers = true
    /// `--namespaced=true|false`: only the kinds that are (or are not) namespaced.
    public var namespaced: Bool?
    public var apiGroup: String?
    public var sortBy: String?
    public var verbs: [String] = []
}

extension ResourceCommands {
    static let apiResources = CommandSpec(
        "api-resources", group: .resources, usage: ["api-resources [-o wide|name] [--namespaced=true|false]"],
        summary: "the kinds the simulated API server serves, with their short names (kubectl api-resources)",
        examples: ["api-resources", "api-resources --namespaced=false", "api-resources --api-group=apps -o wide"],
        flags: [
            FlagSpec(
                "output", short: "o", value: "FORMAT", help: "wide (verbs and categories) or name",
                completion: .choices(["wide", "name"])),
            FlagSpec("namespaced", value: "BOOL", help: "only namespaced kinds (true) or cluster-wide ones (false)"),
            FlagSpec("api-group", value: "GROUP", help: "only this API group (\"\" for the core group)"),
            FlagSpec(
                "sort-by", value: "FIELD", help: "name or kind (default: by group, then name)",
                completion: .choices(["name", "kind"])),
            FlagSpec("no-headers", help: "leave the header line out"),
            FlagSpec("verbs", value: "VERBS", help: "only kinds that support all these verbs (get,list,...)"),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        var c = APIResourcesCommand()
        if let o = args.flag("output") {
            let format = try args.choice(o, of: ["wide", "name"], what: "--output")
            c.wide = format == "wide"
            c.names = format == "name"
        }
        if args.has("namespaced") { c.namespaced = try args.bool("namespaced") }
        c.apiGroup = args.flag("api-group")?.text
        if let s = args.flag("sort-by") { c.sortBy = try args.choice(s, of: ["name", "kind"], what: "--sort-by") }
        c.headers = !(try args.bool("no-headers"))
        c.verbs = args.flag("verbs").map { $0.text.split(separator: ",").map(String.init) } ?? []
        return .apiResources(c)
    }
}
