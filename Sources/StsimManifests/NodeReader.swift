import StsimEngine
import Yams

/// Reads one YAML mapping as one Go struct of the API would be decoded: every field the caller asks
/// for is "known"; whatever is left at `finish()` is an unknown field (strict decoding, 7.2).
/// Type mismatches are reported with encoding/json's words so learners can search for them.
final class MappingReader {
    let ctx: DecodeContext
    /// The field path with list indices (`spec.template.spec.containers[0]`), "" at the root.
    let path: String
    /// The same path without indices, as encoding/json names it in type errors.
    let goPath: String
    /// The Go struct's name (`StatefulSetSpec`), also for type errors.
    let goType: String
    let mark: Mark?
    private let entries: [(key: String, keyMark: Mark?, value: YAMLNode)]
    private var known: [String] = []
    private var unmodelled: Set<String> = []

    init(_ mapping: YAMLNode.Mapping, path: String, goPath: String, goType: String, ctx: DecodeContext) {
        self.ctx = ctx
        self.path = path
        self.goPath = goPath
        self.goType = goType
        self.mark = mapping.mark
        // Equal keys never get here: Yams refuses them (YAMLDocuments reports it as kubectl does).
        var entries: [(String, Mark?, YAMLNode)] = []
        for (k, v) in mapping {
            let key = k.scalar?.string ?? "\(k)"
            ctx.record(path.isEmpty ? key : "\(path).\(key)", k.mark)
            entries.append((key, k.mark, v))
        }
        self.entries = entries
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    func goChild(_ key: String) -> String { goPath.isEmpty ? key : "\(goPath).\(key)" }

    /// The node under `key`, or nil when absent or null (JSON null decodes to the zero value).
    func node(_ key: String) -> YAMLNode? {
        if !known.contains(key) { known.append(key) }
        guard let e = entries.first(where: { $0.key == key }) else { return nil }
        if case .null = JSONShape(e.value) { return nil }
        return e.value
    }

    func keyMark(_ key: String) -> Mark? { entries.first { $0.key == key }?.keyMark }
    var keys: [String] { entries.map(\.key) }

    /// Fields of the real API that stsim accepts and drops (noted, so nobody wonders where they went).
    func unmodelled(_ keys: String...) {
        for k in keys {
            known.append(k)
            unmodelled.insert(k)
        }
    }

    /// Reports every field nobody asked for, each at its own location, with a suggestion.
    func finish() {
        for e in entries {
            let fieldPath = child(e.key)
            if unmodelled.contains(e.key) {
                // An empty value (`resources: {}`, as kubectl prints it) loses nothing.
                if Self.isEmpty(e.value) { continue }
                ctx.report(
                    .note, at: e.keyMark,
                    "field \"\(fieldPath)\" is valid Kubernetes but not simulated by stsim; it is ignored")
                continue
            }
            guard !known.contains(e.key) else { continue }
            let hint = hint(forUnknown: e.key)
            switch ctx.fieldValidation {
            case .strict:
                ctx.report(.error, at: e.keyMark, "strict decoding error: unknown field \"\(fieldPath)\"", hint: hint)
            case .warn: ctx.report(.warning, at: e.keyMark, "unknown field \"\(fieldPath)\"", hint: hint)
            case .ignore: break
            }
        }
    }

    /// The likely intent behind an unknown field: a misspelling, or a field written one level too
    /// high (`name` beside `metadata`, `replicas` beside `spec`), the commonest indentation slip.
    private func hint(forUnknown key: String) -> String? {
        if let hint = Suggestion.hint(nearest: key, among: known) { return hint }
        if known.contains("metadata"), ["name", "namespace", "labels", "annotations", "generateName"].contains(key) {
            return "did you mean \"metadata.\(key)\"? it belongs under metadata:"
        }
        if known.contains("spec") {
            return "if \"\(key)\" is a field of the spec, indent it under spec:"
        }
        return nil
    }

    private static func isEmpty(_ node: YAMLNode) -> Bool {
        switch node {
        case .mapping(let m): return m.isEmpty
        case .sequence(let s): return s.isEmpty
        default:
            if case .null = JSONShape(node) { return true }
            return false
        }
    }

    // MARK: type errors

    func typeError(_ key: String, _ value: YAMLNode, expected goTypeName: String, shown: String? = nil) {
        ctx.fail(child(key))
        let shape = shown ?? JSONShape(value).jsonWord
        var hint: String?
        if case .string(let s) = JSONShape(value), goTypeName.hasPrefix("int"), Int64(s) != nil {
            hint = "remove the quotes: \(key): \(s)"
        } else if case .float = JSONShape(value), goTypeName.hasPrefix("int") {
            hint = "\(key) takes a whole number"
        } else if goTypeName == "string", case .scalar(let s) = value {
            hint = "quote the value to make it a string: \(key): \"\(s.string)\""
        }
        ctx.report(
            .error, at: value.mark ?? keyMark(key),
            "json: cannot unmarshal \(shape) into Go struct field \(goType).\(goChild(key)) of type \(goTypeName)",
            hint: hint)
    }

    // MARK: scalars

    func string(_ key: String) -> String? {
        guard let v = node(key) else { return nil }
        if case .string(let s) = JSONShape(v) { return s }
        typeError(key, v, expected: "string")
        return nil
    }

    func int(_ key: String, goTypeName: String = "int32") -> Int? {
        guard let v = node(key) else { return nil }
        switch JSONShape(v) {
        case .integer(let i):
            let fits = goTypeName == "int64" ? true : (Int64(Int32.min)...Int64(Int32.max)).contains(i)
            if fits { return Int(i) }
            typeError(key, v, expected: goTypeName, shown: "number \(i)")
        case .float(let f):
            typeError(key, v, expected: goTypeName, shown: "number \(f)")
        default:
            typeError(key, v, expected: goTypeName)
        }
        return nil
    }

    func bool(_ key: String) -> Bool? {
        guard let v = node(key) else { return nil }
        if case .bool(let b) = JSONShape(v) { return b }
        typeError(key, v, expected: "bool")
        return nil
    }

    /// A string-or-int field (`intstr.IntOrString`: targetPort, probe ports), kept as text.
    func intOrString(_ key: String) -> String? {
        guard let v = node(key) else { return nil }
        switch JSONShape(v) {
        case .integer(let i): return String(i)
        case .string(let s): return s
        default:
            typeError(key, v, expected: "intstr.IntOrString")
            return nil
        }
    }

    func openEnum<E: OpenEnum>(_ key: String, _ type: E.Type, goTypeName: String) -> E? {
        guard let v = node(key) else { return nil }
        // Go leaves "" as the zero value, which defaulting then fills like an absent field.
        if case .string(let s) = JSONShape(v) { return s.isEmpty ? nil : E(rawValue: s) }
        typeError(key, v, expected: goTypeName)
        return nil
    }

    // MARK: collections

    func stringMap(_ key: String) -> [String: String]? {
        guard let v = node(key) else { return nil }
        guard case .mapping(let m) = v else {
            typeError(key, v, expected: "map[string]string")
            return nil
        }
        var out: [String: String] = [:]
        for (k, val) in m {
            let name = k.scalar?.string ?? ""
            ctx.record("\(child(key))[\(name)]", k.mark)
            switch JSONShape(val) {
            case .string(let s): out[name] = s
            case .null: out[name] = ""
            default:
                ctx.fail(child(key))
                let hint = val.scalar.map { "quote the value to make it a string: \(name): \"\($0.string)\"" }
                ctx.report(
                    .error, at: val.mark ?? k.mark,
                    "json: cannot unmarshal \(JSONShape(val).jsonWord) into Go struct field \(goType).\(goChild(key)) of type string",
                    hint: hint)
            }
        }
        return out
    }

    /// A list of strings; `goTypeName` names the Go slice type in type errors.
    func strings(_ key: String, goTypeName: String = "[]string") -> [String]? {
        guard let v = node(key) else { return nil }
        guard case .sequence(let s) = v else {
            typeError(key, v, expected: goTypeName)
            return nil
        }
        var out: [String] = []
        for (i, item) in s.enumerated() {
            ctx.record("\(child(key))[\(i)]", item.mark)
            if case .string(let str) = JSONShape(item) {
                out.append(str)
            } else {
                ctx.fail(child(key))
                ctx.report(
                    .error, at: item.mark,
                    "json: cannot unmarshal \(JSONShape(item).jsonWord) into Go struct field \(goType).\(goChild(key)) of type \(goTypeName.dropFirst(2))"
                )
            }
        }
        return out
    }

    /// A nested struct.
    func object(_ key: String, goType nestedType: String) -> MappingReader? {
        guard let v = node(key) else { return nil }
        guard case .mapping(let m) = v else {
            typeError(key, v, expected: qualified(nestedType))
            return nil
        }
        return MappingReader(m, path: child(key), goPath: goChild(key), goType: nestedType, ctx: ctx)
    }

    /// A list of structs; each element is read by `read` and its unknown fields reported.
    func objects<T>(_ key: String, goType elementType: String, _ read: (MappingReader) -> T?) -> [T]? {
        guard let v = node(key) else { return nil }
        guard case .sequence(let s) = v else {
            typeError(key, v, expected: "[]" + qualified(elementType))
            return nil
        }
        var out: [T] = []
        for (i, item) in s.enumerated() {
            let itemPath = "\(child(key))[\(i)]"
            ctx.record(itemPath, item.mark)
            guard case .mapping(let m) = item else {
                if case .null = JSONShape(item) { continue }
                ctx.fail(itemPath)
                ctx.report(
                    .error, at: item.mark,
                    "json: cannot unmarshal \(JSONShape(item).jsonWord) into Go struct field \(goType).\(goChild(key)) of type \(qualified(elementType))"
                )
                continue
            }
            let r = MappingReader(m, path: itemPath, goPath: goChild(key), goType: elementType, ctx: ctx)
            if let t = read(r) { out.append(t) }
            r.finish()
        }
        return out
    }

    /// Go prints struct types with their package (`v1.Container`); the few meta types live in `v1` too.
    private func qualified(_ type: String) -> String { type.contains(".") ? type : "v1.\(type)" }

    /// Reads a nested struct and reports its unknown fields.
    func nested<T>(_ key: String, goType nestedType: String, _ read: (MappingReader) -> T) -> T? {
        guard let r = object(key, goType: nestedType) else { return nil }
        let t = read(r)
        r.finish()
        return t
    }
}
