/// `kubectl patch` (default `--type strategic`) as the API server applies it: apimachinery's
/// strategicpatch.StrategicMergeMapPatch (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go,
/// `mergeMap` with MergeParallelList and IgnoreUnmatchedNulls), with its directives:
///
/// - `"$patch": "replace"` in a map: the map is the patch's, not merged; `"$patch": "delete"`: the
///   map becomes empty. In a merge-keyed list, `{"name": "x", "$patch": "delete"}` removes the
///   element `x`, and a `{"$patch": "replace"}` element makes the list the patch's other elements.
/// - `"$retainKeys": [...]`: the live map keeps only the listed keys (every key the patch sets
///   must be listed).
/// - `"$setElementOrder/FIELD": [...]`: the merged list follows that order.
/// - `"$deleteFromPrimitiveList/FIELD": [...]`: those values leave a merged list of scalars
///   (`metadata.finalizers`).
///
/// Lists merge by their `patchMergeKey` (StrategicMerge.mergeKey); other lists are replaced.
enum StrategicPatch {
    /// The server's answer, as kubectl prints it.
    struct Failure: Error {
        var message: String
    }

    static func apply(_ patch: WireValue, to current: WireValue, kind: String) throws(Failure) -> WireValue {
        try mergeMap(current.fields, patch.fields ?? [], path: [], kind: kind)
    }

    private static func badRequest(_ message: String) -> Failure {
        Failure(message: "Error from server (BadRequest): \(message)")
    }

    /// A plain error from the merge: the API server answers 500 with no reason.
    private static func serverError(_ message: String) -> Failure {
        Failure(message: "Error from server: \(message)")
    }

    private static func mergeMap(
        _ original: [(String, WireValue)]?, _ patch: [(String, WireValue)], path: [String], kind: String
    ) throws(Failure) -> WireValue {
        if let directive = patch.first(where: { $0.0 == "$patch" })?.1 {
            switch directive {
            case .string("replace"): return .object(patch.filter { $0.0 != "$patch" })
            case .string("delete"): return .object([])
            default:
                throw serverError("unknown patch type: \(goValue(directive)) in map: \(goValue(.object(patch)))")
            }
        }
        var result = original ?? []
        var patch = patch
        if let retain = patch.first(where: { $0.0 == "$retainKeys" })?.1 {
            patch.removeAll { $0.0 == "$retainKeys" }
            guard case .array(let keys) = retain else { throw badRequest("invalid patch format of retainKeys") }
            let kept = Set(keys.compactMap { if case .string(let s) = $0 { s } else { nil } })
            for (k, v) in patch
            where !v.isNull && !k.hasPrefix(deletePrefix) && !k.hasPrefix(orderPrefix) && !kept.contains(k) {
                throw badRequest("invalid patch format of retainKeys")
            }
            result.removeAll { !kept.contains($0.0) }
        }
        try applyElementOrders(&result, &patch, path: path, kind: kind)
        for (key, value) in patch {
            var k = key
            var deleting = false
            if key.hasPrefix(deletePrefix) {
                k = String(key.dropFirst(deletePrefix.count))
                deleting = true
            }
            let i = result.firstIndex { $0.0 == k }
            if value.isNull {
                if let i { result.remove(at: i) }
                continue
            }
            guard let i else {
                result.append((k, value.withoutNulls))
                continue
            }
            result[i].1 = try mergeValue(result[i].1, value, path: path + [k], kind: kind, deleting: deleting)
        }
        return .object(result)
    }

    private static let deletePrefix = "$deleteFromPrimitiveList/"
    private static let orderPrefix = "$setElementOrder/"

    private static func mergeValue(_ o: WireValue, _ p: WireValue, path: [String], kind: String, deleting: Bool)
        throws(Failure) -> WireValue
    {
        switch (o, p) {
        case (.object(let of), .object(let pf)): return try mergeMap(of, pf, path: path, kind: kind)
        case (.array(let oi), .array(let pi)):
            let key = StrategicMerge.mergeKey(path: path, kind: kind)
            guard key != nil || path == ["metadata", "finalizers"] else { return p.withoutNulls }
            if deleting { return .array(oi.filter { item in !pi.contains { $0.same(as: item) } }) }
            let (merged, remaining, base) = try mergeList(oi, pi, key: key, path: path, kind: kind)
            return .array(ordered(merged, by: remaining, server: base, key: key))
        default: return p.withoutNulls
        }
    }

