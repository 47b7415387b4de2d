import StsimEngine

/// The set of commands: looked up by name or alias, listed by `help`, walked by completion.
public struct CommandRegistry: Sendable {
    public let specs: [CommandSpec]

    public init(_ specs: [CommandSpec]) { self.specs = specs }

    public static let standard = CommandRegistry(
        ResourceCommands.specs + FaultCommands.specs + TimeCommands.specs + InsideCommands.specs
            + WholeCommands.specs + CheckCommands.specs + ExploreCommands.specs + LessonCommands.specs
            + SessionCommands.specs + ServeCommands.specs + ConfigCommands.specs)

    public func spec(named word: String) -> CommandSpec? {
        specs.first { $0.name == word || $0.aliases.contains(word) }
    }

    public var allNames: [String] { specs.flatMap { [$0.name] + $0.aliases } }
}

/// Helpers the declarations share.
enum Common {
    static let namespace = FlagSpec(
        "namespace", short: "n", value: "NS", help: "the namespace (default: the current one, see config set-context)",
        completion: .namespaces)
    static let allNamespaces = FlagSpec("all-namespaces", short: "A", help: "every namespace")
    static let filename = FlagSpec(
        "filename", short: "f", value: "FILE",
        help: "a YAML or JSON manifest; - reads the command's here-document",
        completion: .files)
    static let recursive = FlagSpec(
        "recursive", short: "R", help: "with -f FOLDER, the manifests in its subfolders too")
    static let selector = FlagSpec(
        "selector", short: "l", value: "SELECTOR",
        help: "a label selector such as app=kubia")

    /// `-f FILE`, `-f -` with a here-document, or a here-document alone.
    static func manifestSource(_ args: ParsedArguments) throws(Diagnostic) -> ManifestSource? {
        let paths = args.all("filename")
        if let f = paths.first(where: { $0.text == "-" }) {
            guard let doc = args.hereDocument, paths.count == 1 else {
                throw Diagnostic(
                    at: f.location, "-f - reads a here-document, and this command has none",
                    hint: "write: \(args.spec.name) -f - <<EOF, the manifest, then EOF")
            }
            return .inline(text: doc.text, name: args.file, firstLine: doc.firstLine)
        }
        if !paths.isEmpty { return .files(paths, recursive: try args.bool("recursive")) }
        if let doc = args.hereDocument {
            return .inline(text: doc.text, name: args.file, firstLine: doc.firstLine)
        }
        return nil
    }

    static func namespace(_ args: ParsedArguments) -> String? { args.flag("namespace")?.text }

    /// The `-n` of a command that declares it (nil otherwise, or when not given).
    static func namespaceArgument(_ args: ParsedArguments) throws(Diagnostic) -> Argument? {
        guard args.spec.flags.contains(namespace), let ns = args.flag("namespace") else {
            return nil
        }
        if ns.text.isEmpty {
            throw Diagnostic(at: ns.location, "-n needs a namespace name", hint: "for example: -n kube-system")
        }
        return ns
    }
}
