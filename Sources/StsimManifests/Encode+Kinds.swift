import StsimEngine

/// Spec and status of every kind, in the Go structs' field order.
extension WireEncoder {
    func statefulSetSpec(_ s: StatefulSetSpec) -> WireValue {
        var o = WireObject()
        o.int("replicas", s.replicas)
        o["selector"] = s.selector.map(selector)
        o["template"] = template(s.template)
        o.array(
            "volumeClaimTemplates",
            s.volumeClaimTemplates.map { c in
                // Defaulting gives each template its apiVersion and kind (7.4).
                .object(
                    [("apiVersion", .string("v1")), ("kind", .string("PersistentVolumeClaim"))]
                        + fields(of: claim(c)))
            })
        // ServiceName has no omitempty in 1.30–1.32.
        o["serviceName"] = .string(s.serviceName)
        o.string("podManagementPolicy", s.podManagementPolicy?.rawValue)
        if let u = s.updateStrategy {
            var x = WireObject()
            x.string("type", u.type?.rawValue)
            if let r = u.rollingUpdate {
                var y = WireObject()
                y.int("partition", r.partition)
                y["maxUnavailable"] = r.maxUnavailable.map(WireValue.intOrString)
                x["rollingUpdate"] = y.value
            }
            o["updateStrategy"] = x.value
        }
        o.int("revisionHistoryLimit", s.revisionHistoryLimit)
        o.int("minReadySeconds", s.minReadySeconds)
        if let r = s.persistentVolumeClaimRetentionPolicy {
            var x = WireObject()
            x.string("whenDeleted", r.whenDeleted?.rawValue)
            x.string("whenScaled", r.whenScaled?.rawValue)
            o["persistentVolumeClaimRetentionPolicy"] = x.value
        }
        if let ord = s.ordinals { o["ordinals"] = .object(ord.start == 0 ? [] : [("start", .int(ord.start))]) }
        return o.value
    }

    func statefulSetStatus(_ s: StatefulSetStatus) -> WireValue {
        var o = WireObject()
        o.int("observedGeneration", s.observedGeneration)
        o["replicas"] = .int(s.replicas)
        o.nonZero("readyReplicas", s.readyReplicas)
        o.nonZero("currentReplicas", s.currentReplicas)
        o.nonZero("updatedReplicas", s.updatedReplicas)
        o.string("currentRevision", s.currentRevision)
        o.string("updateRevision", s.updateRevision)
        o.int("collisionCount", s.collisionCount)
        o["availableReplicas"] = .int(s.availableReplicas)
        o.array(
            "conditions",
            s.conditions.map { c in
                var x = WireObject()
                x["type"] = .string(c.type)
                x["status"] = .string(c.status.rawValue)
                x["lastTransitionTime"] = time(c.lastTransitionTime)
                x.string("reason", c.reason)
                x.string("message", c.message)
                return x.value
            })
        return o.value
    }

    func replicaSetSpec(_ s: ReplicaSetSpec) -> WireValue {
        var o = WireObject()
        o.int("replicas", s.replicas)
        o.int("minReadySeconds", s.minReadySeconds)
        o["selector"] = s.selector.map(selector)
        o["template"] = template(s.template)
        return o.value
    }

    func replicaSetStatus(_ s: ReplicaSetStatus) -> WireValue {
        var o = WireObject()
        o["replicas"] = .int(s.replicas)
        o.nonZero("fullyLabeledReplicas", s.fullyLabeledReplicas)
        o.nonZero("readyReplicas", s.readyReplicas)
        o.nonZero("availableReplicas", s.availableReplicas)
        o.int("observedGeneration", s.observedGeneration)
        return o.value
    }

    /// metadata, spec and status of a claim (also used for claim templates).
    func claim(_ c: PersistentVolumeClaim) -> WireValue {
        var spec = WireObject()
        spec.strings("accessModes", c.spec.accessModes.map(\.rawValue))
        spec["selector"] = c.spec.selector.map(selector)
        spec["resources"] = .object(storage(c.spec.storageRequest).map { [("requests", $0)] } ?? [])
        spec.string("volumeName", c.spec.volumeName)
        // "" (no dynamic provisioning) differs from absent (the default class), so it is printed.
        spec["storageClassName"] = c.spec.storageClassName.map { .string($0) }
        spec.string("volumeMode", c.spec.volumeMode?.rawValue)
        var status = WireObject()
        status.string("phase", c.status.phase?.rawValue)
        status.strings("accessModes", c.status.accessModes.map(\.rawValue))
        status["capacity"] = storage(c.status.capacity)
        return .object([("metadata", meta(c.metadata)), ("spec", spec.value), ("status", status.value)])
    }

