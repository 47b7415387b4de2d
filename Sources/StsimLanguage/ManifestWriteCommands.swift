import StsimEngine

/// `replace -f` and `diff -f`, and the `--dry-run` and `-o` flags that `create -f`, `apply` and
/// `replace` share (kubectl's PrintFlags and DryRun flags).
extension ResourceCommands {
    static let replace = CommandSpec(
        "replace", group: .resources, usage: ["replace -f FILE"],
        summary: "replace objects whole with a manifest's (kubectl replace)",
        details: """
            Each object must exist; it becomes the manifest's object, with the status kept. Fields the
            manifest leaves out are reset to their defaults, unlike apply, which merges.
            """,
        examples: ["replace -f web.yaml", "replace -f web.yaml --dry-run=server"],
        flags: [Common.filename, Common.namespace] + Common.writeFlags
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let (source, options) = try Common.manifestWrite(&args, example: "replace -f web.yaml")
        return .replace(source, options)
    }

    static let diff = CommandSpec(
        "diff", group: .resources, usage: ["diff -f FILE"],
        summary: "show what apply -f would change, as a unified diff of the live and merged objects",
        details: """
            Like kubectl diff, each object is applied as a server-side dry run and compared with the
            live one (absent objects compare with nothing). kubectl diff exits 1 when it finds a
            difference; in stsim a difference is not a failure, so a script goes on.
            """,
        examples: ["diff -f web.yaml"],
        flags: [Common.filename, Common.namespace]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        guard let source = try Common.manifestSource(args) else {
            throw Diagnostic(
                at: args.commandWord.location, "diff needs -f FILE or a here-document",
                hint: "for example: diff -f web.yaml")
        }
        try args.finish()
        return .diff(source)
    }
}

extension Common {
    static let writeFlags = [
        FlagSpec(
            "dry-run", value: "STRATEGY",
            help: "client: only print what would be sent; server: the API checks and defaults it, and stores nothing",
            completion: .choices(DryRun.allCases.map(\.rawValue))),
        FlagSpec(
            "output", short: "o", value: "FORMAT", help: "print the objects instead of kubectl's line: yaml, json or name",
            completion: .choices(["yaml", "json", "name"])),
    ]

    /// The manifest and the write options of `apply` and `replace`, with nothing else on the line.
    static func manifestWrite(_ args: inout ParsedArguments, example: String) throws(Diagnostic) -> (
        ManifestSource, WriteOptions
    ) {
        guard let source = try manifestSource(args) else {
            throw Diagnostic(
                at: args.commandWord.location, "\(args.spec.name) needs -f FILE or a here-document",
                hint: "for example: \(example)")
        }
        let options = try writeOptions(args)
        try args.finish()
        return (source, options)
    }

    static func writeOptions(_ args: ParsedArguments) throws(Diagnostic) -> WriteOptions {
        var options = WriteOptions()
        if let d = args.flag("dry-run") { options.dryRun = try args.choice(d, of: DryRun.allCases, what: "--dry-run") }
        if let o = args.flag("output") {
            options.output = try args.choice(o, of: [OutputFormat.yaml, .json, .name], what: "--output")
        }
        return options
    }
}
