import StsimManifests

/// `-o custom-columns=HEADER:EXPR,...` and `-o custom-columns-file=FILE`, as
/// k8s.io/cli-runtime/pkg/printers/customcolumn.go prints them: a header row, then one row per
/// object, each cell the expression's values joined by commas, `<none>` when it has none.
public struct CustomColumns: Sendable {
    public struct Column: Sendable {
        public var header: String
        var path: JSONPath
    }

    public var columns: [Column]

    /// The inline form: `NAME:.metadata.name,IMAGE:.spec.containers[*].image`.
    public init(spec: String) throws(JSONPathError) {
        guard !spec.isEmpty else { throw JSONPathError("custom-columns format specified but no custom columns given") }
        columns = []
        for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
            guard let colon = part.firstIndex(of: ":") else {
                throw JSONPathError("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
            }
            let expression = try Self.relaxed(String(part[part.index(after: colon)...]))
            columns.append(Column(header: String(part[..<colon]), path: try JSONPath(expression)))
        }
    }

    /// The file form: a line of headers and a line of expressions, split on white space.
    public init(file text: String) throws(JSONPathError) {
        let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        guard lines.count == 2 else {
            throw JSONPathError("expected two lines in the custom-columns file, found \(lines.count)")
        }
        let headers = lines[0].split(whereSeparator: \.isWhitespace)
        let paths = lines[1].split(whereSeparator: \.isWhitespace)
        guard headers.count == paths.count else {
            throw JSONPathError(
                "number of headers (\(headers.count)) does not match number of columns (\(paths.count))")
        }
        columns = []
        for (header, path) in zip(headers, paths) {
            columns.append(Column(header: String(header), path: try JSONPath(try Self.relaxed(String(path)))))
        }
    }

    /// client-go's RelaxedJSONPathExpression: `name`, `.name`, `{name}` and `{.name}` all mean
    /// `{.name}`.
    public static func relaxed(_ expression: String) throws(JSONPathError) -> String {
        if expression.isEmpty { return expression }
        var body = Substring(expression)
        if body.hasPrefix("{") && body.hasSuffix("}") && body.count >= 2 { body = body.dropFirst().dropLast() }
        if body.hasPrefix(".") { body = body.dropFirst() }
        guard !body.isEmpty, !body.contains("{"), !body.contains("}") else {
            throw JSONPathError(
                "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"
            )
        }
        return "{.\(body)}"
    }

    /// The table for these objects (each one `-o json` tree).
    public func table(_ objects: [WireValue], headers: Bool = true) throws(JSONPathError) -> String {
        var table = Table(headers: columns.map(\.header))
        for object in objects {
            var row: [String] = []
            for column in columns {
                let values = try column.path.results(object)
                if values.isEmpty || values[0].isEmpty {
                    row.append("<none>")
                } else {
                    row.append(values.flatMap { $0 }.map(JSONPathText.goValue).joined(separator: ","))
                }
            }
            table.rows.append(row)
        }
        return table.render(headers: headers)
    }
}
