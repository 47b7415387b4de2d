/// Runs of spaces for indentation, made once per width: a large listing indents millions of
/// lines (JSON by four or two, YAML by two).
enum Spaces {
    private static let made = (0..<128).map { String(repeating: " ", count: $0) }

    static func of(_ n: Int) -> String { n < made.count ? made[n] : String(repeating: " ", count: n) }
}
