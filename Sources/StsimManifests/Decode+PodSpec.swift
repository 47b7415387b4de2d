import StsimEngine

/// `PodTemplateSpec`, `PodSpec` and containers: the part of a manifest learners edit most.
extension MappingReader {
    func podTemplate(_ key: String = "template", timestamps: Timestamps) -> PodTemplateSpec? {
        nested(key, goType: "PodTemplateSpec") { r in
            PodTemplateSpec(
                metadata: r.objectMeta(timestamps: timestamps),
                spec: r.podSpec() ?? PodSpec())
        }
    }

    func podSpec(_ key: String = "spec") -> PodSpec? {
        nested(key, goType: "PodSpec") { $0.readPodSpec() }
    }

    private func readPodSpec() -> PodSpec {
        var s = PodSpec()
        s.volumes = objects("volumes", goType: "Volume") { $0.volume() } ?? []
        s.initContainers = objects("initContainers", goType: "Container") { $0.container(isInit: true) } ?? []
        s.containers = objects("containers", goType: "Container") { $0.container(isInit: false) } ?? []
        s.restartPolicy = openEnum("restartPolicy", RestartPolicy.self, goTypeName: "v1.RestartPolicy")
        s.terminationGracePeriodSeconds = int("terminationGracePeriodSeconds", goTypeName: "int64")
        s.activeDeadlineSeconds = int("activeDeadlineSeconds", goTypeName: "int64")
        s.dnsPolicy = openEnum("dnsPolicy", DNSPolicy.self, goTypeName: "v1.DNSPolicy")
        s.nodeSelector = stringMap("nodeSelector") ?? [:]
        // `serviceAccount` is the deprecated alias the API still prints.
        let alias = string("serviceAccount")
        s.serviceAccountName = string("serviceAccountName") ?? alias
        s.automountServiceAccountToken = bool("automountServiceAccountToken")
        s.imagePullSecrets = objects("imagePullSecrets", goType: "LocalObjectReference") { $0.string("name") ?? "" }
        s.nodeName = string("nodeName")
        s.hostNetwork = bool("hostNetwork")
        s.hostname = string("hostname")
        s.subdomain = string("subdomain")
        s.schedulerName = string("schedulerName")
        s.tolerations = objects("tolerations", goType: "Toleration") { $0.toleration() } ?? []
        s.priority = int("priority")
        s.readinessGates = objects("readinessGates", goType: "PodReadinessGate") { $0.string("conditionType") } ?? []
        unmodelled(
            "affinity", "securityContext", "hostPID", "hostIPC",
            "enableServiceLinks", "preemptionPolicy",
            "priorityClassName", "topologySpreadConstraints", "shareProcessNamespace", "hostAliases",
            "overhead", "runtimeClassName", "dnsConfig", "setHostnameAsFQDN", "os", "schedulingGates",
            "resourceClaims", "ephemeralContainers", "hostUsers")
        return s
    }

