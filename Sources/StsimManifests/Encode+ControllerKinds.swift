import StsimEngine

/// The kinds only controllers write (events, endpoint slices, revisions): printed for
/// `get -o yaml|json`, never loaded from manifests.
extension WireEncoder {
    func objectReference(_ r: ObjectReference) -> WireValue {
        var o = WireObject()
        o.string("kind", r.kind)
        o.string("namespace", r.namespace)
        o["name"] = .string(r.name)
        o.string("uid", r.uid?.description)
        o.string("apiVersion", r.apiVersion)
        o.string("resourceVersion", r.resourceVersion)
        o.string("fieldPath", r.fieldPath)
        return o.value
    }

    func eventFields(_ e: Event) -> [(String, WireValue)] {
        var o = WireObject()
        o["involvedObject"] = objectReference(e.involvedObject)
        o["reason"] = .string(e.reason)
        o["message"] = .string(e.message)
        var source = WireObject()
        source.string("component", e.sourceComponent)
        source.string("host", e.sourceHost)
        o["source"] = source.value
        o["firstTimestamp"] = time(e.firstTimestamp)
        o["lastTimestamp"] = time(e.lastTimestamp)
        o["count"] = .int(e.count)
        o["type"] = .string(e.type.rawValue)
        // Core events from the legacy recorder leave these empty, and the API prints them so.
        o["eventTime"] = .null
        o["reportingComponent"] = .string("")
        o["reportingInstance"] = .string("")
        return o.fields
    }

    func endpointSliceFields(_ s: EndpointSlice) -> [(String, WireValue)] {
        var o = WireObject()
        o["addressType"] = .string(s.addressType)
        o["endpoints"] =
            s.endpoints.isEmpty
            ? .null
            : .array(
                s.endpoints.map { e in
                    var x = WireObject()
                    x["addresses"] = .array(e.addresses.map { .string($0) })
                    var c = WireObject()
                    c.bool("ready", e.conditions.ready)
                    c.bool("serving", e.conditions.serving)
                    c.bool("terminating", e.conditions.terminating)
                    x["conditions"] = c.value
                    x.string("hostname", e.hostname)
                    x["targetRef"] = e.targetRef.map(objectReference)
                    x.string("nodeName", e.nodeName)
                    return x.value
                })
        o.array("ports", s.ports.map(endpointPort))
        return o.fields
    }

    private func endpointPort(_ p: EndpointPort) -> WireValue {
        var x = WireObject()
        x.string("name", p.name)
        x.int("port", p.port)
        x.string("protocol", p.protocol?.rawValue)
        return x.value
    }

    /// `v1 Endpoints`' subsets: ready and not-ready addresses with the ports.
    func endpointSubsets(_ e: Endpoints) -> [WireValue] {
        func address(_ a: EndpointAddress) -> WireValue {
            var x = WireObject()
            x.string("hostname", a.hostname)
            x.string("ip", a.ip)
            x.string("nodeName", a.nodeName)
            x["targetRef"] = a.targetRef.map(objectReference)
            return x.value
        }
        return e.subsets.map { s in
            var x = WireObject()
            x.array("addresses", s.addresses.map(address))
            x.array("notReadyAddresses", s.notReadyAddresses.map(address))
            x.array("ports", s.ports.map(endpointPort))
            return x.value
        }
    }

    /// Kubernetes stores the template as a strategic-merge patch that replaces it whole.
    func controllerRevisionFields(_ r: ControllerRevision) -> [(String, WireValue)] {
        let template = fields(of: self.template(r.data)) + [("$patch", .string("replace"))]
        return [
            ("data", .object([("spec", .object([("template", .object(template))]))])), ("revision", .int(r.revision)),
        ]
    }
}
