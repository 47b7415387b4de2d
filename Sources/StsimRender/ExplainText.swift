import StsimEngine

/// `kubectl explain` in kubectl 1.32's plaintext layout (k8s.io/kubectl pkg/explain/v2,
/// templates/plaintext.tmpl): GROUP/KIND/VERSION, `FIELD: name <type>` for a field path, the
/// DESCRIPTION wrapped at 76 columns as go-wordwrap does, and FIELDS one per property in name order,
/// or as an indented tree with `--recursive`.
public enum ExplainText {
    public enum Failure: Error, Equatable {
        /// kubectl's `field "NAME" does not exist`; like kubectl it names the path's last word.
        case fieldDoesNotExist(String)
        /// A type whose documentation stsim does not carry (`PodSpec` at `pod.spec`).
        case notCarried(type: String, at: String)
    }

    public static func render(_ kind: ResourceKind, path: [String], recursive: Bool) -> Result<String, Failure> {
        guard let root = ExplainSchemas.schema(kind.kind) else {
            return .failure(.notCarried(type: kind.kind, at: kind.singular))
        }
        var out = kind.group.isEmpty ? "" : "GROUP:      \(kind.group)\n"
        out += "KIND:       \(kind.kind)\nVERSION:    \(kind.version)\n\n"
        var descriptions = [root.description]
        var current: ExplainSchema? = root
        for (i, name) in path.enumerated() {
            guard let field = current?.fields.first(where: { $0.name == name }) else {
                return .failure(.fieldDoesNotExist(path[path.count - 1]))
            }
            if i == path.count - 1 {
                out += "FIELD: \(name) <\(field.type)>\n" + longEnum(field.enumValues) + "\n\n"
            }
            descriptions = [field.description]
            current = nil
            if let ref = field.ref {
                guard let schema = ExplainSchemas.schema(ref) else {
                    let at = ([kind.singular] + path[...i]).joined(separator: ".")
                    return .failure(.notCarried(type: ref, at: at))
                }
                descriptions.append(schema.description)
                current = schema
            }
        }
        out += "DESCRIPTION:\n" + indent(wrap(descriptions.map { $0 + "\n" }.joined(), 76), 4) + "\n"
        if let schema = current, !schema.fields.isEmpty {
            switch fieldList(
                schema, level: 1, recursive: recursive, at: ([kind.singular] + path).joined(separator: "."))
            {
            case .success(let list): out += "FIELDS:\n" + list
            case .failure(let f): return .failure(f)
            }
        }
        return .success(out + "\n")
    }

    /// The long view's enum: `ENUM:` and one value a line.
    private static func longEnum(_ values: [String]) -> String {
        values.isEmpty ? "" : "ENUM:" + values.map { "\n    " + shown($0) }.joined()
    }

    /// An empty value shows as `""`, as kubectl's template writes it.
    private static func shown(_ value: String) -> String { value.isEmpty ? "\"\"" : value }

    private static func fieldList(_ schema: ExplainSchema, level: Int, recursive: Bool, at: String) -> Result<
        String, Failure
    > {
        var out = ""
        let pad = String(repeating: " ", count: level * 2)
        for field in schema.fields.sorted(by: { $0.name < $1.name }) {
            out += pad + field.name + "\t<\(field.type)>" + (field.required ? " -required-" : "")
            if !field.enumValues.isEmpty {
                let values = field.enumValues.prefix(4).map(shown).joined(separator: ", ")
                out += "\n" + pad + "enum: " + values + (field.enumValues.count > 4 ? ", ...." : "")
            }
            out += "\n"
            if !recursive {
                out += indent(wrap(field.description, 78 - level * 2), level * 2 + 2) + "\n\n"
            } else if let ref = field.ref {
                guard let nested = ExplainSchemas.schema(ref) else {
                    return .failure(.notCarried(type: ref, at: at + "." + field.name))
                }
                switch fieldList(nested, level: level + 1, recursive: true, at: at + "." + field.name) {
                case .success(let list): out += list
                case .failure(let f): return .failure(f)
                }
            }
        }
        return .success(out)
    }

    static func indent(_ text: String, _ amount: Int) -> String {
        let pad = String(repeating: " ", count: amount)
        return pad + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + pad)
    }

    /// go-wordwrap's WrapString, which kubectl's `wrap` uses: break at white space so that a line
    /// stays within `limit`, keep the text's own line breaks, and never break a word longer than
    /// the limit (a URL stays whole on a line of its own).
    static func wrap(_ text: String, _ limit: Int) -> String {
        var out = ""
        var current = 0
        var word = ""
        var space = ""
        for ch in text {
            if ch == "\n" {
                if word.isEmpty {
                    if current + space.count <= limit { out += space }
                } else {
                    out += space + word
                    word = ""
                }
                space = ""
                out.append("\n")
                current = 0
            } else if ch.isWhitespace {
                if space.isEmpty || !word.isEmpty {
                    current += space.count + word.count
                    out += space + word
                    space = ""
                    word = ""
                }
                space.append(ch)
            } else {
                word.append(ch)
                if current + space.count + word.count > limit && word.count < limit {
                    out.append("\n")
                    current = 0
                    space = ""
                }
            }
        }
        if word.isEmpty {
            if current + space.count <= limit { out += space }
        } else {
            out += space + word
        }
        return out
    }
}
