/// The files of a `projected` volume, as the kubelet's projected volume plugin writes them: a
/// token from the API server's TokenRequest, keys of ConfigMaps and Secrets, fields of the pod.
extension Cluster {
    func projectedFiles(_ p: ProjectedVolumeSource, pod: Pod) -> Result<[(String, String)], ConfigSourceError> {
        var files: [(String, String)] = []
        for source in p.sources {
            switch source {
            case .serviceAccountToken(let path, _, _):
                // Its text is made when a program reads it: a JWT per pod would cost 100,000
                // pods over 100 MB, while nobody reads most of them.
                files.append((path, ""))
            case .configMap(let k), .secret(let k):
                let kind: ResourceKind = if case .configMap = source { .configMap } else { .secret }
                switch keyFiles(kind, k, namespace: pod.metadata.namespace) {
                case .success(let f): files += f
                case .failure(let e): return .failure(e)
                }
            case .downwardAPI(let items):
                for f in items { files.append((f.path, pod.downwardField(f.fieldPath))) }
            }
        }
        return .success(files)
    }

    /// The token a read of `path` in the container finds, when the path is the token file of a
    /// projected volume mounted there.
    func projectedToken(_ pod: Pod, container index: Int, path: String) -> String? {
        guard index < pod.spec.containers.count else { return nil }
        for mount in pod.spec.containers[index].volumeMounts where (mount.subPath ?? "").isEmpty {
            guard case .projected(let p)? = pod.spec.volumes.first(where: { $0.name == mount.name })?.source
            else { continue }
            let root = Self.normalize(mount.mountPath)
            for case .serviceAccountToken(let file, let expiration, let audience) in p.sources
            where Self.normalize(root + "/" + file) == path {
                return serviceAccountToken(pod, expirationSeconds: expiration ?? 3600, audience: audience)
            }
        }
        return nil
    }

    /// A bound token as the API server signs it for the kubelet (a JWT: header, claims,
    /// signature). The claims are 1.32's: audiences, the pod, its node and its account, and for
    /// the admission's 3607 s the one-year lifetime with `warnafter` (the extended expiration).
    /// Nothing in stsim verifies tokens, so the signature is bytes from the seeded generator.
    func serviceAccountToken(_ pod: Pod, expirationSeconds: Int, audience: String?) -> String {
        // Requested when the kubelet set the pod up: its start.
        let at = pod.status.startTime ?? pod.metadata.creationTimestamp ?? .zero
        var random = SeededRandom(
            seed: config.seed ^ (pod.metadata.uid?.high ?? 0) ^ (pod.metadata.uid?.low ?? 0)
                ^ UInt64(bitPattern: at.milliseconds))
        let issued = WallClock.unixSecondsAtZero + at.milliseconds / 1000
        let extended = expirationSeconds == ProjectedVolumeSource.apiAccessExpirationSeconds
        let expires = issued + (extended ? 365 * 86400 : Int64(expirationSeconds))
        let namespace = pod.metadata.namespace
        let account = pod.spec.serviceAccountName ?? ServiceAccount.defaultName
        let accountUID = store.get(ServiceAccount.self, namespace: namespace, name: account)?.metadata.uid
        let node = pod.spec.nodeName ?? ""
        let nodeUID = store.get(Node.self, namespace: "", name: node)?.metadata.uid
        func ref(_ name: String, _ uid: UID?) -> String {
            "{\"name\":\(GoSyntax.quote(name)),\"uid\":\"\(uid.map { "\($0)" } ?? "")\"}"
        }
        let issuer = "https://kubernetes.default.svc.cluster.local"
        let claims =
            "{\"aud\":[\(GoSyntax.quote(audience ?? issuer))],\"exp\":\(expires),\"iat\":\(issued),"
            + "\"iss\":\"\(issuer)\",\"jti\":\"\(random.uid())\",\"kubernetes.io\":{\"namespace\":\(GoSyntax.quote(namespace)),"
            + "\"node\":\(ref(node, nodeUID)),\"pod\":\(ref(pod.metadata.name, pod.metadata.uid)),"
            + "\"serviceaccount\":\(ref(account, accountUID))"
            + (extended ? ",\"warnafter\":\(issued + Int64(expirationSeconds))}" : "}")
            + ",\"nbf\":\(issued),\"sub\":\"system:serviceaccount:\(namespace):\(account)\"}"
        let keyID = Self.base64URL((0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        let header = "{\"alg\":\"RS256\",\"kid\":\"\(keyID)\"}"
        let signature = (0..<256).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        return [Self.base64URL(Array(header.utf8)), Self.base64URL(Array(claims.utf8)), Self.base64URL(signature)]
            .joined(separator: ".")
    }

    /// JWT's unpadded base64url.
    static func base64URL(_ bytes: [UInt8]) -> String {
        String(
            Base64.encode(bytes).compactMap { c -> Character? in
                switch c {
                case "+": "-"
                case "/": "_"
                case "=": nil
                default: c
                }
            })
    }
}

extension Pod {
    /// A `fieldRef` as the downward API reads it (pkg/fieldpath `ExtractFieldPathAsString`): a
    /// map as sorted `key="value"` lines.
    func downwardField(_ path: String) -> String {
        func lines(_ m: [String: String]) -> String {
            m.keys.sorted().map { "\($0)=\(GoSyntax.quote(m[$0]!))" }.joined(separator: "\n")
        }
        switch path {
        case "metadata.name": return metadata.name
        case "metadata.namespace": return metadata.namespace
        case "metadata.uid": return metadata.uid.map { "\($0)" } ?? ""
        case "metadata.labels": return lines(metadata.labels)
        case "metadata.annotations": return lines(metadata.annotations)
        case "spec.nodeName": return spec.nodeName ?? ""
        case "spec.serviceAccountName": return spec.serviceAccountName ?? ""
        case "status.podIP": return status.podIP ?? ""
        case "status.hostIP": return status.hostIP ?? ""
        default:
            for (prefix, map) in [
                ("metadata.labels['", metadata.labels), ("metadata.annotations['", metadata.annotations),
            ]
            where path.hasPrefix(prefix) && path.hasSuffix("']") {
                return map[String(path.dropFirst(prefix.count).dropLast(2))] ?? ""
            }
            return ""
        }
    }
}
