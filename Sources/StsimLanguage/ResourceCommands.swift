import StsimEngine

/// Cluster and resources: create, apply, replace, diff, get, describe, scale, delete, and their kin. Each
/// command is declared in a file of its own family (CreateCommands.swift, ReadCommands.swift, ...);
/// this file lists them and holds the argument shapes they share.
enum ResourceCommands {
    static let specs: [CommandSpec] = [
        create, apply, replace, diff, get, describe, scale, delete, edit, patch, rollout,
        cordon, uncordon, drain, taint, label, annotate, apiResources, explain,
    ]

    /// `KIND/NAME` or `KIND NAME...`: splits the first form, leaves the second to the caller.
    static func kindAndNames(_ args: inout ParsedArguments, what: String) throws(Diagnostic)
        -> (ResourceKind, [Argument])
    {
        let first = try args.next(what)
        if let slash = first.text.firstIndex(of: "/") {
            let kindText = String(first.text[..<slash])
            let kind = try ParsedArguments.kind(Argument(kindText, at: first.location))
            var nameLocation = first.location
            nameLocation.column += kindText.count + 1
            var names = [Argument(String(first.text[first.text.index(after: slash)...]), at: nameLocation)]
            // kubectl also takes several KIND/NAME words; stsim keeps them to one kind. A word with
            // `=` is CONTAINER=IMAGE (`kubia=luksa/kubia-pet-peers`), never KIND/NAME.
            while let more = args.peek(), more.text.contains("/"), !more.text.contains("=") {
                _ = args.nextIfAny()
                let parts = more.text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                    .map(String.init)
                let k = try ParsedArguments.kind(Argument(parts[0], at: more.location))
                guard k == kind else {
                    throw Diagnostic(at: more.location, "\(args.spec.name) takes one kind at a time here")
                }
                var l = more.location
                l.column += parts[0].count + 1
                names.append(Argument(parts.count > 1 ? parts[1] : "", at: l))
            }
            // Words after the KIND/NAME words are the command's (`wait pod/web-0 Ready`, `scale sts/web 3`).
            return (kind, names + args.rest())
        }
        return (try ParsedArguments.kind(first), args.rest())
    }

    /// `KIND NAME` or `KIND/NAME`, exactly one object.
    static func oneObject(_ args: inout ParsedArguments, command: String) throws(Diagnostic) -> (ResourceKind, Argument)
    {
        let (kind, names) = try kindAndNames(&args, what: "KIND")
        guard let name = names.first else {
            throw Diagnostic(
                at: args.endLocation, "\(command): name the \(kind.singular)",
                hint: "usage: \(command) \(kind.singular) NAME")
        }
        if names.count > 1 {
            throw Diagnostic(at: names[1].location, "\(command) takes one object, not \"\(names[1].text)\" as well")
        }
        return (kind, name)
    }

    /// `C=IMG`.
    static func containerImage(_ a: Argument) throws(Diagnostic) -> ContainerImage {
        let parts = a.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw Diagnostic(
                at: a.location, "expected CONTAINER=IMAGE, not \"\(a.text)\"",
                hint: "for example: nginx=nginx:1.27 (the container's name, then the image; * for every container)")
        }
        return ContainerImage(container: parts[0], image: parts[1], location: a.location)
    }

    static func oneNode(_ args: inout ParsedArguments) throws(Diagnostic) -> Argument {
        let node = try args.next("NODE")
        try args.finish()
        return node
    }
}
