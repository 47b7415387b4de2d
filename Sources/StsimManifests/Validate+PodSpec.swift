import StsimEngine

/// `ValidatePodSpec` for the modelled fields: what a Pod must satisfy, and what every pod a
/// StatefulSet creates must satisfy (the FailedCreate causes of 7.3).
extension Validator {
    static func validatePodSpec(_ spec: PodSpec, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        var volumeNames: Set<String> = []
        for (i, v) in spec.volumes.enumerated() {
            let p = "\(path).volumes[\(i)]"
            if v.name.isEmpty {
                errs.append(.required("\(p).name"))
            } else {
                errs += NameRules.dns1123Label(v.name).map { .invalid("\(p).name", .string(v.name), $0) }
                if volumeNames.contains(v.name) { errs.append(.duplicate("\(p).name", .string(v.name))) }
                volumeNames.insert(v.name)
            }
            if let c = v.persistentVolumeClaim, c.claimName.isEmpty {
                errs.append(.required("\(p).persistentVolumeClaim.claimName"))
            }
            if case .hostPath(let hp, _) = v.source, hp.isEmpty { errs.append(.required("\(p).hostPath.path")) }
        }
        if spec.containers.isEmpty { errs.append(.required("\(path).containers")) }
        var containerNames: Set<String> = []
        for (i, c) in spec.initContainers.enumerated() {
            let p = "\(path).initContainers[\(i)]"
            errs += validateContainer(c, p, volumes: volumeNames, names: &containerNames)
            // validateInitContainers: an init container that must complete has no probes.
            for (key, probe) in [
                ("livenessProbe", c.livenessProbe), ("readinessProbe", c.readinessProbe),
                ("startupProbe", c.startupProbe),
            ] where probe != nil {
                errs.append(
                    .forbidden("\(p).\(key)", "may not be set for init containers without restartPolicy=Always"))
            }
        }
        for (i, c) in spec.containers.enumerated() {
            errs += validateContainer(c, "\(path).containers[\(i)]", volumes: volumeNames, names: &containerNames)
        }
        errs += supported(spec.restartPolicy, "\(path).restartPolicy", [.always, .onFailure, .never])
        errs += supported(
            spec.dnsPolicy, "\(path).dnsPolicy", [.clusterFirstWithHostNet, .clusterFirst, .default, .none])
        for (key, value) in [("hostname", spec.hostname), ("subdomain", spec.subdomain)] {
            if let value, !value.isEmpty {
                errs += NameRules.dns1123Label(value).map { .invalid("\(path).\(key)", .string(value), $0) }
            }
        }
        errs += nonNegative(spec.terminationGracePeriodSeconds, "\(path).terminationGracePeriodSeconds")
        if let a = spec.activeDeadlineSeconds, a <= 0 {
            errs.append(
                .invalid("\(path).activeDeadlineSeconds", .int(a), "must be between 1 and 2147483647, inclusive"))
        }
        for (i, t) in spec.tolerations.enumerated() {
            errs += supported(
                t.effect, "\(path).tolerations[\(i)].effect", [.noSchedule, .preferNoSchedule, .noExecute])
            errs += supported(t.operator, "\(path).tolerations[\(i)].operator", [.equal, .exists])
        }
        return errs
    }

    /// A container's ports: IANA names unique in the container, numbers in range.
    private static func validatePorts(_ ports: [ContainerPort], _ p: String) -> [FieldError] {
        var errs: [FieldError] = []
        var portNames: Set<String> = []
        for (j, port) in ports.enumerated() {
            let pp = "\(p).ports[\(j)]"
            if let n = port.name, !n.isEmpty {
                errs += NameRules.ianaServiceName(n).map { .invalid("\(pp).name", .string(n), $0) }
                if portNames.contains(n) { errs.append(.duplicate("\(pp).name", .string(n))) }
                portNames.insert(n)
            }
            if port.containerPort == 0 {
                errs.append(.required("\(pp).containerPort"))
            } else {
                errs += portNumber(port.containerPort, "\(pp).containerPort")
            }
            errs += supported(port.protocol, "\(pp).protocol", [.sctp, .tcp, .udp])
            if let h = port.hostPort, h != 0 { errs += portNumber(h, "\(pp).hostPort") }
        }
        return errs
    }

    private static func validateContainer(_ c: Container, _ p: String, volumes: Set<String>, names: inout Set<String>)
        -> [FieldError]
    {
        var errs: [FieldError] = []
        if c.name.isEmpty {
            errs.append(.required("\(p).name"))
        } else {
            errs += NameRules.dns1123Label(c.name).map { .invalid("\(p).name", .string(c.name), $0) }
            if names.contains(c.name) { errs.append(.duplicate("\(p).name", .string(c.name))) }
            names.insert(c.name)
        }
        if c.image.isEmpty { errs.append(.required("\(p).image")) }
        errs += validatePorts(c.ports, p)
        errs += validateMounts(c.volumeMounts, p, volumes: volumes)
        errs += supported(c.imagePullPolicy, "\(p).imagePullPolicy", [.always, .ifNotPresent, .never])
        if let policy = c.terminationMessagePolicy, policy != "File", policy != "FallbackToLogsOnError" {
            errs.append(.notSupported("\(p).terminationMessagePolicy", policy, ["File", "FallbackToLogsOnError"]))
        }
        errs += validateProbes(c, p)
        return errs
    }

    /// Each mount names a volume of the pod, at a path no other mount of the container uses.
    private static func validateMounts(_ mounts: [VolumeMount], _ p: String, volumes: Set<String>) -> [FieldError] {
        var errs: [FieldError] = []
        var mountPaths: Set<String> = []
        for (j, m) in mounts.enumerated() {
            let mp = "\(p).volumeMounts[\(j)]"
            if m.name.isEmpty {
                errs.append(.required("\(mp).name"))
            } else if !volumes.contains(m.name) {
                errs.append(.notFound("\(mp).name", .string(m.name)))
            }
            if m.mountPath.isEmpty {
                errs.append(.required("\(mp).mountPath"))
            } else if mountPaths.contains(m.mountPath) {
                errs.append(.invalid("\(mp).mountPath", .string(m.mountPath), "must be unique"))
            }
            mountPaths.insert(m.mountPath)
        }
        return errs
    }

    /// Probes need a handler, non-negative timings, and (but readiness) a success threshold of 1.
    private static func validateProbes(_ c: Container, _ p: String) -> [FieldError] {
        var errs: [FieldError] = []
        for (key, probe) in [
            ("livenessProbe", c.livenessProbe), ("readinessProbe", c.readinessProbe), ("startupProbe", c.startupProbe),
        ] {
            guard let probe else { continue }
            let pp = "\(p).\(key)"
            if case .exec(let command) = probe.handler, command.isEmpty {
                var e = FieldError.required(pp, "must specify a handler type")
                e.hint = "give one of httpGet, tcpSocket, exec or grpc"
                errs.append(e)
            }
            errs += nonNegative(probe.initialDelaySeconds, "\(pp).initialDelaySeconds")
            errs += nonNegative(probe.timeoutSeconds, "\(pp).timeoutSeconds")
            errs += nonNegative(probe.periodSeconds, "\(pp).periodSeconds")
            errs += nonNegative(probe.successThreshold, "\(pp).successThreshold")
            errs += nonNegative(probe.failureThreshold, "\(pp).failureThreshold")
            if key != "readinessProbe", let s = probe.successThreshold, s != 1 {
                errs.append(.invalid("\(pp).successThreshold", .int(s), "must be 1"))
            }
        }
        return errs
    }
}
