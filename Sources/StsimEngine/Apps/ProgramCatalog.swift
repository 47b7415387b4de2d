/// Which program an image runs, and which tools `exec` finds in it.
public enum ProgramCatalog {
    /// What kind of program an image holds.
    public enum Kind: Codable, Sendable, Hashable {
        case kubiaPet, kubiaPetPeers, webServer
        /// The official `nginx` image and the tutorial's `registry.k8s.io/nginx-slim`.
        case nginx
        /// Images that run a command and serve nothing (`tutum/dnsutils`, `busybox`).
        case toolbox
        /// `gcr.io/distroless/...`: the program alone, without a shell or any tool.
        case distroless
    }

    /// The image's repository without registry host, tag or digest: `docker.io/luksa/kubia-pet:v2` → `luksa/kubia-pet`.
    static func repository(_ image: String) -> String {
        var s = Substring(image)
        if let at = s.firstIndex(of: "@") { s = s[..<at] }
        if let slash = s.lastIndex(of: "/"), let colon = s.lastIndex(of: ":"), colon > slash {
            s = s[..<colon]
        } else if !s.contains("/"), let colon = s.lastIndex(of: ":") {
            s = s[..<colon]
        }
        var parts = s.split(separator: "/")
        if parts.count > 1, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" {
            parts.removeFirst()
        }
        return parts.joined(separator: "/")
    }

    public static func kind(ofImage image: String) -> Kind {
        let repo = repository(image)
        if repo.contains("kubia-pet-peers") { return .kubiaPetPeers }
        if repo.contains("kubia-pet") { return .kubiaPet }
        if repo.hasSuffix("dnsutils") || repo == "busybox" || repo.hasSuffix("/busybox") { return .toolbox }
        let last = repo.split(separator: "/").last.map(String.init) ?? repo
        if last == "nginx" || last == "nginx-slim" { return .nginx }
        if repo.hasPrefix("distroless/") || repo.contains("/distroless/") { return .distroless }
        return .webServer
    }

    /// Where the image's program listens and keeps its data, for shortcuts that build its pods
    /// (`create sts kubia --image luksa/kubia-pet --storage 1Mi`); nil for images without a
    /// known program.
    public static func serving(image: String) -> (port: Int, dataDirectory: String)? {
        switch kind(ofImage: image) {
        case .kubiaPet, .kubiaPetPeers: (8080, "/var/data")
        case .webServer, .toolbox, .nginx, .distroless: nil
        }
    }

    /// The commands `exec` finds in the image's $PATH (among those stsim simulates).
    public static func tools(ofImage image: String) -> Set<String> { ImageProfile.of(image: image).tools }

    static func program(for pod: Pod, container index: Int) -> PodProgram? {
        guard index < pod.spec.containers.count else { return nil }
        let c = pod.spec.containers[index]
        switch kind(ofImage: c.image) {
        case .kubiaPet: return KubiaPet()
        case .kubiaPetPeers: return KubiaPetPeers()
        case .toolbox, .distroless: return nil
        case .nginx:
            // The official image's tag names its release; nginx-slim's build stays stsim's default.
            let official = repository(c.image).split(separator: "/").last == "nginx"
            return Nginx(
                port: c.ports.first?.containerPort ?? 80,
                version: official ? NginxLog.version(image: c.image) : "1.27.4")
        case .webServer:
            let roots = c.volumeMounts.map { Cluster.normalize($0.mountPath) }.sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
            return WebServer(port: c.ports.first?.containerPort ?? 80, roots: roots)
        }
    }
}
