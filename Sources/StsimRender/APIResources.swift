import StsimEngine

/// `kubectl api-resources` (kubectl's pkg/cmd/apiresources): one row per served kind, sorted by
/// API group then name unless `--sort-by name|kind`; `-o wide` adds the verbs and categories,
/// `-o name` prints `RESOURCE[.GROUP]`.
public enum APIResources {
    public enum SortBy: String, Sendable, CaseIterable { case name, kind }

    public static func render(
        _ kinds: [ResourceKind], wide: Bool, names: Bool, headers: Bool, sortBy: SortBy?
    ) -> String {
        let sorted = kinds.sorted { a, b in
            let (x, y): (String, String) =
                switch sortBy {
                case .name?: (a.plural, b.plural)
                case .kind?: (a.kind, b.kind)
                case nil: (a.group, b.group)
                }
            return x != y ? ByteOrder.less(x, y) : ByteOrder.less(a.plural, b.plural)
        }
        if names { return sorted.map { ($0.group.isEmpty ? $0.plural : "\($0.plural).\($0.group)") + "\n" }.joined() }
        var rows: [[String]] = []
        if headers {
            rows.append(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"] + (wide ? ["VERBS", "CATEGORIES"] : []))
        }
        for k in sorted {
            var row = [k.plural, k.shortNames.joined(separator: ","), k.apiVersion, String(k.isNamespaced), k.kind]
            if wide { row += [ResourceKind.servedVerbs.joined(separator: ","), k.categories.joined(separator: ",")] }
            rows.append(row)
        }
        // Without headers the columns are as wide as the rows alone, as kubectl's tab writer makes them.
        guard let first = rows.first else { return "" }
        return Table(headers: first, rows: Array(rows.dropFirst())).render()
    }
}
