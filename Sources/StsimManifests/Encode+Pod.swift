import StsimEngine

/// Pod templates, pod specs, containers and pod status, in the Go structs' field order.
extension WireEncoder {
    func template(_ t: PodTemplateSpec) -> WireValue {
        .object([("metadata", meta(t.metadata)), ("spec", podSpec(t.spec))])
    }

    func podSpec(_ s: PodSpec) -> WireValue {
        var o = WireObject()
        o.array("volumes", s.volumes.map(volume))
        o.array("initContainers", s.initContainers.map(container))
        o["containers"] = .array(s.containers.map(container))
        o.string("restartPolicy", s.restartPolicy?.rawValue)
        o.int("terminationGracePeriodSeconds", s.terminationGracePeriodSeconds)
        o.int("activeDeadlineSeconds", s.activeDeadlineSeconds)
        o.string("dnsPolicy", s.dnsPolicy?.rawValue)
        o.map("nodeSelector", s.nodeSelector)
        o.string("serviceAccountName", s.serviceAccountName)
        // The deprecated alias the API still fills in and prints.
        o.string("serviceAccount", s.serviceAccountName)
        o.bool("automountServiceAccountToken", s.automountServiceAccountToken)
        o.string("nodeName", s.nodeName)
        o.bool("hostNetwork", s.hostNetwork)
        o["securityContext"] = .object([])
        o.array("imagePullSecrets", (s.imagePullSecrets ?? []).map { .object([("name", .string($0))]) })
        o.string("hostname", s.hostname)
        o.string("subdomain", s.subdomain)
        o.string("schedulerName", s.schedulerName)
        o.array(
            "tolerations",
            s.tolerations.map { t in
                var x = WireObject()
                x.string("key", t.key)
                x.string("operator", t.operator?.rawValue)
                x.string("value", t.value)
                x.string("effect", t.effect?.rawValue)
                x.int("tolerationSeconds", t.tolerationSeconds)
                return x.value
            })
        o.int("priority", s.priority)
        o.array("readinessGates", s.readinessGates.map { .object([("conditionType", .string($0))]) })
        return o.value
    }

    private func volume(_ v: Volume) -> WireValue {
        var o = WireObject()
        o["name"] = .string(v.name)
        switch v.source {
        case .persistentVolumeClaim(let c):
            var x = WireObject()
            x["claimName"] = .string(c.claimName)
            x.bool("readOnly", c.readOnly)
            o["persistentVolumeClaim"] = x.value
        case .hostPath(let path, let type):
            var x = WireObject()
            x["path"] = .string(path)
            x.string("type", type)
            o["hostPath"] = x.value
        case .emptyDir(let medium, let sizeLimit):
            var x = WireObject()
            x.string("medium", medium)
            x["sizeLimit"] = sizeLimit.map(quantity)
            o["emptyDir"] = x.value
        case .configMap(let p): o["configMap"] = keyProjection(p, nameKey: "name")
        case .secret(let p): o["secret"] = keyProjection(p, nameKey: "secretName")
        case .projected(let p): o["projected"] = projected(p)
        }
        return o.value
    }

    private func container(_ c: Container) -> WireValue {
        var o = WireObject()
        o["name"] = .string(c.name)
        o["image"] = .string(c.image)
        o.strings("command", c.command)
        o.strings("args", c.args)
        o.array(
            "ports",
            c.ports.map { p in
                var x = WireObject()
                x.string("name", p.name)
                if let h = p.hostPort { x["hostPort"] = .int(h) }
                x["containerPort"] = .int(p.containerPort)
                x.string("protocol", p.protocol?.rawValue)
                x.string("hostIP", p.hostIP)
                return x.value
            })
        o.array(
            "env",
            c.env.map { e in
                var x = WireObject()
                x["name"] = .string(e.name)
                x.string("value", e.value)
                if let f = e.fieldPath {
                    x["valueFrom"] = .object([
                        ("fieldRef", .object([("apiVersion", .string("v1")), ("fieldPath", .string(f))]))
                    ])
                }
                if let r = e.configMapKeyRef { x["valueFrom"] = .object([("configMapKeyRef", keySelector(r))]) }
                if let r = e.secretKeyRef { x["valueFrom"] = .object([("secretKeyRef", keySelector(r))]) }
                return x.value
            })
        o.array("envFrom", c.envFrom.map(envFromSource))
        o["resources"] = .object(
            [("limits", c.resources?.limits ?? [:]), ("requests", c.resources?.requests ?? [:])].compactMap {
                key, list in
                list.isEmpty ? nil : (key, .object(list.keys.sorted().map { ($0, .string(list[$0]!.text)) }))
            })
        o.array(
            "volumeMounts",
            c.volumeMounts.map { m in
                var x = WireObject()
                x["name"] = .string(m.name)
                x.bool("readOnly", m.readOnly)
                x["mountPath"] = .string(m.mountPath)
                x.string("subPath", m.subPath)
                return x.value
            })
        o["livenessProbe"] = c.livenessProbe.map(probe)
        o["readinessProbe"] = c.readinessProbe.map(probe)
        o["startupProbe"] = c.startupProbe.map(probe)
        o.string("terminationMessagePath", c.terminationMessagePath)
        o.string("terminationMessagePolicy", c.terminationMessagePolicy)
        o.string("imagePullPolicy", c.imagePullPolicy?.rawValue)
        o.bool("stdin", c.stdin)
        o.bool("stdinOnce", c.stdinOnce)
        o.bool("tty", c.tty)
        return o.value
    }

