import StsimEngine

/// `create configmap NAME` and `create secret generic NAME`, with kubectl's `--from-literal`
/// and `--from-file` (a file's name or `KEY=PATH`; a folder adds each file in it).
extension ResourceCommands {
    static let dataFlags = [
        FlagSpec(
            "from-literal", value: "KEY=VALUE", help: "a key and its value (repeat for more)"),
        FlagSpec(
            "from-file", value: "[KEY=]PATH",
            help: "a host file as one key (its name, or KEY); a folder adds each of its files"),
    ]

    static let createConfigMap = CommandSpec(
        "configmap", aliases: ["cm"], group: .resources,
        summary: "a ConfigMap from literal values and host files",
        examples: [
            "create configmap app-config --from-literal color=blue --from-literal size=3",
            "create configmap nginx-conf --from-file nginx.conf",
        ],
        flags: dataFlags + [Common.namespace] + Common.writeFlags,
        positionals: [.none], arguments: "NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let name = try args.next("NAME")
        let data = try configData(args)
        let options = try Common.writeOptions(args)
        try args.finish()
        return .create(
            .configData(
                ConfigDataCommand(
                    kind: .configMap, name: name, data: data, namespace: Common.namespace(args), options: options)))
    }

    static let createSecret = CommandSpec(
        "secret", aliases: ["secrets"], group: .resources,
        summary: "a generic Secret from literal values and host files (create secret generic NAME)",
        examples: [
            "create secret generic db --from-literal password=s3cret",
            "create secret generic tls-files --from-file tls.crt --from-file tls.key",
        ],
        flags: dataFlags + [
            FlagSpec("type", value: "TYPE", help: "the Secret's type (default Opaque)"), Common.namespace,
        ] + Common.writeFlags,
        positionals: [.choices(["generic"]), .none], arguments: "generic NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let kind = try args.next("the kind of secret (generic)")
        guard kind.text == "generic" else {
            let other = ["tls", "docker-registry"].contains(kind.text)
            throw Diagnostic(
                at: kind.location,
                other
                    ? "stsim makes generic secrets only; write a kubernetes.io/\(kind.text == "tls" ? "tls" : "dockerconfigjson") Secret as a manifest"
                    : "create secret makes generic secrets: create secret generic NAME",
                hint: other
                    ? "or: create secret generic NAME --type TYPE --from-file KEY=PATH"
                    : Suggestion.hint(for: kind.text, in: ["generic"]))
        }
        let name = try args.next("NAME")
        let data = try configData(args)
        let options = try Common.writeOptions(args)
        try args.finish()
        var command = ConfigDataCommand(
            kind: .secret, name: name, data: data, namespace: Common.namespace(args), options: options)
        command.type = args.flag("type")?.text
        return .create(.configData(command))
    }

    /// kubectl's `ParseLiteralSource` and `ParseFileSource`, in the order given.
    private static func configData(_ args: ParsedArguments) throws(Diagnostic) -> [ConfigDataSource] {
        var sources: [(SourceLocation, ConfigDataSource)] = []
        for literal in args.all("from-literal") {
            let parts = literal.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw Diagnostic(
                    at: literal.location, "invalid literal source \(literal.text), expected key=value",
                    hint: "for example: --from-literal color=blue")
            }
            sources.append((literal.location, .literal(key: String(parts[0]), value: String(parts[1]))))
        }
        for file in args.all("from-file") {
            let parts = file.text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 1: sources.append((file.location, .file(key: nil, path: file)))
            case 2:
                if parts[0].isEmpty {
                    throw Diagnostic(at: file.location, "key name for file path \(parts[1]) missing")
                }
                if parts[1].isEmpty {
                    throw Diagnostic(at: file.location, "file path for key name \(parts[0]) missing")
                }
                sources.append((file.location, .file(key: parts[0], path: Argument(parts[1], at: file.location))))
            default:
                throw Diagnostic(at: file.location, "key names or file paths cannot contain '='")
            }
        }
        // kubectl adds every literal before any file.
        return sources.map(\.1)
    }
}

/// One `--from-literal KEY=VALUE` or `--from-file [KEY=]PATH`.
public enum ConfigDataSource: Hashable, Sendable {
    case literal(key: String, value: String)
    /// `key` nil: the file's own name.
    case file(key: String?, path: Argument)
}

public struct ConfigDataCommand: Hashable, Sendable {
    /// `.configMap` or `.secret`.
    public var kind: ResourceKind
    public var name: Argument
    public var data: [ConfigDataSource]
    public var namespace: String?
    public var options: WriteOptions
    /// `--type` of a Secret.
    public var type: String?
}
