import StsimEngine
import StsimLanguage

extension Session {
    /// Tab completion at the prompt: command words, kinds, flags, and the names that exist now.
    public func completions(linePrefix: String) -> [String] {
        Completer(context: CompletionSnapshot(session: self)).complete(linePrefix)
    }

    /// `NAME=VALUE` from the command line defines `${NAME}` for the script.
    public func define(_ name: String, _ value: String) -> Bool {
        guard Lexer.isVariableName(name), (try? checkVariableBudget(name, value)) != nil else { return false }
        variables[name] = value
        return true
    }
}

/// What completion sees of the session: the store's names and the file system.
struct CompletionSnapshot: CompletionContext {
    let session: Session

    func objectNames(ofKind kind: ResourceKind) -> [String] { objectNames(ofKind: kind, namespace: nil) }

    func objectNames(ofKind kind: ResourceKind, namespace: String?) -> [String] {
        let ns = namespace ?? session.cluster.currentNamespace
        return session.cluster.store.list(kind, namespace: kind.isNamespaced ? ns : nil).map(\.name)
    }

    func nodeNames() -> [String] { objectNames(ofKind: .node) }

    func fileNames(matching prefix: String) -> [String] { session.fileNames(matching: prefix) }
}
