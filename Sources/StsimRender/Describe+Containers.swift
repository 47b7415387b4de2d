import StsimEngine

/// The container, volume and toleration blocks shared by `describe pod` and the pod template of
/// `describe sts` (describe.go `describeContainers`, `describeVolumes`, `printTolerations...`).
extension DescribeWriter {
    /// `space` is `"  "` inside a pod template, `""` for a pod; statuses are nil for a template.
    mutating func containers(
        _ label: String, _ containers: [Container], statuses: [ContainerStatus]?, pod: Pod?, space: String
    ) {
        line(0, "\(space)\(label):\(containers.isEmpty ? " <none>" : "")")
        let nameIndent = space.isEmpty ? "" : " "
        for c in containers {
            let status = statuses?.first { $0.name == c.name }
            line(1, "\(nameIndent)\(c.name):")
            if let status { line(2, "Container ID:\t\(status.containerID ?? "")") }
            line(2, "Image:\t\(c.image)")
            if let status { line(2, "Image ID:\t\(status.imageID)") }
            // stsim's own words, for an image whose program it does not know.
            if status != nil, let note = notes[c.name] ?? ImageProfile.of(image: c.image).note {
                line(2, "Simulated:\t\(note)")
            }
            let ports = c.ports.map { "\($0.containerPort)/\(($0.protocol ?? .tcp).rawValue)" }
            let hostPorts = c.ports.map { "\($0.hostPort ?? 0)/\(($0.protocol ?? .tcp).rawValue)" }
            line(2, ports.count > 1 ? "Ports:\t\(ports.joined(separator: ", "))" : "Port:\t\(ports.first ?? "<none>")")
            line(
                2,
                hostPorts.count > 1
                    ? "Host Ports:\t\(hostPorts.joined(separator: ", "))" : "Host Port:\t\(hostPorts.first ?? "<none>")"
            )
            if let command = c.command { commandLines("Command", command) }
            if let args = c.args { commandLines("Args", args) }
            if let status {
                containerState("State", status.state)
                if case .terminated? = status.lastState, let last = status.lastState {
                    containerState("Last State", last)
                }
                line(2, "Ready:\t\(status.ready ? "True" : "False")")
                line(2, "Restart Count:\t\(status.restartCount)")
            }
            // describe.go: Limits, then Requests, each resource sorted by name.
            for (title, list) in [("Limits", c.resources?.limits ?? [:]), ("Requests", c.resources?.requests ?? [:])]
            where !list.isEmpty {
                line(2, "\(title):")
                for name in list.keys.sorted() { line(3, "\(name):\t\(list[name]!.text)") }
            }
            if let p = c.livenessProbe { line(2, "Liveness:\t\(Self.probe(p))") }
            if let p = c.readinessProbe { line(2, "Readiness:\t\(Self.probe(p))") }
            if let p = c.startupProbe { line(2, "Startup:\t\(Self.probe(p))") }
            if !c.envFrom.isEmpty { environmentFrom(c.envFrom) }
            environment(c.env, pod: pod)
            mounts(c.volumeMounts)
        }
    }

    private mutating func commandLines(_ title: String, _ words: [String]) {
        guard !words.isEmpty else { return }
        line(2, "\(title):")
        for w in words {
            for part in w.split(separator: "\n", omittingEmptySubsequences: false) { line(3, String(part)) }
        }
    }

    private mutating func containerState(_ title: String, _ state: ContainerState) {
        switch state {
        case .running(let started):
            line(2, "\(title):\tRunning")
            line(3, "Started:\t\(date(started))")
        case .waiting(let reason, _):
            line(2, "\(title):\tWaiting")
            if let reason, !reason.isEmpty { line(3, "Reason:\t\(reason)") }
        case .terminated(let code, let reason, let message, let started, let finished):
            line(2, "\(title):\tTerminated")
            if let reason, !reason.isEmpty { line(3, "Reason:\t\(reason)") }
            if let message, !message.isEmpty { line(3, "Message:\t\(message)") }
            line(3, "Exit Code:\t\(code)")
            line(3, "Started:\t\(date(started))")
            line(3, "Finished:\t\(date(finished))")
        }
    }

    /// `DescribeProbe`, with the API defaults filled in (timeout 1, period 10, thresholds 1 and 3).
    static func probe(_ p: Probe) -> String {
        let attrs =
            "delay=\(p.initialDelaySeconds ?? 0)s timeout=\(p.timeoutSeconds ?? 1)s period=\(p.periodSeconds ?? 10)s"
            + " #success=\(p.successThreshold ?? 1) #failure=\(p.failureThreshold ?? 3)"
        switch p.handler {
        case .httpGet(let path, let port, let scheme):
            return "http-get \((scheme ?? "HTTP").lowercased())://:\(port)\(path) \(attrs)"
        case .tcpSocket(let port):
            return "tcp-socket :\(port) \(attrs)"
        case .exec(let command):
            return "exec [\(command.joined(separator: " "))] \(attrs)"
        case .grpc(let port):
            return "grpc <pod>:\(port)  \(attrs)"
        }
    }

