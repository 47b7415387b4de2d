/// How dig lays out a record: BIND's `masterdump.c` moves each field to a column (TTL 24,
/// class 32, type 40, data 48 in dig's default style, `dig.c`), with `indent()`: tabs to the
/// tab stop (width 8) at or before the column, spaces for the rest, and always at least one
/// blank. So a short owner is followed by tabs (`www.google.com.<TAB><TAB>30<TAB>IN<TAB>A`),
/// while a long one pushes the next fields past their columns and they are separated by single
/// spaces until a column is reachable again (`web-0.nginx.default.svc.cluster.local. 30 IN A<TAB>10.244.1.3`).
/// Reference 10.3 calls the lines tab-separated, which holds for names under 24 characters;
/// this reproduces the real bytes for the longer cluster names too.
enum BINDColumns {
    static let ttlColumn = 24, classColumn = 32, typeColumn = 40, dataColumn = 48
    static let tabWidth = 8

    /// An answer, authority or additional record.
    static func record(_ owner: String, ttl: Int, type: String, data: String) -> String {
        line(owner, [("\(ttl)", ttlColumn), ("IN", classColumn), (type, typeColumn), (data, dataColumn)])
    }

    /// `first`, then each field indented to its column.
    static func line(_ first: String, _ fields: [(text: String, column: Int)]) -> String {
        var out = first
        var column = first.unicodeScalars.count
        for (text, target) in fields {
            out += indent(from: &column, to: target)
            out += text
            column += text.unicodeScalars.count
        }
        return out
    }

    /// `indent()` of masterdump.c.
    private static func indent(from column: inout Int, to target: Int) -> String {
        let to = max(target, column + 1)
        let tabs = max(0, to / tabWidth - column / tabWidth)
        let from = tabs > 0 ? (to / tabWidth) * tabWidth : column
        column = to
        return String(repeating: "\t", count: tabs) + String(repeating: " ", count: to - from)
    }
}
