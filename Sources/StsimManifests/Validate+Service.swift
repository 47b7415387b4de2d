import StsimEngine

/// `ValidateService` for the modelled fields (7.6).
extension Validator {
    static func validateService(_ svc: Service) -> [FieldError] {
        var errs = validateMeta(svc.metadata, namespaced: true, name: NameRules.dns1035Label)
        let spec = svc.spec
        let type = spec.type ?? .clusterIP
        errs += supported(spec.type, "spec.type", [.clusterIP, .externalName, .loadBalancer, .nodePort])
        if spec.ports.isEmpty, type != .externalName, !svc.isHeadless {
            errs.append(.required("spec.ports"))
        }
        var names: Set<String> = []
        for (i, port) in spec.ports.enumerated() {
            let p = "spec.ports[\(i)]"
            let name = port.name ?? ""
            if spec.ports.count > 1, name.isEmpty {
                errs.append(.required("\(p).name"))
            } else if !name.isEmpty {
                errs += NameRules.dns1123Label(name).map { .invalid("\(p).name", .string(name), $0) }
                if names.contains(name) { errs.append(.duplicate("\(p).name", .string(name))) }
                names.insert(name)
            }
            errs += portNumber(port.port, "\(p).port")
            errs += supported(port.protocol, "\(p).protocol", [.sctp, .tcp, .udp])
            if let target = port.targetPort {
                if let n = Int(target) {
                    errs += portNumber(n, "\(p).targetPort")
                } else {
                    errs += NameRules.ianaServiceName(target).map { .invalid("\(p).targetPort", .string(target), $0) }
                }
            }
            if port.nodePort != nil, type == .clusterIP {
                errs.append(.forbidden("\(p).nodePort", "may not be used when `type` is 'ClusterIP'"))
            }
        }
        if let ip = spec.clusterIP, !ip.isEmpty, ip != "None", !isIP(ip) {
            errs.append(
                .invalid(
                    "spec.clusterIPs[0]", .string(ip), "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
        }
        if svc.isHeadless, type != .clusterIP {
            errs.append(
                .invalid(
                    "spec.clusterIPs[0]", .string("None"), "may not be set to 'None' for \(type.rawValue) services"))
        }
        if let p = spec.ipFamilyPolicy, !["SingleStack", "PreferDualStack", "RequireDualStack"].contains(p) {
            errs.append(
                .notSupported("spec.ipFamilyPolicy", p, ["PreferDualStack", "RequireDualStack", "SingleStack"]))
        }
        if let p = spec.internalTrafficPolicy, p != "Cluster", p != "Local" {
            errs.append(.notSupported("spec.internalTrafficPolicy", p, ["Cluster", "Local"]))
        }
        if let a = spec.sessionAffinity, a != "None", a != "ClientIP" {
            errs.append(.notSupported("spec.sessionAffinity", a, ["ClientIP", "None"]))
        }
        if type == .externalName, (spec.externalName ?? "").isEmpty {
            errs.append(.required("spec.externalName"))
        }
        errs += validateLabels(spec.selector, "spec.selector")
        return errs
    }

    /// Dotted-quad IPv4, or an IPv6 text of hex groups (enough to tell an address from a typo).
    static func isIP(_ s: String) -> Bool {
        let quads = s.split(separator: ".", omittingEmptySubsequences: false)
        if quads.count == 4 {
            return quads.allSatisfy { q in
                !q.isEmpty && q.count <= 3 && q.allSatisfy { $0.isASCII && $0.isNumber } && Int(q)! <= 255
            }
        }
        guard s.contains(":") else { return false }
        return s.allSatisfy { $0 == ":" || $0.isHexDigit } && s.split(separator: ":").count <= 8
    }
}
