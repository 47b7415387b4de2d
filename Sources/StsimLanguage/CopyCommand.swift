import StsimEngine

/// `cp SRC DEST`: one side is `POD:PATH` (or `NAMESPACE/POD:PATH`), the other a host path.
public struct CopyCommand: Hashable, Sendable {
    public var source: Argument
    public var destination: Argument
    public var container: String?
    public var namespace: String?
}

/// kubectl cp's file specification (cp.go extractFileSpec): `POD:PATH` names a container's file.
public struct FileSpec: Hashable, Sendable {
    public var namespace: String?
    public var pod: String?
    public var path: String

    public init(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else {
            path = text
            return
        }
        let podPart = text[..<colon]
        path = String(text[text.index(after: colon)...])
        if let slash = podPart.firstIndex(of: "/") {
            namespace = String(podPart[..<slash])
            pod = String(podPart[podPart.index(after: slash)...])
        } else {
            pod = String(podPart)
        }
    }
}

extension InsideCommands {
    static let cp = CommandSpec(
        "cp", group: .inside, usage: ["cp POD:PATH HOSTPATH", "cp HOSTPATH POD:PATH"],
        summary: "copy files between the host and a container (kubectl cp)",
        details: """
            One side is a container's path, POD:PATH; the other a file or folder of the host, under
            the script's folder or the working directory unless stsim runs with --allow-host-files.
            Folders are copied whole. As with kubectl, the image needs tar (images without a shell
            have none).
            """,
        examples: [
            "cp web-0:/usr/share/nginx/html/index.html index.html",
            "cp index.html web-0:/usr/share/nginx/html/index.html",
        ],
        flags: [
            FlagSpec("container", short: "c", value: "NAME", help: "the container (default: the first)"),
            Common.namespace,
        ],
        positionals: [.files, .files]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let source = try args.next("SRC")
        let destination = try args.next("DEST")
        try args.finish()
        return .copy(
            CopyCommand(
                source: source, destination: destination, container: args.flag("container")?.text,
                namespace: Common.namespace(args)))
    }
}
