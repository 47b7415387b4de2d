/// The feature gates stsim models (`--feature-gates`, `set feature-gate`), each with its 1.32
/// default. Only gates that change what the simulated cluster does are listed: an unknown name is
/// refused rather than accepted and ignored.
public struct FeatureGates: Codable, Hashable, Sendable {
    /// k/k pkg/features/kube_features.go: alpha since 1.24, off by default through 1.34.
    public var maxUnavailableStatefulSet = false

    public init() {}

    public enum Gate: String, CaseIterable, Sendable {
        case maxUnavailableStatefulSet = "MaxUnavailableStatefulSet"
    }

    public subscript(_ gate: Gate) -> Bool {
        get {
            switch gate {
            case .maxUnavailableStatefulSet: maxUnavailableStatefulSet
            }
        }
        set {
            switch gate {
            case .maxUnavailableStatefulSet: maxUnavailableStatefulSet = newValue
            }
        }
    }

    /// The gates as Kubernetes' components print them: `MaxUnavailableStatefulSet=true`.
    public var text: String {
        Gate.allCases.map { "\($0.rawValue)=\(self[$0])" }.joined(separator: ",")
    }

    public static let knownNames = Gate.allCases.map(\.rawValue)

    /// One `Name=bool` pair as component-base's feature-gate flag reads it (the value parsed as
    /// Go's strconv.ParseBool does). The error says what is wrong, for the caller to locate.
    public static func pair(_ text: Substring) -> Result<(Gate, Bool), FeatureGateError> {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].trimmingSpaces
        guard parts.count == 2 else {
            return .failure(
                FeatureGateError("missing bool value for \(name)", hint: "write \(name)=true or \(name)=false"))
        }
        guard let gate = Gate(rawValue: name) else {
            return .failure(
                FeatureGateError(
                    "unrecognized feature gate: \(name)",
                    hint: "stsim models only \(knownNames.joined(separator: ", ")) (Kubernetes 1.32)"))
        }
        let value = parts[1].trimmingSpaces
        guard let b = goBool(value) else {
            return .failure(
                FeatureGateError(
                    "invalid value of \(name)=\(value), err: strconv.ParseBool: parsing \(GoSyntax.quote(value)): invalid syntax",
                    hint: "write \(name)=true or \(name)=false"))
        }
        return .success((gate, b))
    }

    /// A comma-separated list (`A=true,B=false`), as `--feature-gates` takes it.
    public mutating func set(_ list: String) -> FeatureGateError? {
        var next = self
        for item in list.split(separator: ",") where !item.trimmingSpaces.isEmpty {
            switch Self.pair(item) {
            case .success(let (gate, value)): next[gate] = value
            case .failure(let e): return e
            }
        }
        self = next
        return nil
    }

    /// The error `set` would give, without changing anything.
    public func settingAll(_ list: String) -> FeatureGateError? {
        var copy = self
        return copy.set(list)
    }

    private static func goBool(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }
}

public struct FeatureGateError: Error, Equatable, Sendable {
    public var message: String
    public var hint: String
    init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

extension Cluster {
    /// A change applies to objects created or updated afterwards, as an API server restarted with
    /// the flag would; the controllers read it at their next sync, as a restarted controller
    /// manager would.
    public var featureGates: FeatureGates {
        get { config.featureGates }
        set { config.featureGates = newValue }
    }

    /// The stored object as the API server reads it back: decoding from storage applies the
    /// defaults of today's gates, so a field a gate now defaults is no change of spec.
    func defaultedAsRead(_ old: KubeObject) -> KubeObject {
        guard config.featureGates != FeatureGates(), case .statefulSet = old else { return old }
        var o = old
        applyDefaults(&o, defaultStorageClass: nil)
        return o
    }

    /// The defaulting functions and admission defaults, with the timing profile's toleration
    /// seconds and today's gates.
    func applyDefaults(_ o: inout KubeObject, defaultStorageClass: String?) {
        APIDefaults.apply(
            to: &o, defaultStorageClass: defaultStorageClass, tolerationSeconds: timing.defaultTolerationSeconds,
            gates: config.featureGates)
    }

    /// `dropStatefulSetDisabledFields` (k/k pkg/registry/apps/statefulset/strategy.go), run on
    /// create and update before validation: with MaxUnavailableStatefulSet off the field is
    /// dropped silently, unless the stored object already uses it (set while the gate was on).
    func dropDisabledFields(_ object: inout KubeObject, old: KubeObject?) {
        guard case .statefulSet(var s) = object, !config.featureGates.maxUnavailableStatefulSet,
            s.spec.updateStrategy?.rollingUpdate?.maxUnavailable != nil
        else { return }
        if case .statefulSet(let o)? = old, o.spec.updateStrategy?.rollingUpdate?.maxUnavailable != nil { return }
        s.spec.updateStrategy?.rollingUpdate?.maxUnavailable = nil
        object = .statefulSet(s)
    }
}
