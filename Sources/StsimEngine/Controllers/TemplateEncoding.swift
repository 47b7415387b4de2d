/// A deterministic serialization of a pod template, standing in for the JSON patch Kubernetes
/// hashes for revision names (2.4). Same template, same bytes, in every process: maps are written
/// in sorted key order. The bytes approximate, not reproduce, the apiserver's JSON.
enum TemplateEncoding {
    static func bytes(_ t: PodTemplateSpec) -> [UInt8] {
        let w = Writer()
        w.object {
            w.field("metadata") {
                w.object {
                    w.map("labels", t.metadata.labels)
                    w.map("annotations", t.metadata.annotations)
                }
            }
            w.field("spec") { spec(w, t.spec) }
        }
        w.raw("\"$patch\":\"replace\"")
        return w.out
    }

    private static func spec(_ w: Writer, _ s: PodSpec) {
        w.object {
            w.list("containers", s.containers) { w, c in container(w, c) }
            w.list("initContainers", s.initContainers) { w, c in container(w, c) }
            w.list("volumes", s.volumes) { w, v in
                w.object {
                    w.string("name", v.name)
                    w.string("source", "\(v.source)")
                }
            }
            w.string("restartPolicy", s.restartPolicy?.rawValue)
            w.string("terminationGracePeriodSeconds", s.terminationGracePeriodSeconds.map(String.init))
            w.string("dnsPolicy", s.dnsPolicy?.rawValue)
            w.string("serviceAccountName", s.serviceAccountName)
            w.string("automountServiceAccountToken", s.automountServiceAccountToken.map { String($0) })
            w.list("imagePullSecrets", s.imagePullSecrets ?? []) { w, name in w.object { w.string("name", name) } }
            w.map("nodeSelector", s.nodeSelector)
            w.string("schedulerName", s.schedulerName)
            w.list("tolerations", s.tolerations) { w, t in
                w.object {
                    w.string("key", t.key)
                    w.string("operator", t.operator?.rawValue)
                    w.string("value", t.value)
                    w.string("effect", t.effect?.rawValue)
                    w.string("tolerationSeconds", t.tolerationSeconds.map(String.init))
                }
            }
        }
    }

    private static func container(_ w: Writer, _ c: Container) {
        w.object {
            w.string("name", c.name)
            w.string("image", c.image)
            w.string("command", c.command.map { $0.joined(separator: "\u{0}") })
            w.string("args", c.args.map { $0.joined(separator: "\u{0}") })
            w.string("stdin", c.stdin.map { String($0) })
            w.string("tty", c.tty.map { String($0) })
            w.list("ports", c.ports) { w, p in
                w.object {
                    w.string("name", p.name)
                    w.string("containerPort", String(p.containerPort))
                    w.string("protocol", p.protocol?.rawValue)
                    w.string("hostPort", p.hostPort.map(String.init))
                    w.string("hostIP", p.hostIP)
                }
            }
            if let r = c.resources, !r.isEmpty {
                w.map("limits", r.limits.mapValues(\.text))
                w.map("requests", r.requests.mapValues(\.text))
            }
            w.list("env", c.env) { w, e in
                w.object {
                    w.string("name", e.name)
                    w.string("value", e.value)
                    w.string("fieldPath", e.fieldPath)
                    w.string("configMapKeyRef", e.configMapKeyRef.map { "\($0)" })
                    w.string("secretKeyRef", e.secretKeyRef.map { "\($0)" })
                }
            }
            // Written only when present, so that the hash of every template without it stays.
            w.list("envFrom", c.envFrom) { w, e in w.object { w.string("source", "\(e)") } }
            w.list("volumeMounts", c.volumeMounts) { w, m in
                w.object {
                    w.string("name", m.name)
                    w.string("mountPath", m.mountPath)
                    w.string("readOnly", m.readOnly.map { "\($0)" })
                }
            }
            w.string("readinessProbe", c.readinessProbe.map { "\($0)" })
            w.string("livenessProbe", c.livenessProbe.map { "\($0)" })
            w.string("imagePullPolicy", c.imagePullPolicy?.rawValue)
        }
    }

    private final class Writer {
        var out: [UInt8] = []
        func raw(_ s: String) { out += Array(s.utf8) }
        func object(_ body: () -> Void) {
            raw("{")
            body()
            raw("}")
        }
        func field(_ name: String, _ body: () -> Void) {
            raw("\"\(name)\":")
            body()
            raw(",")
        }
        func string(_ name: String, _ value: String?) {
            guard let value else { return }
            raw("\"\(name)\":\"\(value)\",")
        }
        func map(_ name: String, _ m: [String: String]) {
            guard !m.isEmpty else { return }
            raw("\"\(name)\":{")
            for k in m.keys.sorted() { raw("\"\(k)\":\"\(m[k]!)\",") }
            raw("},")
        }
        func list<T>(_ name: String, _ items: [T], _ each: (Writer, T) -> Void) {
            guard !items.isEmpty else { return }
            raw("\"\(name)\":[")
            for i in items {
                each(self, i)
                raw(",")
            }
            raw("],")
        }
    }
}