    /// Field references are resolved for a pod and left empty for a template, as kubectl does.
    private mutating func environment(_ env: [EnvVar], pod: Pod?) {
        guard !env.isEmpty else {
            line(2, "Environment:\t<none>")
            return
        }
        line(2, "Environment:")
        for e in env {
            if let r = e.secretKeyRef {
                line(
                    3, "\(e.name):\t<set to the key '\(r.key)' in secret '\(r.name)'>\tOptional: \(r.optional ?? false)"
                )
            } else if let r = e.configMapKeyRef {
                line(
                    3,
                    "\(e.name):\t<set to the key '\(r.key)' of config map '\(r.name)'>\tOptional: \(r.optional ?? false)"
                )
            } else if let path = e.fieldPath {
                line(3, "\(e.name):\t\(pod.map { Self.fieldValue(path, of: $0) } ?? "") (v1:\(path))")
            } else {
                for (i, part) in (e.value ?? "").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    line(3, i == 0 ? "\(e.name):\t\(part)" : "\t\(part)")
                }
            }
        }
    }

    /// `describeContainerEnvFrom`.
    private mutating func environmentFrom(_ sources: [EnvFromSource]) {
        line(2, "Environment Variables from:")
        for e in sources {
            let from = e.source == .configMap ? "ConfigMap" : "Secret"
            let with = (e.prefix ?? "").isEmpty ? from : "\(from) with prefix '\(e.prefix!)'"
            line(3, "\(e.name)\t\(with)\tOptional: \(e.optional ?? false)")
        }
    }

    private static func fieldValue(_ path: String, of pod: Pod) -> String {
        switch path {
        case "metadata.name": pod.metadata.name
        case "metadata.namespace": pod.metadata.namespace
        case "spec.nodeName": pod.spec.nodeName ?? ""
        case "status.podIP": pod.status.podIP ?? ""
        case "status.hostIP": pod.status.hostIP ?? ""
        default: ""
        }
    }

    /// Sorted by mount path, as describe.go sorts them.
    private mutating func mounts(_ mounts: [VolumeMount]) {
        guard !mounts.isEmpty else {
            line(2, "Mounts:\t<none>")
            return
        }
        line(2, "Mounts:")
        for m in mounts.sorted(byBytes: \.mountPath) {
            var flags = [m.readOnly == true ? "ro" : "rw"]
            if let sub = m.subPath, !sub.isEmpty { flags.append("path=\"\(sub)\"") }
            line(3, "\(m.mountPath) from \(m.name) (\(flags.joined(separator: ",")))")
        }
    }

    mutating func volumes(_ volumes: [Volume], space: String) {
        guard !volumes.isEmpty else {
            line(0, "\(space)Volumes:\t<none>")
            return
        }
        line(0, "\(space)Volumes:")
        let nameIndent = space.isEmpty ? "" : " "
        for v in volumes {
            line(1, "\(nameIndent)\(v.name):")
            switch v.source {
            case .persistentVolumeClaim(let claim):
                line(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)")
                line(2, "ClaimName:\t\(claim.claimName)")
                line(2, "ReadOnly:\t\(claim.readOnly ?? false)")
            case .hostPath(let path, let type):
                hostPath(path, type)
            case .emptyDir(let medium, let limit):
                line(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)")
                line(2, "Medium:\t\(medium ?? "")")
                line(2, "SizeLimit:\t\(limit.map { Formatting.quantity($0) } ?? "<unset>")")
            case .configMap(let p):
                line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)")
                line(2, "Name:\t\(p.name)")
                line(2, "Optional:\t\(p.optional ?? false)")
            case .secret(let p):
                line(2, "Type:\tSecret (a volume populated by a Secret)")
                line(2, "SecretName:\t\(p.name)")
                line(2, "Optional:\t\(p.optional ?? false)")
            case .projected(let p): projected(p)
            }
        }
    }

    /// printProjectedVolumeSource. `Optional` is a `*bool` Go prints with %v: `<nil>` when unset
    /// (stsim prints the value where Go would print the pointer's address).
    mutating func projected(_ p: ProjectedVolumeSource) {
        line(2, "Type:\tProjected (a volume that contains injected data from multiple sources)")
        for source in p.sources {
            switch source {
            case .secret(let k):
                line(2, "SecretName:\t\(k.name)")
                line(2, "SecretOptionalName:\t\(k.optional.map { "\($0)" } ?? "<nil>")")
            case .downwardAPI: line(2, "DownwardAPI:\ttrue")
            case .configMap(let k):
                line(2, "ConfigMapName:\t\(k.name)")
                line(2, "ConfigMapOptional:\t\(k.optional.map { "\($0)" } ?? "<nil>")")
            case .serviceAccountToken(_, let expiration, _):
                line(2, "TokenExpirationSeconds:\t\(expiration ?? 3600)")
            }
        }
    }

    mutating func hostPath(_ path: String, _ type: String?) {
        line(2, "Type:\tHostPath (bare host directory volume)")
        line(2, "Path:\t\(path)")
        line(2, "HostPathType:\t\(type ?? "<none>")")
    }

    /// `printTolerationsMultilineWithIndent`: `key=value:Effect op=Exists for 300s`, in spec order.
    mutating func tolerations(_ tolerations: [Toleration], indent: String = "") {
        list("Tolerations", tolerations.map(Self.toleration), indent: indent)
    }

    static func toleration(_ t: Toleration) -> String {
        var s = t.key ?? ""
        if let v = t.value, !v.isEmpty { s += "=\(v)" }
        if let e = t.effect, !e.rawValue.isEmpty { s += ":\(e.rawValue)" }
        if t.operator == .exists, (t.value ?? "").isEmpty {
            s += (t.key ?? "").isEmpty && (t.effect?.rawValue ?? "").isEmpty ? "op=Exists" : " op=Exists"
        }
        if let seconds = t.tolerationSeconds { s += " for \(seconds)s" }
        return s
    }
}
