import StsimEngine

/// Questions `kubectl wait` asks of an object as the API serves it (kubectl's pkg/cmd/wait/wait.go),
/// answered from the same wire form `-o json` prints, so a field reads as kubectl would read it.
public enum ObjectQuery {
    /// `--for=condition=TYPE=STATUS`: the `status.conditions` entry of that type has that status
    /// (both compared without case). Like kubectl, a condition older than the object's generation
    /// (its observedGeneration, or the status's, below `metadata.generation`) does not count.
    public static func conditionHolds(_ object: KubeObject, type: String, status: String) -> Bool {
        let root = WireEncoder(timestamps: .standard).object(object)
        guard case .array(let conditions)? = root.lookup(["status", "conditions"]) else { return false }
        for c in conditions {
            guard case .string(let t)? = c.lookup(["type"]), t.lowercased() == type.lowercased(),
                case .string(let s)? = c.lookup(["status"])
            else { continue }
            if case .int(let generation)? = root.lookup(["metadata", "generation"]),
                case .int(let observed)? = c.lookup(["observedGeneration"])
                    ?? root.lookup(["status", "observedGeneration"]),
                observed < generation
            {
                return false
            }
            return s.lowercased() == status.lowercased()
        }
        return false
    }

    /// The value a simple JSONPath finds, printed as kubectl's jsonpath prints a scalar; nil
    /// when the path finds nothing (kubectl's wait allows missing keys). A map or a list is
    /// `.nested`, which kubectl refuses to compare.
    public static func value(_ object: KubeObject, at path: FieldPath) -> PathValue? {
        var v = WireEncoder(timestamps: .standard).object(object)
        for step in path.steps {
            switch (step, v) {
            case (.field(let name), .object(let fields)):
                guard let next = fields.first(where: { $0.0 == name })?.1 else { return nil }
                v = next
            case (.index(let i), .array(let items)):
                guard i < items.count else { return nil }
                v = items[i]
            default: return nil
            }
        }
        switch v {
        case .string(let s): return .scalar(s)
        case .int(let i): return .scalar(String(i))
        case .bool(let b): return .scalar(b ? "true" : "false")
        case .null: return nil
        case .object, .array: return .nested
        }
    }

    public enum PathValue: Hashable, Sendable {
        case scalar(String)
        case nested
    }
}

extension WireValue {
    fileprivate func lookup(_ keys: [String]) -> WireValue? {
        var v = self
        for k in keys {
            guard case .object(let fields) = v, let next = fields.first(where: { $0.0 == k })?.1 else { return nil }
            v = next
        }
        return v
    }
}
