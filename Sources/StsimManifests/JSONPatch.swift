/// RFC 6902 (`kubectl patch --type json`) over the live object's wire form, as the API server
/// applies it (evanphx/json-patch in k8s.io/apiserver's patch handler): the operations in order,
/// all or nothing. Pointers are RFC 6901 (`~1` is `/`, `~0` is `~`); `-` appends to a list.
enum JSONPatch {
    /// Why the patch was refused: the body is not a list of operations (the server's 400), or an
    /// operation does not apply (its 422, which kubectl prints without the detail kept here).
    enum Refusal: Error, Equatable {
        case notAPatch(String)
        case doesNotApply(String)
    }

    static func apply(_ patch: WireValue, to document: WireValue) -> Result<WireValue, Refusal> {
        guard let ops = patch.items else {
            return .failure(.notAPatch("json: cannot unmarshal \(patch.jsonWord) into Go value of type jsonpatch.Patch"))
        }
        var doc = document
        for op in ops {
            guard op.fields != nil else {
                return .failure(
                    .notAPatch("json: cannot unmarshal \(op.jsonWord) into Go value of type jsonpatch.Operation"))
            }
            switch step(op, &doc) {
            case .success: continue
            case .failure(let refusal): return .failure(refusal)
            }
        }
        return .success(doc)
    }

    private static func step(_ op: WireValue, _ doc: inout WireValue) -> Result<Void, Refusal> {
        guard case .string(let name)? = op["op"] else { return .failure(.doesNotApply("missing op")) }
        guard case .string(let path)? = op["path"] else {
            return .failure(.doesNotApply("\(name) operation: missing path"))
        }
        let tokens = pointer(path)
        let missing = Refusal.doesNotApply("\(name) operation does not apply: doc is missing path: \(path)")
        switch name {
        case "add", "replace":
            guard let value = op["value"] else { return .failure(.doesNotApply("\(name) operation: missing value")) }
            if name == "replace", get(tokens, doc) == nil {
                return .failure(.doesNotApply("replace operation does not apply: doc is missing key: \(path)"))
            }
            return set(tokens, value, in: &doc, insert: name == "add") ? .success(()) : .failure(missing)
        case "remove":
            return remove(tokens, from: &doc) ? .success(()) : .failure(missing)
        case "test":
            guard let actual = get(tokens, doc), let expected = op["value"], actual.same(as: expected) else {
                return .failure(.doesNotApply("testing value \(path) failed"))
            }
            return .success(())
        case "move", "copy":
            guard case .string(let from)? = op["from"], let value = get(pointer(from), doc) else {
                return .failure(.doesNotApply("\(name) operation does not apply: doc is missing from path"))
            }
            if name == "move", !remove(pointer(from), from: &doc) { return .failure(missing) }
            return set(tokens, value, in: &doc, insert: true) ? .success(()) : .failure(missing)
        default:
            return .failure(.doesNotApply("Unexpected kind: \(name)"))
        }
    }

    private static func pointer(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }

    private static func get(_ tokens: [String], _ node: WireValue) -> WireValue? {
        var node = node
        for t in tokens {
            if let next = node[t] {
                node = next
            } else if let list = node.items, let i = Int(t), list.indices.contains(i) {
                node = list[i]
            } else {
                return nil
            }
        }
        return node
    }

    /// Sets the member or list element at `tokens`; every parent must exist (RFC 6902 A.12).
    private static func set(_ tokens: [String], _ value: WireValue, in node: inout WireValue, insert: Bool) -> Bool {
        guard let first = tokens.first else {
            node = value
            return true
        }
        let rest = Array(tokens.dropFirst())
        if node.fields != nil {
            if rest.isEmpty {
                node = node.setting(first, value)
                return true
            }
            guard var child = node[first], set(rest, value, in: &child, insert: insert) else { return false }
            node = node.setting(first, child)
            return true
        }
        guard var list = node.items else { return false }
        let index = first == "-" ? list.count : Int(first) ?? -1
        if rest.isEmpty {
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
            guard set(rest, value, in: &child, insert: insert) else { return false }
            list[index] = child
        }
        node = .array(list)
        return true
    }

    private static func remove(_ tokens: [String], from node: inout WireValue) -> Bool {
        guard let last = tokens.last, var parent = get(Array(tokens.dropLast()), node) else { return false }
        if parent.fields != nil, parent[last] != nil {
            parent = parent.setting(last, nil)
        } else if var list = parent.items, let i = Int(last), list.indices.contains(i) {
            list.remove(at: i)
            parent = .array(list)
        } else {
            return false
        }
        let up = Array(tokens.dropLast())
        if up.isEmpty {
            node = parent
            return true
        }
        return set(up, parent, in: &node, insert: false)
    }
}
