import StsimEngine

/// What completion needs to know about the world right now.
public protocol CompletionContext {
    /// Names of existing objects of a kind (canonical plural), sorted.
    func objectNames(ofKind kind: ResourceKind) -> [String]
    func nodeNames() -> [String]
    /// Entries for a path being typed (`examples/we` → `examples/web.sts`, directories with `/`).
    func fileNames(matching prefix: String) -> [String]
    /// Names of existing objects of a kind in a namespace (nil: the current one).
    func objectNames(ofKind kind: ResourceKind, namespace: String?) -> [String]
}

extension CompletionContext {
    public func objectNames(ofKind kind: ResourceKind, namespace: String?) -> [String] { objectNames(ofKind: kind) }
}

/// Tab completion, driven by the same declarations as parsing and help.
public struct Completer {
    public let registry: CommandRegistry
    public let context: CompletionContext

    public init(registry: CommandRegistry = .standard, context: CompletionContext) {
        self.registry = registry
        self.context = context
    }

    /// Candidates for the last word of `linePrefix`, each a full replacement for that word.
    public func complete(_ linePrefix: String) -> [String] {
        var words = Completer.split(linePrefix)
        let current = words.removeLast()
        let afterKubectl = words.first == "kubectl"
        if afterKubectl { words.removeFirst() }
        guard let head = words.first else {
            return filter(registry.allNames + (afterKubectl ? [] : ["kubectl"]), current)
        }
        guard var spec = registry.spec(named: head) else { return [] }
        var args = Array(words.dropFirst())
        // After a sub-command's word only its own flags and arguments are offered.
        if let word = args.first, let sub = spec.subcommand(word) {
            spec = sub
            args.removeFirst()
        }
        // A value for the flag just before?
        if let previous = args.last, previous.hasPrefix("-"), !previous.contains("="),
            let flag = flagSpec(previous, in: spec), flag.value != nil
        {
            return filter(candidates(flag.completion, positionals: [], current: current), current)
        }
        if current.hasPrefix("-") {
            if let eq = current.firstIndex(of: "="), let flag = flagSpec(String(current[..<eq]), in: spec) {
                let prefix = String(current[...eq])
                let value = String(current[current.index(after: eq)...])
                return filter(candidates(flag.completion, positionals: [], current: value).map { prefix + $0 }, current)
            }
            let names = spec.flags.map { "--\($0.long)" + ($0.value == nil ? "" : "=") }
            return filter(names, current)
        }
        let namespace = Self.namespaceValue(args)
        var positionals: [String] = []
        var skipNext = false
        for a in args {
            if skipNext {
                skipNext = false
                continue
            }
            if a.hasPrefix("-") {
                if !a.contains("="), let f = flagSpec(a, in: spec), f.value != nil, a.count <= f.long.count + 2 {
                    skipNext = true
                }
                continue
            }
            positionals.append(a)
        }
        // KIND/NAME in one word
        if let slash = current.firstIndex(of: "/"), let kind = ResourceKind(name: String(current[..<slash])) {
            let prefix = String(current[...slash])
            return filter(context.objectNames(ofKind: kind, namespace: namespace).map { prefix + $0 }, current)
        }
        guard !spec.positionals.isEmpty else { return [] }
        let index = min(positionals.count, spec.positionals.count - 1)
        return filter(
            candidates(spec.positionals[index], positionals: positionals, current: current, namespace: namespace),
            current)
    }

    /// The namespace a partial line names with `-n NS`, `-nNS`, `--namespace NS` or `--namespace=NS`.
    static func namespaceValue(_ args: [String]) -> String? {
        var found: String?
        for (i, a) in args.enumerated() {
            if a == "-n" || a == "--namespace" {
                if i + 1 < args.count { found = args[i + 1] }
            } else if a.hasPrefix("--namespace=") {
                found = String(a.dropFirst("--namespace=".count))
            } else if a.hasPrefix("-n"), !a.hasPrefix("--"), a.count > 2 {
                found = String(a.dropFirst(2))
            }
        }
        return found
    }

    private func flagSpec(_ word: String, in spec: CommandSpec) -> FlagSpec? {
        if word.hasPrefix("--") { return spec.flag(named: String(word.dropFirst(2))) }
        if word.count == 2, let c = word.dropFirst().first { return spec.flag(short: c) }
        return nil
    }

    private func candidates(
        _ source: CompletionSource, positionals: [String], current: String = "", namespace: String? = nil
    ) -> [String] {
        switch source {
        case .none: return []
        case .commands: return registry.specs.map(\.name)
        case .kinds: return ResourceKind.allCases.flatMap { [$0.singular] + $0.shortNames } + ["all"]
        case .objectNames(let index):
            guard index < positionals.count, let kind = ResourceKind(name: positionals[index]) else { return [] }
            return kind == .node ? context.nodeNames() : context.objectNames(ofKind: kind, namespace: namespace)
        case .objectNamesOf(let kind): return context.objectNames(ofKind: kind, namespace: namespace)
        case .nodes: return context.nodeNames()
        case .choices(let c): return c
        case .files: return context.fileNames(matching: current)
        case .namespaces: return context.objectNames(ofKind: .namespace)
        }
    }

    private func filter(_ candidates: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.sorted()
    }

    /// Words of a partial line; the last one is the word being typed (maybe empty).
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == " " || c == "\t" {
                if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            } else if c == ";" {
                words = []
                current = ""
            } else {
                current.append(c)
            }
        }
        words.append(current)
        return words
    }
}