    func persistentVolumeSpec(_ s: PersistentVolumeSpec) -> WireValue {
        var o = WireObject()
        o["capacity"] = storage(s.capacity)
        switch s.source {
        case .hostPath(let path, let type)?:
            var x = WireObject()
            x["path"] = .string(path)
            x.string("type", type)
            o["hostPath"] = x.value
        case .local(let path)?: o["local"] = .object([("path", .string(path))])
        case .nfs(let server, let path)?: o["nfs"] = .object([("server", .string(server)), ("path", .string(path))])
        case .csi(let driver, let handle)?:
            o["csi"] = .object([("driver", .string(driver)), ("volumeHandle", .string(handle))])
        case nil: break
        }
        o.strings("accessModes", s.accessModes.map(\.rawValue))
        if let r = s.claimRef {
            var x = WireObject()
            x.string("kind", r.kind)
            x.string("namespace", r.namespace)
            x["name"] = .string(r.name)
            x.string("uid", r.uid?.description)
            x.string("apiVersion", r.apiVersion)
            x.string("resourceVersion", r.resourceVersion)
            x.string("fieldPath", r.fieldPath)
            o["claimRef"] = x.value
        }
        o.string("persistentVolumeReclaimPolicy", s.persistentVolumeReclaimPolicy?.rawValue)
        o["storageClassName"] = s.storageClassName.map { .string($0) }
        o.string("volumeMode", s.volumeMode?.rawValue)
        var expressions: [WireValue] = []
        if let hosts = s.nodeAffinityHostnames {
            expressions.append(inExpression(StsimEngine.Node.hostnameLabel, hosts))
        }
        if let t = s.nodeAffinityTopology { expressions.append(inExpression(t.key, t.values)) }
        if !expressions.isEmpty {
            o["nodeAffinity"] = .object([
                (
                    "required",
                    .object([("nodeSelectorTerms", .array([.object([("matchExpressions", .array(expressions))])]))])
                )
            ])
        }
        return o.value
    }

    private func inExpression(_ key: String, _ values: [String]) -> WireValue {
        .object([("key", .string(key)), ("operator", .string("In")), ("values", .array(values.map { .string($0) }))])
    }

    func persistentVolumeStatus(_ s: PersistentVolumeStatus) -> WireValue {
        var o = WireObject()
        o.string("phase", s.phase?.rawValue)
        o.string("message", s.message)
        o.string("reason", s.reason)
        o["lastPhaseTransitionTime"] = time(s.lastPhaseTransitionTime)
        return o.value
    }

    func serviceSpec(_ s: ServiceSpec) -> WireValue {
        var o = WireObject()
        o.array(
            "ports",
            s.ports.map { p in
                var x = WireObject()
                x.string("name", p.name)
                x.string("protocol", p.protocol?.rawValue)
                x["port"] = .int(p.port)
                x["targetPort"] = p.targetPort.map(WireValue.intOrString)
                x.int("nodePort", p.nodePort)
                return x.value
            })
        o.map("selector", s.selector)
        o.string("clusterIP", s.clusterIP)
        o.strings("clusterIPs", s.clusterIPs)
        o.string("type", s.type?.rawValue)
        o.string("sessionAffinity", s.sessionAffinity)
        o.string("externalName", s.externalName)
        o.bool("publishNotReadyAddresses", s.publishNotReadyAddresses)
        o.strings("ipFamilies", s.ipFamilies)
        o.string("ipFamilyPolicy", s.ipFamilyPolicy)
        o.string("internalTrafficPolicy", s.internalTrafficPolicy)
        return o.value
    }

    func nodeSpec(_ s: NodeSpec) -> WireValue {
        var o = WireObject()
        o.string("podCIDR", s.podCIDR)
        o.bool("unschedulable", s.unschedulable)
        o.array(
            "taints",
            s.taints.map { t in
                var x = WireObject()
                x["key"] = .string(t.key)
                x.string("value", t.value)
                x["effect"] = .string(t.effect.rawValue)
                x["timeAdded"] = time(t.timeAdded)
                return x.value
            })
        return o.value
    }

    func nodeStatus(_ s: NodeStatus) -> WireValue {
        var o = WireObject()
        o["capacity"] = nodeResources(s.capacity, pods: s.podCapacity)
        o["allocatable"] = nodeResources(s.allocatable, pods: s.podCapacity)
        o.array(
            "conditions",
            s.conditions.map { c in
                var x = WireObject()
                x["type"] = .string(c.type.rawValue)
                x["status"] = .string(c.status.rawValue)
                x["lastHeartbeatTime"] = time(c.lastHeartbeatTime) ?? .null
                x["lastTransitionTime"] = time(c.lastTransitionTime) ?? .null
                x.string("reason", c.reason)
                x.string("message", c.message)
                return x.value
            })
        o.array(
            "addresses", s.addresses.map { .object([("type", .string($0.type)), ("address", .string($0.address))]) })
        o["nodeInfo"] = .object([
            ("kernelVersion", .string(s.kernelVersion)), ("osImage", .string(s.osImage)),
            ("containerRuntimeVersion", .string(s.containerRuntimeVersion)),
            ("kubeletVersion", .string(s.kubeletVersion)),
        ])
        o.array("images", s.images.map { .object([("names", .array([.string($0)]))]) })
        return o.value
    }

    /// Resource names in order, `pods` among them.
    private func nodeResources(_ resources: [NodeResource], pods: Int) -> WireValue {
        let all = resources + [NodeResource(name: "pods", quantity: String(pods))]
        return .object(all.sorted { $0.name < $1.name }.map { ($0.name, .string($0.quantity)) })
    }

    func fields(of value: WireValue) -> [(String, WireValue)] {
        if case .object(let f) = value { return f }
        return []
    }
}
