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
    /// The API's checks (the engine's `Validation`), with the manifest's locations added later.
    static func validatePodDisruptionBudget(_ pdb: PodDisruptionBudget) -> [FieldError] {
        validateMeta(pdb.metadata, namespaced: true, name: NameRules.dns1123Subdomain)
            + Validation.validate(pdb.spec).map { FieldError(path: $0.field, body: $0.body) }
    }
}
