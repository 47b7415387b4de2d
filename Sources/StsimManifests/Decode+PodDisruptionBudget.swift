import StsimEngine

/// `policy/v1 PodDisruptionBudget`.
extension MappingReader {
    func podDisruptionBudgetSpec() -> PodDisruptionBudgetSpec {
        nested("spec", goType: "PodDisruptionBudgetSpec") { s in
            var spec = PodDisruptionBudgetSpec()
            spec.minAvailable = s.intOrString("minAvailable")
            spec.selector = s.labelSelector("selector")
            spec.maxUnavailable = s.intOrString("maxUnavailable")
            if let policy = s.string("unhealthyPodEvictionPolicy"), !policy.isEmpty {
                spec.unhealthyPodEvictionPolicy = UnhealthyPodEvictionPolicy(rawValue: policy)
                if spec.unhealthyPodEvictionPolicy == nil {
                    s.ctx.invalid(
                        .notSupported(
                            "spec.unhealthyPodEvictionPolicy", policy,
                            UnhealthyPodEvictionPolicy.allCases.map(\.rawValue).sorted()))
                }
            }
            return spec
        } ?? PodDisruptionBudgetSpec()
    }

    /// Status is the disruption controller's: read back (for `-o yaml | apply`) but not kept.
    func podDisruptionBudgetStatus() {
        _ = nested("status", goType: "PodDisruptionBudgetStatus") { s in
            for key in [
                "observedGeneration", "disruptedPods", "disruptionsAllowed", "currentHealthy", "desiredHealthy",
                "expectedPods", "conditions",
            ] {
                _ = s.node(key)
            }
        }
    }
}

extension Validator {
    /// pkg/apis/policy/validation `ValidatePodDisruptionBudgetSpec`.
    static func validatePodDisruptionBudget(_ pdb: PodDisruptionBudget) -> [FieldError] {
        var errs = validateMeta(pdb.metadata, namespaced: true, name: NameRules.dns1123Subdomain)
        let spec = pdb.spec
        if spec.minAvailable != nil, spec.maxUnavailable != nil {
            errs.append(
                FieldError(path: "spec", body: "Invalid value: \"\": minAvailable and maxUnavailable cannot be both set"))
        }
        errs += intOrPercent(spec.minAvailable, "spec.minAvailable")
        errs += intOrPercent(spec.maxUnavailable, "spec.maxUnavailable")
        return errs
    }

    /// `ValidatePositiveIntOrPercent` and `IsNotMoreThan100Percent`.
    private static func intOrPercent(_ value: String?, _ path: String) -> [FieldError] {
        guard let value else { return [] }
        let goValue = GoValue.goSyntax("intstr.IntOrString{Type:1, IntVal:0, StrVal:\(GoSyntax.quote(value))}")
        guard value.hasSuffix("%") else {
            guard let n = Int(value) else { return [] }
            return n < 0 ? [.invalid(path, .int(n), "must be greater than or equal to 0")] : []
        }
        guard let n = Int(value.dropLast()), value.dropLast().allSatisfy(\.isNumber) else {
            return [.invalid(path, goValue, "must be an integer or percentage (e.g '5%')")]
        }
        return n > 100 ? [.invalid(path, goValue, "must not be greater than 100%")] : []
    }
}
