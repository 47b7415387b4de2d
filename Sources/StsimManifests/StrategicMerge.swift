/// kubectl's strategic merge for the fields stsim models (kubernetes/kubernetes
/// staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go), written as one
/// three-way merge: `original` is the last-applied configuration (nil: none), `modified` what the
/// user sends now, `current` the live object. (`kubectl patch` goes through StrategicPatch, the
/// server's merge with its `$patch`/`$retainKeys`/`$setElementOrder` directives.)
///
/// - Maps merge key by key; a key in `original` that `modified` no longer has is removed, so fields
///   dropped from a manifest are dropped from the object, while fields nobody applied (defaults,
///   `kubectl scale`'s replicas when the manifest has none) stay.
/// - Lists with a merge key merge element by element on that key, in the order `modified` gives,
///   followed by elements only the live object has.
/// - `metadata.finalizers` is a set: union, minus what was applied before and is gone now.
/// - Every other list (args, command, accessModes, volumeClaimTemplates, tolerations) is replaced whole.
enum StrategicMerge {
    static func merge(original: WireValue?, modified: WireValue, current: WireValue?, kind: String) -> WireValue {
        merge(original, modified, current, path: [], kind: kind)
    }

    /// The patch-merge-key of a list field, from the Kubernetes API types' `patchMergeKey` tags.
    static func mergeKey(path: [String], kind: String) -> String? {
        switch path.last {
        case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets":
            return "name"
        // The same field name, two keys: a Service's ports merge on `port`, a container's on `containerPort`.
        case "ports": return kind == "Service" && path == ["spec", "ports"] ? "port" : "containerPort"
        case "volumeMounts": return "mountPath"
        case "volumeDevices": return "devicePath"
        case "conditions": return "type"
        case "ownerReferences": return "uid"
        case "hostAliases": return "ip"
        case "topologySpreadConstraints": return "topologyKey"
        default: return nil
        }
    }

    private static func merge(_ o: WireValue?, _ m: WireValue, _ c: WireValue?, path: [String], kind: String)
        -> WireValue
    {
        switch m {
        case .object(let mFields):
            guard case .object(var result)? = c else { return m.withoutNulls }
            for (k, mv) in mFields {
                let i = result.firstIndex { $0.0 == k }
                if mv.isNull {
                    if let i { result.remove(at: i) }
                    continue
                }
                let merged = merge(o?[k], mv, i.map { result[$0].1 }, path: path + [k], kind: kind)
                if let i { result[i].1 = merged } else { result.append((k, merged)) }
            }
            for (k, _) in o?.fields ?? [] where !mFields.contains(where: { $0.0 == k }) {
                result.removeAll { $0.0 == k }
            }
            return .object(result)
        case .array(let mItems):
            guard case .array(let cItems)? = c else { return m.withoutNulls }
            if let key = mergeKey(path: path, kind: kind) {
                return .array(mergeList(o?.items, mItems, cItems, key: key, path: path, kind: kind))
            }
            if path == ["metadata", "finalizers"] {
                let dropped = (o?.items ?? []).filter { oi in !mItems.contains { $0.same(as: oi) } }
                var result = cItems.filter { ci in !dropped.contains { $0.same(as: ci) } }
                for mi in mItems where !result.contains(where: { $0.same(as: mi) }) { result.append(mi) }
                return .array(result)
            }
            return m.withoutNulls
        default:
            return m
        }
    }

    private static func mergeList(
        _ original: [WireValue]?, _ m: [WireValue], _ c: [WireValue], key: String,
        path: [String], kind: String
    ) -> [WireValue] {
        let o = original ?? []
        func keyOf(_ v: WireValue) -> WireValue? { v[key] }
        func find(_ k: WireValue?, in list: [WireValue]) -> WireValue? {
            guard let k else { return nil }
            return list.first { keyOf($0)?.same(as: k) == true }
        }
        // A patch (no original) keeps the live order and appends new elements, as the API server
        // merges a list; apply sends `$setElementOrder`, so the manifest's order wins, and elements
        // only the live object has follow.
        if original == nil {
            var result = c
            for mi in m {
                let k = keyOf(mi)
                if let i = result.firstIndex(where: { k != nil && keyOf($0)?.same(as: k!) == true }) {
                    result[i] = merge(nil, mi, result[i], path: path, kind: kind)
                } else {
                    result.append(merge(nil, mi, nil, path: path, kind: kind))
                }
            }
            return result
        }
        var result: [WireValue] = []
        for mi in m {
            let k = keyOf(mi)
            result.append(merge(find(k, in: o), mi, find(k, in: c), path: path, kind: kind))
        }
        for ci in c {
            let k = keyOf(ci)
            // Removed since the last apply: gone. In neither: someone else's element, kept.
            if find(k, in: m) != nil || find(k, in: o) != nil { continue }
            result.append(ci)
        }
        return result
    }
}

/// RFC 7386 JSON merge patch (`kubectl patch --type merge`): maps merge, null deletes, anything
/// else (lists included) replaces.
enum JSONMergePatch {
    static func apply(_ patch: WireValue, to target: WireValue?) -> WireValue {
        guard case .object(let pFields) = patch else { return patch }
        var result: WireValue = target?.fields != nil ? target! : .object([])
        for (k, pv) in pFields {
            result = result.setting(k, pv.isNull ? nil : apply(pv, to: result[k]))
        }
        return result
    }
}
