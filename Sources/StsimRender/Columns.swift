/// Column sets of `kubectl get` (reference 11.2), one extension per group of kinds
/// (`Columns+Pod.swift`, ...). Each `row` starts with the bare name; `GetOutput` adds the
/// `kind/` prefix, the namespace and the labels.
enum Columns {
    /// kubectl's `<none>` for an unset cell.
    static func nonEmpty(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "<none>" }
        return s
    }
}
