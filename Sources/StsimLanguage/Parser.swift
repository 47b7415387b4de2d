import StsimEngine

/// Gives a typed meaning to a command's words, through the registry's declarations.
public enum Parser {
    /// `variables` resolves `${NAME}`; returns nil for a line with nothing to do.
    public static func parse(
        _ command: CommandText, variables: [String: String],
        registry: CommandRegistry = .standard
    ) throws(Diagnostic) -> Command? {
        try parseStatement(command, variables: variables, registry: registry)?.command
    }

    /// The command with the namespace its `-n` names: the session runs every command that takes
    /// `-n` in that namespace, so no command can leave it unread.
    public static func parseStatement(
        _ command: CommandText, variables: [String: String],
        registry: CommandRegistry = .standard
    ) throws(Diagnostic) -> Statement? {
        var words: [Argument] = []
        for word in command.words {
            words.append(Argument(try word.expanded(with: variables), at: word.location))
        }
        // Commands copied from a book or a blog start with `kubectl`: accepted and ignored.
        if let first = words.first, first.text == "kubectl" { words.removeFirst() }
        words = GlobalFlags.hoisted(words, text: \.text)
        guard let head = words.first else {
            if let doc = command.hereDocument {
                throw Diagnostic(at: doc.location, "a here-document needs a command, as in: apply <<EOF")
            }
            return nil
        }
        if let pipe = Pipes.firstPipe(in: command.words) { throw Pipes.diagnostic(at: pipe, head: head.text) }
        guard let topSpec = registry.spec(named: head.text) else {
            if let missing = NotSimulated.command(head.text) {
                throw Diagnostic(at: head.location, missing.message, hint: missing.hint)
            }
            var hint = Suggestion.hint(for: head.text, in: registry.allNames)
            if hint == nil { hint = "type help for the list of commands" }
            throw Diagnostic(at: head.location, "unknown command \"\(head.text)\"", hint: hint)
        }
        let hereDocument = try hereDocumentText(command.hereDocument, variables: variables)
        // A sub-command is chosen by the word right after the command (`create sts`, `rollout
        // status`); from there on only its own flags are known, so a flag it does not read is an
        // error rather than silently ignored.
        var spec = topSpec
        var commandWord = head
        var rest = Array(words.dropFirst())
        if let word = rest.first, let sub = spec.subcommand(word.text) {
            spec = sub
            commandWord = word
            rest.removeFirst()
        } else if !spec.subcommands.isEmpty, let word = rest.first, let missing = NotSimulated.kind(word.text) {
            // `create deployment nginx --image nginx`: the kind is the problem, not its flags.
            throw Diagnostic(
                at: word.location, "\(spec.name) \(word.text) is not simulated", hint: NotSimulated.kindHint(missing))
        }
        // Before the flag pass: a planned command whose flags are not declared yet should say
        // "not yet available", not "unknown flag".
        if let planned = spec.plannedWith, spec.flags.isEmpty {
            return Statement(command: .unavailable(name: spec.name, plannedWith: planned))
        }
        var args = try splitFlags(rest, spec: spec, head: commandWord, hereDocument: hereDocument, command: command)
        if let planned = spec.plannedWith {
            return Statement(command: .unavailable(name: spec.name, plannedWith: planned))
        }
        let result = try spec.build(&args)
        // `-f -` reads it as a manifest; `-i` passes it to a container as its standard input.
        if hereDocument != nil, !spec.readsHereDocument,
            !spec.flags.contains(where: { ["filename", "stdin", "interactive"].contains($0.long) })
        {
            throw Diagnostic(at: command.hereDocument!.location, "\(spec.name) does not read a here-document")
        }
        return Statement(command: result, namespace: try Common.namespaceArgument(args))
    }

    /// The here-document's text with `${NAME}` resolved, and the line its body starts on.
    public static func hereDocumentText(
        _ doc: HereDocument?, variables: [String: String]
    ) throws(Diagnostic) -> (String, Int)? {
        guard let doc else { return nil }
        var text = ""
        for part in doc.body {
            switch part {
            case .text(let s): text += s
            case .variable(let name, let at):
                guard let value = variables[name] else {
                    throw Diagnostic(
                        at: at, "undefined variable ${\(name)}", hint: "define it first: let \(name) = VALUE")
                }
                text += value
            }
        }
        return (text, doc.firstBodyLine)
    }

