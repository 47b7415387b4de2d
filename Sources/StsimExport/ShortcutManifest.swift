import StsimEngine
import StsimLanguage

/// The manifests behind stsim's shortcuts (`create sts`, `create svc headless`, `create pv`), the
/// same objects the session makes (Shortcuts.swift), written out for kubectl create -f.
enum ShortcutManifest {
    static func yaml(
        name: String, image: String, replicas: Int, service: String?, storage: String?, policy: String?
    ) -> String {
        // The book's apps listen on 8080 and keep their data in /var/data, as in stsim.
        let program = ProgramCatalog.serving(image: image)
        var lines = [
            "apiVersion: apps/v1",
            "kind: StatefulSet",
            "metadata:",
            "  name: \(scalar(name))",
            "  labels:",
            "    app: \(scalar(name))",
            "spec:",
            "  replicas: \(replicas)",
            "  serviceName: \(scalar(service ?? name))",
        ]
        if let policy { lines.append("  podManagementPolicy: \(scalar(policy))") }
        lines += [
            "  selector:",
            "    matchLabels:",
            "      app: \(scalar(name))",
            "  template:",
            "    metadata:",
            "      labels:",
            "        app: \(scalar(name))",
            "    spec:",
            "      containers:",
            "      - name: \(scalar(CreateCommand.containerName(for: image)))",
            "        image: \(scalar(image))",
            "        ports:",
            "        - name: web",
            "          containerPort: \(program?.port ?? 80)",
        ]
        if let storage {
            lines += [
                "        volumeMounts:",
                "        - name: data",
                "          mountPath: \(scalar(program?.dataDirectory ?? "/data"))",
                "  volumeClaimTemplates:",
                "  - metadata:",
                "      name: data",
                "    spec:",
                "      accessModes: [ReadWriteOnce]",
                "      resources:",
                "        requests:",
                "          storage: \(scalar(storage))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func headlessService(name: String, selector: [String: String], port: Int) -> String {
        var lines = [
            "apiVersion: v1",
            "kind: Service",
            "metadata:",
            "  name: \(scalar(name))",
            "  labels:",
            "    app: \(scalar(name))",
            "spec:",
            "  clusterIP: None",
            "  selector:",
        ]
        lines += selector.keys.sorted().map { "    \(scalar($0)): \(scalar(selector[$0]!))" }
        lines += ["  ports:", "  - name: web", "    port: \(port)"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func persistentVolume(
        name: String, capacity: String, accessModes: [String], reclaimPolicy: String, storageClass: String?
    ) -> String {
        let modes = accessModes.map { longAccessModes[$0] ?? $0 }
        return [
            "apiVersion: v1",
            "kind: PersistentVolume",
            "metadata:",
            "  name: \(scalar(name))",
            "spec:",
            "  capacity:",
            "    storage: \(scalar(capacity))",
            "  accessModes: [\(modes.map(scalar).joined(separator: ", "))]",
            "  persistentVolumeReclaimPolicy: \(scalar(reclaimPolicy))",
            "  storageClassName: \(scalar(storageClass ?? ""))",
            "  hostPath:",
            "    path: \(scalar("/mnt/data/\(name)"))",
        ].joined(separator: "\n") + "\n"
    }

    /// `create pv --access RWO`: the API's names for stsim's short ones.
    private static let longAccessModes = [
        "RWO": "ReadWriteOnce", "ROX": "ReadOnlyMany", "RWX": "ReadWriteMany", "RWOP": "ReadWriteOncePod",
    ]

    /// A YAML scalar, double-quoted unless plainly safe (names, images, quantities).
    static func scalar(_ s: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@")
        if !s.isEmpty, s.allSatisfy(safe.contains), !["true", "false", "null", "yes", "no"].contains(s.lowercased()),
            Double(s) == nil, s.first != "-"
        {
            return s
        }
        let escaped = s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
