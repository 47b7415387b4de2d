/// The Pod `kubectl run NAME --image=IMG` builds (kubectl's run generator,
/// staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go), before the API server defaults
/// anything: what `run --dry-run=client -o yaml` prints. Fields in corev1.Pod's order (what
/// `-o json` shows); the yaml printer sorts them.
public enum GeneratedPod {
    public static func tree(name: String, image: String, restart: String, args: [String]) -> WireValue {
        var container: [(String, WireValue)] = [("name", .string(name)), ("image", .string(image))]
        if !args.isEmpty { container.append(("args", .array(args.map(WireValue.string)))) }
        container.append(("resources", .object([])))
        return .object([
            ("kind", .string("Pod")), ("apiVersion", .string("v1")),
            (
                "metadata",
                .object([
                    ("name", .string(name)), ("creationTimestamp", .null),
                    ("labels", .object([("run", .string(name))])),
                ])
            ),
            (
                "spec",
                .object([
                    ("containers", .array([.object(container)])), ("restartPolicy", .string(restart)),
                    ("dnsPolicy", .string("ClusterFirst")),
                ])
            ),
            ("status", .object([])),
        ])
    }
}
