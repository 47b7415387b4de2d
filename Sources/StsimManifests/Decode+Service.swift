import StsimEngine

/// `v1 Service`.
extension MappingReader {
    func serviceSpec() -> ServiceSpec {
        nested("spec", goType: "ServiceSpec") { s in
            var spec = ServiceSpec()
            spec.type = s.openEnum("type", ServiceType.self, goTypeName: "v1.ServiceType")
            spec.selector = s.stringMap("selector") ?? [:]
            spec.ports =
                s.objects("ports", goType: "ServicePort") { p in
                    p.unmodelled("appProtocol")
                    // targetPort 0 or "" is defaulted to the port, like an absent one (core/v1 defaults).
                    let target = p.intOrString("targetPort").flatMap { $0 == "0" || $0.isEmpty ? nil : $0 }
                    return ServicePort(
                        name: p.string("name"),
                        protocol: p.openEnum("protocol", PortProtocol.self, goTypeName: "v1.Protocol"),
                        port: p.int("port") ?? 0, targetPort: target, nodePort: p.int("nodePort"))
                } ?? []
            spec.clusterIP = s.string("clusterIP")
            spec.clusterIPs = s.strings("clusterIPs") ?? []
            spec.publishNotReadyAddresses = s.bool("publishNotReadyAddresses")
            spec.sessionAffinity = s.string("sessionAffinity")
            spec.ipFamilies = s.strings("ipFamilies") ?? []
            spec.ipFamilyPolicy = s.string("ipFamilyPolicy")
            spec.internalTrafficPolicy = s.string("internalTrafficPolicy")
            spec.externalName = s.string("externalName")
            s.unmodelled(
                "externalIPs", "loadBalancerIP", "externalTrafficPolicy", "sessionAffinityConfig",
                "healthCheckNodePort",
                "allocateLoadBalancerNodePorts", "loadBalancerClass", "loadBalancerSourceRanges", "trafficDistribution")
            return spec
        } ?? ServiceSpec()
    }

    func serviceStatus() {
        // Status of a Service is only `loadBalancer` (and conditions), which stsim does not simulate;
        // kubectl prints `status: {loadBalancer: {}}`, so reading it back must not complain.
        _ = nested("status", goType: "ServiceStatus") { s in
            _ = s.node("loadBalancer")
            _ = s.node("conditions")
        }
    }
}
