import StsimEngine

/// The taint argument of `taint node NODE ...`, as kubectl reads it: `key=value:Effect`,
/// `key:Effect`, or a removal `key-` / `key:Effect-`.
public struct TaintText: Hashable, Sendable {
    public var key: String
    public var value: String?
    /// nil only in a removal of every effect (`key-`).
    public var effect: TaintEffect?
    public var remove: Bool

    public init(key: String, value: String?, effect: TaintEffect?, remove: Bool) {
        self.key = key
        self.value = value
        self.effect = effect
        self.remove = remove
    }

    static let effects: [TaintEffect] = [.noSchedule, .preferNoSchedule, .noExecute]

    static func parse(_ a: Argument) throws(Diagnostic) -> TaintText {
        var text = a.text
        let remove = text.hasSuffix("-")
        if remove { text.removeLast() }
        var effect: TaintEffect?
        if let colon = text.lastIndex(of: ":") {
            let word = String(text[text.index(after: colon)...])
            guard let e = effects.first(where: { $0.rawValue == word }) else {
                throw Diagnostic(
                    at: a.location, "invalid taint effect: \(word), unsupported taint effect",
                    hint: "the effects are NoSchedule, PreferNoSchedule and NoExecute")
            }
            effect = e
            text = String(text[..<colon])
        } else if !remove {
            throw Diagnostic(
                at: a.location, "invalid taint spec: \(a.text), a taint needs an effect",
                hint: "KEY=VALUE:EFFECT, e.g. node.kubernetes.io/out-of-service=nodeshutdown:NoExecute")
        }
        var value: String?
        if let eq = text.firstIndex(of: "=") {
            value = String(text[text.index(after: eq)...])
            text = String(text[..<eq])
        }
        guard !text.isEmpty else { throw Diagnostic(at: a.location, "invalid taint spec: \(a.text), the key is empty") }
        return TaintText(key: text, value: value, effect: effect, remove: remove)
    }
}
