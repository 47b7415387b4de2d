import Foundation

/// RFC 6902 (`kubectl patch --type json`): the operations are applied to the live object's
/// JSON, and the result is handed on as the RFC 7386 merge patch from the live object to it,
/// so one decoding path (ManifestUpdate) serves every patch type.
enum JSONPatch {
    static func mergePatch(_ patch: String, onto current: String) -> Result<String, APIResponseError> {
        guard let ops = (try? JSONSerialization.jsonObject(with: Data(patch.utf8))) as? [[String: Any]] else {
            return .failure(
                APIResponseError(.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch")))
        }
        guard let live = try? JSONSerialization.jsonObject(with: Data(current.utf8)) else {
            return .failure(APIResponseError(.badRequest("the live object could not be read")))
        }
        var document: Any = live
        for op in ops {
            if let problem = apply(op, to: &document) {
                return .failure(APIResponseError(.failure(code: 422, reason: "Invalid", message: problem)))
            }
        }
        let diff = mergeDiff(from: live, to: document) ?? [String: Any]()
        guard let data = try? JSONSerialization.data(withJSONObject: diff, options: [.sortedKeys]) else {
            return .failure(APIResponseError(.badRequest("the patched object could not be written")))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// One operation; a problem text when it cannot be applied.
    private static func apply(_ op: [String: Any], to document: inout Any) -> String? {
        guard let name = op["op"] as? String, let path = op["path"] as? String else {
            return "Unable to parse patch operation: missing op or path"
        }
        let tokens = pointer(path)
        switch name {
        case "add", "replace":
            guard let value = op["value"] else { return "missing value in \(name) operation" }
            if name == "replace", get(tokens, document) == nil {
                return "replace operation does not apply: doc is missing key: \(path)"
            }
            return set(tokens, value, in: &document, insert: name == "add")
                ? nil : "\(name) operation does not apply: doc is missing path: \(path)"
        case "remove":
            return remove(tokens, from: &document)
                ? nil : "remove operation does not apply: doc is missing path: \(path)"
        case "test":
            guard let actual = get(tokens, document), let expected = op["value"],
                NSDictionary(dictionary: ["v": actual]).isEqual(to: ["v": expected])
            else { return "testing value \(path) failed" }
            return nil
        case "move", "copy":
            guard let from = op["from"] as? String, let value = get(pointer(from), document) else {
                return "\(name) operation does not apply: doc is missing from path"
            }
            if name == "move", !remove(pointer(from), from: &document) { return "move operation failed" }
            return set(tokens, value, in: &document, insert: true)
                ? nil : "\(name) operation does not apply: doc is missing path: \(path)"
        default:
            return "Unexpected kind: \(name)"
        }
    }

    private static func pointer(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func get(_ tokens: [String], _ document: Any) -> Any? {
        var node: Any = document
        for t in tokens {
            if let map = node as? [String: Any], let next = map[t] {
                node = next
            } else if let list = node as? [Any], let i = Int(t), list.indices.contains(i) {
                node = list[i]
            } else {
                return nil
            }
        }
        return node
    }

    private static func set(_ tokens: [String], _ value: Any, in node: inout Any, insert: Bool) -> Bool {
        guard let first = tokens.first else {
            node = value
            return true
        }
        if var map = node as? [String: Any] {
            if tokens.count == 1 {
                map[first] = value
            } else {
                guard var child = map[first], set(Array(tokens.dropFirst()), value, in: &child, insert: insert) else {
                    return false
                }
                map[first] = child
            }
            node = map
            return true
        }
        guard var list = node as? [Any] else { return false }
        let index = first == "-" ? list.count : Int(first) ?? -1
        if tokens.count == 1 {
            if insert, (0...list.count).contains(index) {
                list.insert(value, at: index)
            } else if !insert, list.indices.contains(index) {
                list[index] = value
            } else {
                return false
            }
        } else {
            guard list.indices.contains(index) else { return false }
            var child = list[index]
            guard set(Array(tokens.dropFirst()), value, in: &child, insert: insert) else { return false }
            list[index] = child
        }
        node = list
        return true
    }

    private static func remove(_ tokens: [String], from node: inout Any) -> Bool {
        guard let last = tokens.last, let parent = get(Array(tokens.dropLast()), node) else { return false }
        var changed: Any
        if var map = parent as? [String: Any], map[last] != nil {
            map[last] = nil
            changed = map
        } else if var list = parent as? [Any], let i = Int(last), list.indices.contains(i) {
            list.remove(at: i)
            changed = list
        } else {
            return false
        }
        if tokens.count == 1 {
            node = changed
            return true
        }
        return set(Array(tokens.dropLast()), changed, in: &node, insert: false)
    }

    /// The RFC 7386 patch that turns `old` into `new`: maps recursively, `null` for removed keys,
    /// anything else replaced whole; nil when nothing changed.
    static func mergeDiff(from old: Any, to new: Any) -> Any? {
        guard let o = old as? [String: Any], let n = new as? [String: Any] else {
            return NSDictionary(dictionary: ["v": old]).isEqual(to: ["v": new]) ? nil : new
        }
        var patch: [String: Any] = [:]
        for key in o.keys where n[key] == nil { patch[key] = NSNull() }
        for (key, value) in n {
            if let before = o[key] {
                if let d = mergeDiff(from: before, to: value) { patch[key] = d }
            } else {
                patch[key] = value
            }
        }
        return patch.isEmpty ? nil : patch
    }
}