    /// The generic flag pass: `--flag value`, `--flag=value`, `-f value`, `-ojson`, `--` ends flags.
    static func splitFlags(
        _ words: [Argument], spec: CommandSpec, head: Argument,
        hereDocument: (String, Int)?, command: CommandText
    ) throws(Diagnostic) -> ParsedArguments {
        var words = words
        var splitOff = false  // the word was split off a cluster (`-wA`): it is located at its letter
        var positionals: [Argument] = []
        var flags: [String: [Argument]] = [:]
        var i = 0
        var flagsEnded = false
        while i < words.count {
            let w = words[i]
            i += 1
            let wasSplitOff = splitOff
            splitOff = false
            if flagsEnded || !w.text.hasPrefix("-") || w.text == "-" || Int(w.text) != nil {
                positionals.append(w)
                if positionals.count == 1, let v = spec.verbatimAfter, w.text == v { flagsEnded = true }
                continue
            }
            if w.text == "--" {
                flagsEnded = true
                continue
            }
            let isLong = w.text.hasPrefix("--")
            let body = String(w.text.dropFirst(isLong ? 2 : 1))
            let (name, written) = flagName(body, isLong: isLong)
            var inlineValue = written
            guard let flag = isLong ? spec.flag(named: name) : spec.flag(short: name.first!) else {
                throw unknownFlag(isLong ? "--\(name)" : "-\(name)", spec: spec, at: w.location)
            }
            // Short switches combine as with kubectl: `-wA` is `-w -A`, `-it` is `-i -t`.
            if !isLong, flag.value == nil, let rest = inlineValue, !body.dropFirst().hasPrefix("=") {
                var l = w.location
                l.column += wasSplitOff ? 1 : 2
                words.insert(Argument("-" + rest, at: l), at: i)
                splitOff = true
                inlineValue = nil
            }
            var value: Argument
            if flag.value == nil {
                value = Argument(inlineValue ?? "true", at: w.location)
            } else if let inlineValue {
                value = Argument(inlineValue, at: w.location)
            } else if i < words.count {
                value = words[i]
                i += 1
            } else {
                throw Diagnostic(
                    at: w.location, "flag \(flag.display) needs a value",
                    hint: "for example: \(spec.name) --\(flag.long) \(flag.value ?? "VALUE")")
            }
            flags[flag.long, default: []].append(value)
        }
        return ParsedArguments(
            spec: spec, commandWord: head, positionals: positionals, flags: flags,
            hereDocument: hereDocument, commandText: command)
    }

    /// A flag word's name and the value written inside it: `--name=value`, or `-n` followed by
    /// the rest of the word (`-nkube-system`, `-n=x`, or more switches as in `-it`).
    private static func flagName(_ body: String, isLong: Bool) -> (name: String, inlineValue: String?) {
        if isLong {
            guard let eq = body.firstIndex(of: "=") else { return (body, nil) }
            return (String(body[..<eq]), String(body[body.index(after: eq)...]))
        }
        let restOfWord = body.dropFirst()
        if restOfWord.isEmpty { return (String(body.prefix(1)), nil) }
        return (String(body.prefix(1)), String(restOfWord.hasPrefix("=") ? restOfWord.dropFirst() : restOfWord))
    }

    /// The error for a flag the command does not declare, suggesting the nearest one it does.
    private static func unknownFlag(_ shown: String, spec: CommandSpec, at location: SourceLocation) -> Diagnostic {
        let known = spec.flags.map { "--\($0.long)" } + spec.flags.compactMap { $0.short.map { "-\($0)" } }
        let hint =
            Suggestion.hint(for: shown, in: known)
            ?? (spec.flags.isEmpty
                ? "\(spec.name) takes no flags"
                : "\(spec.name) takes " + spec.flags.map { "--\($0.long)" }.joined(separator: ", "))
        return Diagnostic(at: location, "unknown flag \(shown) for \(spec.name)", hint: hint)
    }
}
