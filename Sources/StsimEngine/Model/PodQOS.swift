/// A container's `resources`: each list by resource name (`cpu`, `memory`, ...).
public struct ResourceRequirements: Codable, Hashable, Sendable {
    public var requests: [String: Quantity]
    public var limits: [String: Quantity]

    public init(requests: [String: Quantity] = [:], limits: [String: Quantity] = [:]) {
        self.requests = requests
        self.limits = limits
    }

    public var isEmpty: Bool { requests.isEmpty && limits.isEmpty }
}

/// The pod's quality-of-service class, as upstream's `GetPodQOS` (kubernetes/kubernetes
/// pkg/apis/core/helper/qos, 1.32) computes it from cpu and memory over every container, init
/// containers included: none set anywhere is BestEffort; limits for both on every container with
/// requests (defaulted to the limits) equal to them is Guaranteed; anything else Burstable.
public enum PodQOS {
    public static func of(_ spec: PodSpec) -> String {
        let tracked = ["cpu", "memory"]
        var requests: [String: Double] = [:]
        var limits: [String: Double] = [:]
        var complete = true
        for c in spec.containers + spec.initContainers {
            let r = c.resources ?? ResourceRequirements()
            for name in tracked {
                let limit = r.limits[name].flatMap { exact($0.text) }
                let request = r.requests[name].flatMap { exact($0.text) } ?? limit
                if let request, request > 0 { requests[name, default: 0] += request }
                if let limit, limit > 0 { limits[name, default: 0] += limit } else { complete = false }
                if let request, let limit, request != limit { complete = false }
            }
        }
        if requests.isEmpty && limits.isEmpty { return "BestEffort" }
        return complete && requests == limits ? "Guaranteed" : "Burstable"
    }

    /// A quantity's value without the rounding `Quantity.value` does (`100m` is 0.1, not 1).
    static func exact(_ text: String) -> Double? {
        guard let q = Quantity(text) else { return nil }
        if text.hasSuffix("m"), let n = Double(text.dropLast()) { return n / 1000 }
        if let n = Double(text) { return n }
        return Double(q.value)
    }
}
