import StsimEngine

/// `policy/v1 PodDisruptionBudget`, in the Go structs' field order.
extension WireEncoder {
    func podDisruptionBudgetSpec(_ s: PodDisruptionBudgetSpec) -> WireValue {
        var o = WireObject()
        o["minAvailable"] = s.minAvailable.map(WireValue.intOrString)
        o["selector"] = s.selector.map(selector)
        o["maxUnavailable"] = s.maxUnavailable.map(WireValue.intOrString)
        o.string("unhealthyPodEvictionPolicy", s.unhealthyPodEvictionPolicy?.rawValue)
        return o.value
    }

    func podDisruptionBudgetStatus(_ s: PodDisruptionBudgetStatus) -> WireValue {
        var o = WireObject()
        o.int("observedGeneration", s.observedGeneration)
        if !s.disruptedPods.isEmpty {
            o["disruptedPods"] = .object(
                s.disruptedPods.keys.sorted().map { ($0, time(s.disruptedPods[$0]) ?? .null) })
        }
        o["disruptionsAllowed"] = .int(s.disruptionsAllowed)
        o["currentHealthy"] = .int(s.currentHealthy)
        o["desiredHealthy"] = .int(s.desiredHealthy)
        o["expectedPods"] = .int(s.expectedPods)
        if !s.conditions.isEmpty {
            o["conditions"] = .array(
                s.conditions.map { c in
                    var x = WireObject()
                    x["type"] = .string(c.type)
                    x["status"] = .string(c.status.rawValue)
                    x.int("observedGeneration", c.observedGeneration)
                    x["lastTransitionTime"] = time(c.lastTransitionTime) ?? .null
                    x["reason"] = .string(c.reason)
                    x["message"] = .string(c.message)
                    return x.value
                })
        }
        return o.value
    }
}