    private func probe(_ p: Probe) -> WireValue {
        var o = WireObject()
        switch p.handler {
        case .exec(let command): o["exec"] = .object([("command", .array(command.map { .string($0) }))])
        case .httpGet(let path, let port, let scheme):
            var x = WireObject()
            x["path"] = .string(path)
            x["port"] = .intOrString(port)
            x.string("scheme", scheme)
            o["httpGet"] = x.value
        case .tcpSocket(let port): o["tcpSocket"] = .object([("port", .intOrString(port))])
        case .grpc(let port): o["grpc"] = .object([("port", .int(port))])
        }
        o.int("initialDelaySeconds", p.initialDelaySeconds)
        o.int("timeoutSeconds", p.timeoutSeconds)
        o.int("periodSeconds", p.periodSeconds)
        o.int("successThreshold", p.successThreshold)
        o.int("failureThreshold", p.failureThreshold)
        return o.value
    }

    /// `qosClass` is set by the API server on create, from the spec (which cannot change it).
    func podStatus(_ s: PodStatus, qosClass: String) -> WireValue {
        var o = WireObject()
        o.string("phase", s.phase?.rawValue)
        o.array(
            "conditions",
            s.conditions.map { c in
                var x = WireObject()
                x["type"] = .string(c.type.rawValue)
                x["status"] = .string(c.status.rawValue)
                x["lastProbeTime"] = time(c.lastProbeTime) ?? .null
                x["lastTransitionTime"] = time(c.lastTransitionTime) ?? .null
                x.string("reason", c.reason)
                x.string("message", c.message)
                return x.value
            })
        o.string("message", s.message)
        o.string("reason", s.reason)
        o.string("hostIP", s.hostIP)
        o.string("podIP", s.podIP)
        o["startTime"] = time(s.startTime)
        o.array("initContainerStatuses", s.initContainerStatuses.map(containerStatus))
        o.array("containerStatuses", s.containerStatuses.map(containerStatus))
        o["qosClass"] = .string(qosClass)
        return o.value
    }

    private func containerStatus(_ c: ContainerStatus) -> WireValue {
        var o = WireObject()
        o["name"] = .string(c.name)
        o["state"] = state(c.state)
        o["lastState"] = c.lastState.map(state) ?? .object([])
        o["ready"] = .bool(c.ready)
        o["restartCount"] = .int(c.restartCount)
        o["image"] = .string(c.image)
        o["imageID"] = .string(c.imageID)
        o.string("containerID", c.containerID)
        o.bool("started", c.started)
        return o.value
    }

    private func state(_ s: ContainerState) -> WireValue {
        switch s {
        case .waiting(let reason, let message):
            var x = WireObject()
            x.string("reason", reason)
            x.string("message", message)
            return .object([("waiting", x.value)])
        case .running(let startedAt):
            return .object([("running", .object([("startedAt", time(startedAt) ?? .null)]))])
        case .terminated(let exitCode, let reason, let message, let startedAt, let finishedAt):
            var x = WireObject()
            x["exitCode"] = .int(exitCode)
            x.string("reason", reason)
            x.string("message", message)
            x["startedAt"] = time(startedAt) ?? .null
            x["finishedAt"] = time(finishedAt) ?? .null
            return .object([("terminated", x.value)])
        }
    }
}