    func container(isInit: Bool) -> Container {
        var c = Container(name: string("name") ?? "", image: string("image") ?? "")
        containerRestartPolicy(isInit: isInit)
        c.command = strings("command")
        c.args = strings("args")
        c.ports =
            objects("ports", goType: "ContainerPort") { p in
                ContainerPort(
                    name: p.string("name"), containerPort: p.int("containerPort") ?? 0,
                    protocol: p.openEnum("protocol", PortProtocol.self, goTypeName: "v1.Protocol"),
                    hostPort: p.int("hostPort"), hostIP: p.string("hostIP"))
            } ?? []
        c.env = objects("env", goType: "EnvVar") { $0.envVar() } ?? []
        c.envFrom = objects("envFrom", goType: "EnvFromSource") { $0.envFromSource() } ?? []
        c.volumeMounts =
            objects("volumeMounts", goType: "VolumeMount") { m in
                m.unmodelled("mountPropagation", "subPathExpr", "recursiveReadOnly")
                return VolumeMount(
                    name: m.string("name") ?? "", mountPath: m.string("mountPath") ?? "",
                    readOnly: m.bool("readOnly"), subPath: m.string("subPath"))
            } ?? []
        c.readinessProbe = probe("readinessProbe")
        c.livenessProbe = probe("livenessProbe")
        c.startupProbe = probe("startupProbe")
        c.imagePullPolicy = openEnum("imagePullPolicy", PullPolicy.self, goTypeName: "v1.PullPolicy")
        c.terminationMessagePath = string("terminationMessagePath")
        c.terminationMessagePolicy = string("terminationMessagePolicy")
        c.stdin = bool("stdin")
        c.stdinOnce = bool("stdinOnce")
        c.tty = bool("tty")
        c.resources =
            nested("resources", goType: "ResourceRequirements") { r in
                r.unmodelled("claims")
                func list(_ key: String) -> [String: Quantity] {
                    var out: [String: Quantity] = [:]
                    for e in r.quantityMap(key) ?? [] { if let q = e.quantity { out[e.name] = q } }
                    return out
                }
                let result = ResourceRequirements(requests: list("requests"), limits: list("limits"))
                return result.isEmpty ? nil : result
            } ?? nil
        unmodelled(
            "workingDir", "securityContext", "lifecycle",
            "volumeDevices", "resizePolicy")
        return c
    }

    /// A container's own `restartPolicy`: on an init container, `Always` makes it a sidecar
    /// (on by default in 1.32), which stsim does not run; validation refuses any other use
    /// (validation.go validateInitContainers / validateContainers).
    private func containerRestartPolicy(isInit: Bool) {
        guard let policy = string("restartPolicy") else { return }
        let path = child("restartPolicy")
        if !isInit {
            ctx.invalid(.forbidden(path, "may not be set for non-init containers"))
        } else if policy == "Always" {
            ctx.report(
                .error, at: keyMark("restartPolicy"),
                "\(path): sidecar containers (an init container with restartPolicy: Always) are not run by stsim yet",
                hint:
                    "remove restartPolicy to run it as an init container that must complete before the others start, or move it to spec.containers to run it beside them"
            )
        } else {
            ctx.invalid(.notSupported(path, policy, ["Always"]))
        }
    }

    private func envVar() -> EnvVar {
        var e = EnvVar(name: string("name") ?? "", value: string("value"))
        _ = nested("valueFrom", goType: "EnvVarSource") { v in
            e.fieldPath =
                v.nested("fieldRef", goType: "ObjectFieldSelector") { f in
                    _ = f.string("apiVersion")  // always v1 for the fields stsim fills in
                    return f.string("fieldPath")
                } ?? nil
            e.configMapKeyRef = v.nested("configMapKeyRef", goType: "ConfigMapKeySelector") { $0.keySelector() }
            e.secretKeyRef = v.nested("secretKeyRef", goType: "SecretKeySelector") { $0.keySelector() }
            v.unmodelled("resourceFieldRef")
        }
        return e
    }

