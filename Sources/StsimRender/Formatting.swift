import StsimEngine

/// Small cell formatters shared by tables, describe and the snapshot, each the Go function kubectl
/// uses for the same cell, so that a value prints the same way everywhere.
enum Formatting {
    /// `labels.FormatLabels`: `k=v` sorted by key, comma-joined; `<none>` when empty. Sorting also
    /// keeps Swift's per-process Dictionary order out of the output.
    static func labels(_ labels: [String: String]) -> String {
        labels.isEmpty ? "<none>" : sortedPairs(labels).map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    static func sortedPairs(_ map: [String: String]) -> [(key: String, value: String)] {
        map.sorted(byBytes: \.key)
    }

    /// `metav1.FormatLabelSelector`: match labels then expressions; `<none>` when empty.
    static func selector(_ selector: LabelSelector?) -> String {
        guard let selector, !selector.isEmpty else { return "<none>" }
        var parts = sortedPairs(selector.matchLabels).map { "\($0.key)=\($0.value)" }
        for e in selector.matchExpressions {
            switch e.operator {
            case .in: parts.append("\(e.key) in (\(e.values.joined(separator: ",")))")
            case .notIn: parts.append("\(e.key) notin (\(e.values.joined(separator: ",")))")
            case .exists: parts.append(e.key)
            case .doesNotExist: parts.append("!\(e.key)")
            }
        }
        return parts.joined(separator: ",")
    }

    /// `GetAccessModesAsString`: a fixed order, not the order written, each mode once.
    static func accessModes(_ modes: [PersistentVolumeAccessMode]) -> String {
        let order: [(PersistentVolumeAccessMode, String)] = [
            (.readWriteOnce, "RWO"), (.readOnlyMany, "ROX"), (.readWriteMany, "RWX"), (.readWriteOncePod, "RWOP"),
        ]
        return order.filter { modes.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    /// `resource.Quantity.String()` for whole byte counts: the largest suffix of the written
    /// family (binary `Ki..Ei`, or decimal `k..E`) that divides the value exactly, so `1024Mi`
    /// prints `1Gi` and `1G` stays `1G` (8.5). A binary value that is not a multiple of 1024
    /// prints in decimal form, as Go does.
    static func quantity(_ q: Quantity?) -> String {
        guard let q else { return "" }
        let binary = q.text.hasSuffix("i")
        if binary, q.value != 0, q.value % 1024 == 0 {
            return scaled(q.value, base: 1024, suffixes: ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"])
        }
        return scaled(q.value, base: 1000, suffixes: ["k", "M", "G", "T", "P", "E"])
    }

    private static func scaled(_ value: Int64, base: Int64, suffixes: [String]) -> String {
        guard value != 0 else { return "0" }
        var v = value
        var suffix = ""
        for s in suffixes where v % base == 0 {
            v /= base
            suffix = s
        }
        return "\(v)\(suffix)"
    }

    static func grouped(_ n: Int) -> String { n.groupedDigits }

    /// `1 pod`, `3 pods`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(n)) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// The controller of an object as kubectl names it: `statefulset.apps/web`.
    static func controllerName(_ ref: OwnerReference) -> String {
        let group = ref.apiVersion.split(separator: "/").dropLast().first.map(String.init) ?? ""
        let kind = ref.kind.lowercased()
        return group.isEmpty ? "\(kind)/\(ref.name)" : "\(kind).\(group)/\(ref.name)"
    }
}