    /// The merged list, the patch's ordinary elements, and the live list after deletions.
    private static func mergeList(
        _ original: [WireValue], _ patch: [WireValue], key: String?, path: [String], kind: String
    ) throws(Failure) -> (merged: [WireValue], patch: [WireValue], base: [WireValue]) {
        guard let key else {
            var merged = original
            for p in patch where !merged.contains(where: { $0.same(as: p) }) { merged.append(p) }
            return (merged, patch, original)
        }
        var base = original
        var plain: [WireValue] = []
        var replace = false
        for element in patch {
            guard let directive = element["$patch"] else {
                plain.append(element)
                continue
            }
            switch directive {
            case .string("delete"):
                guard let value = element[key] else {
                    throw serverError("map: \(goValue(element)) does not contain declared merge key: \(key)")
                }
                base.removeAll { $0[key]?.same(as: value) == true }
            case .string("replace"): replace = true
            case .string("merge"): throw serverError("merging lists cannot yet be specified in the patch")
            default: throw serverError("unknown patch type: \(goValue(directive)) in map: \(goValue(element))")
            }
        }
        if replace { return (plain, [], []) }
        var merged = base
        for element in plain {
            guard let value = element[key] else {
                throw serverError("map: \(goValue(element)) does not contain declared merge key: \(key)")
            }
            if let i = merged.firstIndex(where: { $0[key]?.same(as: value) == true }) {
                merged[i] = try mergeMap(merged[i].fields, element.fields ?? [], path: path, kind: kind)
            } else {
                merged.append(element.withoutNulls)
            }
        }
        return (merged, plain, base)
    }

    /// `$setElementOrder/FIELD`: the list merged, then ordered as the directive says.
    private static func applyElementOrders(
        _ result: inout [(String, WireValue)], _ patch: inout [(String, WireValue)], path: [String], kind: String
    ) throws(Failure) {
        for (directive, order) in patch where directive.hasPrefix(orderPrefix) {
            patch.removeAll { $0.0 == directive }
            guard case .array(let orderItems) = order else {
                throw badRequest("invalid patch format of setElementOrder list")
            }
            let field = String(directive.dropFirst(orderPrefix.count))
            let key = StrategicMerge.mergeKey(path: path + [field], kind: kind)
            let live = result.first { $0.0 == field }?.1.items
            let sent = patch.first { $0.0 == field }?.1.items
            patch.removeAll { $0.0 == field }
            var merged: [WireValue]
            var base = live ?? []
            switch (live, sent) {
            case (let l?, let s?):
                (merged, _, base) = try mergeList(l, s, key: key, path: path + [field], kind: kind)
            case (let l?, nil): merged = l
            case (nil, let s?): merged = s.map(\.withoutNulls)
            case (nil, nil): continue
            }
            let value = WireValue.array(ordered(merged, by: orderItems, server: base, key: key))
            if let i = result.firstIndex(where: { $0.0 == field }) {
                result[i].1 = value
            } else {
                result.append((field, value))
            }
        }
    }

    /// Go's normalizeElementOrder: the elements the order names, in its order, interleaved with
    /// the server-only elements where the live list had them.
    private static func ordered(_ merged: [WireValue], by order: [WireValue], server: [WireValue], key: String?)
        -> [WireValue]
    {
        func position(_ v: WireValue, in list: [WireValue]) -> Int? {
            guard let key else { return list.firstIndex { $0.same(as: v) } }
            guard let k = v[key] else { return nil }
            return list.firstIndex { $0[key]?.same(as: k) == true }
        }
        var named = merged.filter { position($0, in: order) != nil }
        let serverOnly = merged.filter { position($0, in: order) == nil }.enumerated()
            .sorted {
                (position($0.element, in: server) ?? $0.offset, $0.offset) < (
                    position($1.element, in: server) ?? $1.offset, $1.offset
                )
            }
            .map(\.element)
        named = named.enumerated().sorted {
            (position($0.element, in: order)!, $0.offset) < (position($1.element, in: order)!, $1.offset)
        }
        .map(\.element)
        var result: [WireValue] = []
        var i = 0
        var j = 0
        while i < serverOnly.count || j < named.count {
            if j >= named.count {
                result.append(serverOnly[i])
                i += 1
            } else if i < serverOnly.count, let l = position(serverOnly[i], in: server),
                let r = position(named[j], in: server), l < r
            {
                result.append(serverOnly[i])
                i += 1
            } else {
                result.append(named[j])
                j += 1
            }
        }
        return result
    }

    static func goValue(_ v: WireValue) -> String { v.goText }
}

extension WireValue {
    /// Go's `%v` of the value decoded into `interface{}` (maps print with sorted keys).
    public var goText: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "<nil>"
        case .array(let items): return "[" + items.map(\.goText).joined(separator: " ") + "]"
        case .object(let fields):
            return "map[" + fields.sorted { $0.0 < $1.0 }.map { $0.0 + ":" + $0.1.goText }.joined(separator: " ") + "]"
        }
    }
}
