import StsimEngine

/// The language names kinds as kubectl users type them; the engine's `ResourceKind` knows the
/// spellings, this adds what suggestions and completion need.
extension ResourceKind {
    /// Every spelling a user may type, for completion and suggestions.
    public static var spellings: [String] {
        allCases.flatMap { [$0.singular, $0.plural] + $0.shortNames }
    }

    /// `the server doesn't have a resource type "foo"`, kubectl's text, with a suggestion.
    public static func unknown(_ word: String) -> (message: String, hint: String?) {
        let message = "the server doesn't have a resource type \"\(word)\""
        if let missing = NotSimulated.kind(word) { return (message, NotSimulated.kindHint(missing)) }
        return (message, Suggestion.hint(for: word, in: spellings))
    }
}
