/// pkg/apis/policy/validation `ValidatePodDisruptionBudgetSpec`, shared by `create pdb` and the
/// manifest checks.
extension Validation {
    public static func validate(_ spec: PodDisruptionBudgetSpec) -> [APIError.Cause] {
        var causes: [Cause] = []
        if spec.minAvailable != nil, spec.maxUnavailable != nil {
            // Upstream prints the whole spec with %#v (pointers included); its message is the point.
            causes.append(
                Cause(field: "spec", body: "Invalid value: \"\": minAvailable and maxUnavailable cannot be both set"))
        }
        causes += intOrPercent(spec.minAvailable, "spec.minAvailable")
        causes += intOrPercent(spec.maxUnavailable, "spec.maxUnavailable")
        return causes
    }

    /// `ValidatePositiveIntOrPercent` and `IsNotMoreThan100Percent`; a percentage prints as the
    /// IntOrString struct (field.Invalid's %#v).
    static func intOrPercent(_ value: String?, _ path: String) -> [Cause] {
        guard let value else { return [] }
        let goValue = "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(GoSyntax.quote(value))}"
        guard value.hasSuffix("%") else {
            guard let n = Int(value), n < 0 else { return [] }
            return [Cause(field: path, body: "Invalid value: \(n): must be greater than or equal to 0")]
        }
        let digits = value.dropLast()
        guard let n = Int(digits), digits.allSatisfy(\.isNumber) else {
            return [Cause(field: path, body: "Invalid value: \(goValue): must be an integer or percentage (e.g '5%')")]
        }
        return n > 100 ? [Cause(field: path, body: "Invalid value: \(goValue): must not be greater than 100%")] : []
    }
}