    private func probe(_ key: String) -> Probe? {
        nested(key, goType: "Probe") { p in
            var handlers: [Probe.Handler] = []
            if let h = p.nested(
                "httpGet", goType: "HTTPGetAction",
                { h in
                    h.unmodelled("host", "httpHeaders")
                    return Probe.Handler.httpGet(
                        path: h.string("path") ?? "", port: h.intOrString("port") ?? "", scheme: h.string("scheme"))
                })
            {
                handlers.append(h)
            }
            if let t = p.nested(
                "tcpSocket", goType: "TCPSocketAction",
                { t in
                    t.unmodelled("host")
                    return Probe.Handler.tcpSocket(port: t.intOrString("port") ?? "")
                })
            {
                handlers.append(t)
            }
            if let e = p.nested(
                "exec", goType: "ExecAction", { Probe.Handler.exec(command: $0.strings("command") ?? []) })
            {
                handlers.append(e)
            }
            if let g = p.nested(
                "grpc", goType: "GRPCAction",
                { g in
                    g.unmodelled("service")
                    return Probe.Handler.grpc(port: g.int("port") ?? 0)
                })
            {
                handlers.append(g)
            }
            let probe = Probe(
                handler: handlers.first ?? .exec(command: []),
                initialDelaySeconds: p.int("initialDelaySeconds"), periodSeconds: p.int("periodSeconds"),
                timeoutSeconds: p.int("timeoutSeconds"), successThreshold: p.int("successThreshold"),
                failureThreshold: p.int("failureThreshold"))
            p.unmodelled("terminationGracePeriodSeconds")
            // A probe without a handler decodes as an empty exec, which validation refuses.
            if handlers.count > 1 {
                p.ctx.invalid(.forbidden(p.path, "may not specify more than 1 handler type"))
            }
            return probe
        }
    }

    private func toleration() -> Toleration {
        Toleration(
            key: string("key"),
            operator: openEnum("operator", TolerationOperator.self, goTypeName: "v1.TolerationOperator"),
            value: string("value"), effect: openEnum("effect", TaintEffect.self, goTypeName: "v1.TaintEffect"),
            tolerationSeconds: int("tolerationSeconds", goTypeName: "int64"))
    }

    private func volume() -> Volume {
        let name = string("name") ?? ""
        var sources: [(String, VolumeSource)] = []
        if let s = nested(
            "persistentVolumeClaim", goType: "PersistentVolumeClaimVolumeSource",
            { c in
                VolumeSource.persistentVolumeClaim(
                    .init(claimName: c.string("claimName") ?? "", readOnly: c.bool("readOnly")))
            })
        {
            sources.append(("persistentVolumeClaim", s))
        }
        if let s = nested(
            "hostPath", goType: "HostPathVolumeSource",
            { h in
                VolumeSource.hostPath(path: h.string("path") ?? "", type: h.string("type"))
            })
        {
            sources.append(("hostPath", s))
        }
        if let s = nested(
            "emptyDir", goType: "EmptyDirVolumeSource",
            { e in
                VolumeSource.emptyDir(medium: e.string("medium"), sizeLimit: e.quantity("sizeLimit"))
            })
        {
            sources.append(("emptyDir", s))
        }
        if let s = nested(
            "configMap", goType: "ConfigMapVolumeSource", { VolumeSource.configMap($0.keyProjection("name")) })
        {
            sources.append(("configMap", s))
        }
        if let s = nested(
            "secret", goType: "SecretVolumeSource", { VolumeSource.secret($0.keyProjection("secretName")) })
        {
            sources.append(("secret", s))
        }
        if let s = nested("projected", goType: "ProjectedVolumeSource", { VolumeSource.projected($0.projected()) }) {
            sources.append(("projected", s))
        }
        // Real volume types stsim does not simulate behave as an empty directory.
        for other in [
            "nfs", "gcePersistentDisk", "awsElasticBlockStore", "csi", "downwardAPI", "ephemeral", "iscsi",
            "cephfs", "rbd", "azureDisk", "azureFile", "fc", "local", "image",
        ] where node(other) != nil {
            ctx.report(
                .note, path: child(other),
                "volume type \"\(other)\" is not simulated by stsim; it behaves as an emptyDir")
            sources.append((other, .emptyDir(medium: nil, sizeLimit: nil)))
        }
        if sources.isEmpty {
            var e = FieldError.required(path, "must specify a volume type")
            e.hint = "a volume needs a source such as persistentVolumeClaim, emptyDir or hostPath"
            ctx.invalid(e)
        } else if sources.count > 1 {
            ctx.invalid(.forbidden(child(sources[1].0), "may not specify more than 1 volume type"))
        }
        return Volume(name: name, source: sources.first?.1 ?? .emptyDir(medium: nil, sizeLimit: nil))
    }
}
