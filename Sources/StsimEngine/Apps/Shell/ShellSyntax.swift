/// The parsed form of a POSIX-shell subset (XCU chapter 2, "Shell Command Language"): lists
/// with `;` `&&` `||`, pipelines, simple commands with assignments and redirections, `if`,
/// `for`, `while`/`until`, `{ ...; }` groups and function definitions.
indirect enum ShellNode: Sendable {
    case simple(ShellSimpleCommand)
    case pipeline([ShellNode], negated: Bool)
    case and(ShellNode, ShellNode)
    case or(ShellNode, ShellNode)
    case sequence([ShellNode])
    case ifThen(branches: [(condition: ShellNode, body: ShellNode)], otherwise: ShellNode?)
    case forLoop(variable: String, words: [ShellWord]?, body: ShellNode)
    case whileLoop(condition: ShellNode, body: ShellNode, until: Bool)
    /// A compound command with its own redirections (`for ...; done > file`), or a `{ }` group.
    case redirected(ShellNode, [ShellRedirect])
    /// `name() compound-command` (XCU 2.9.5). `id` numbers the definitions in source order, so
    /// that a main process resumed from its saved state finds its functions in the re-parsed script.
    case function(name: String, id: Int, body: ShellNode)
}

extension ShellNode {
    /// Every function definition in the tree, by id.
    var functionDefinitions: [Int: ShellNode] {
        var found: [Int: ShellNode] = [:]
        var pending = [self]
        while let node = pending.popLast() {
            switch node {
            case .simple: break
            case .pipeline(let nodes, _), .sequence(let nodes): pending += nodes
            case .and(let a, let b), .or(let a, let b): pending += [a, b]
            case .ifThen(let branches, let otherwise):
                for b in branches { pending += [b.condition, b.body] }
                if let otherwise { pending.append(otherwise) }
            case .forLoop(_, _, let body): pending.append(body)
            case .whileLoop(let condition, let body, _): pending += [condition, body]
            case .redirected(let inner, _): pending.append(inner)
            case .function(_, let id, let body):
                found[id] = body
                pending.append(body)
            }
        }
        return found
    }
}

struct ShellSimpleCommand: Sendable {
    var assignments: [(name: String, value: ShellWord)] = []
    var words: [ShellWord] = []
    var redirects: [ShellRedirect] = []
}

/// A word as written: its pieces keep whether they were quoted, which decides field splitting.
struct ShellWord: Sendable {
    enum Part: Sendable {
        case text(String, quoted: Bool)
        case variable(String, quoted: Bool)
        /// `$(...)` or backquotes: the source of the command inside.
        case command(String, quoted: Bool)
        /// `$((...))`: the expression inside.
        case arithmetic(String, quoted: Bool)
    }

    var parts: [Part] = []

    /// The word's text when it is plain unquoted text (keywords, assignment names).
    var plain: String? {
        var s = ""
        for part in parts {
            guard case .text(let t, false) = part else { return nil }
            s += t
        }
        return s
    }
}

struct ShellRedirect: Sendable {
    enum Operation: Sendable { case output, append, input, duplicate }
    var descriptor: Int
    var operation: Operation
    var target: ShellWord
}

/// A syntax error, worded as dash words it (`sh: 1: Syntax error: end of file unexpected`).
struct ShellSyntaxError: Error, Sendable {
    var message: String
}
