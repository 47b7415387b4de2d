import Yams

/// A manifest document as kubectl sends it: YAML converted to JSON without knowledge of the target
/// types (plain `3` a number, `yes` a bool), written compactly with keys sorted, as `json.Marshal`
/// writes a map. `kubectl apply` stores exactly this in the last-applied-configuration annotation.
enum ManifestJSON {
    static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

    static func compact(_ node: YAMLNode) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private static func write(_ node: YAMLNode, into out: inout String) {
        switch node {
        case .mapping(let m):
            // The annotation itself is left out of the configuration it records.
            let pairs = m.compactMap { pair -> (String, YAMLNode)? in
                let key = pair.key.scalar?.string ?? "\(pair.key)"
                return key == lastAppliedAnnotation ? nil : (key, pair.value)
            }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                out += JSONEmitter.string(k) + ":"
                write(v, into: &out)
            }
            out += "}"
        case .sequence(let s):
            out += "["
            for (i, item) in s.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        default:
            switch JSONShape(node) {
            case .null: out += "null"
            case .bool(let b): out += b ? "true" : "false"
            case .integer(let i): out += String(i)
            case .float(let f): out += number(f)
            case .string(let s): out += JSONEmitter.string(s)
            case .array: out += "[]"
            case .object: out += "{}"
            }
        }
    }

    /// YAML floats as Go prints float64 in JSON: whole values without a fraction.
    private static func number(_ text: String) -> String {
        guard let d = Double(text.filter { $0 != "_" }), d.isFinite else { return JSONEmitter.string(text) }
        // Int64(Double) traps beyond its range; larger whole values print in exponent form.
        if d == d.rounded(), abs(d) < 9e18 { return String(Int64(d)) }
        return String(d)
    }
}
