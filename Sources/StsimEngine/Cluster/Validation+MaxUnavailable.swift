/// `validateRollingUpdateStatefulSet` (k/k pkg/apis/apps/validation/validation.go, 1.32): a kept
/// `maxUnavailable` is a non-negative int or a percentage, not 0 and not above 100%; so at least 1
/// or 1%. Reached only when the API kept the field (the MaxUnavailableStatefulSet gate).
extension Validation {
    static func rollingUpdate(_ r: RollingUpdateStatefulSetStrategy?) -> [Cause] {
        var causes: [Cause] = []
        if let p = r?.partition, p < 0 {
            causes.append(
                Cause(
                    field: "spec.updateStrategy.rollingUpdate.partition",
                    body: "Invalid value: \(p): must be greater than or equal to 0"))
        }
        return causes + maxUnavailable(r?.maxUnavailable)
    }

    static func maxUnavailable(_ value: String?) -> [Cause] {
        guard let value else { return [] }
        let path = "spec.updateStrategy.rollingUpdate.maxUnavailable"
        var causes = intOrPercent(value, path)
        // getIntOrPercentValue: a percentage's number, else the int (Atoi of a bad string is 0).
        let number = value.hasSuffix("%") ? Int(value.dropLast()) ?? 0 : Int(value) ?? 0
        if number == 0 {
            let go =
                value.hasSuffix("%") || Int(value) == nil
                ? "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(GoSyntax.quote(value))}"
                : "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}"
            causes.append(Cause(field: path, body: "Invalid value: \(go): cannot be 0"))
        }
        return causes
    }

    /// `getStatefulSetMaxUnavailable` (stateful_set_utils.go): the field (1 when absent) scaled
    /// to the replicas, a percentage rounded up (GetScaledValueFromIntOrPercent, roundUp true),
    /// and never below 1.
    public static func statefulSetMaxUnavailable(_ value: String?, replicas: Int) -> Int {
        guard let value else { return 1 }
        let n: Int
        if value.hasSuffix("%"), let p = Int(value.dropLast()) {
            n = (p * replicas + 99) / 100
        } else {
            n = Int(value) ?? 1
        }
        return max(n, 1)
    }
}
