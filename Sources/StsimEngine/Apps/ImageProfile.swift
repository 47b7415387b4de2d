/// What an image holds and how its main process behaves, in one place: the program it runs, the
/// commands in its $PATH, the files it ships, and what its PID 1 does with the stop signal.
public struct ImageProfile: Sendable, Hashable {
    /// Which `sh` the image has, whose messages differ (`sh: 1: x: not found` from Debian's dash,
    /// `sh: x: not found` from BusyBox's ash); nil when the image has no shell at all.
    public enum Shell: Sendable, Hashable { case dash, ash }

    public var kind: ProgramCatalog.Kind
    public var shell: Shell?
    /// The simulated commands found in the image's $PATH.
    public var tools: Set<String>
    /// Files the image ships, by absolute path.
    public var files: [String: String]
    /// Directories the image ships (besides those holding `files`).
    public var directories: [String]
    /// The image's STOPSIGNAL, which the runtime sends to stop the container.
    public var stopSignal: String
    /// Whether PID 1 acts on the stop signal. A process that installs no handler ignores it as
    /// PID 1 (pid_namespaces(7)), so the kubelet kills it at the end of the grace period.
    public var stopsOnSignal: Bool
    /// stsim's words on what it runs, for images it does not know (`describe pod` shows them).
    public var note: String?
    /// Whether the program prints nginx's own start and stop lines (the official image; the
    /// tutorial's nginx-slim build prints none).
    public var printsNginxLog = false

    /// The commands GNU coreutils (or BusyBox) provides among those stsim simulates.
    static let coreutils: Set<String> = [
        "echo", "printf", "cat", "ls", "rm", "touch", "mkdir", "cp", "mv", "test", "[", "grep", "wc", "head", "tail",
        "env", "hostname", "id", "date", "sleep", "true", "false", "kill", "chmod",
    ]

    /// The top-level directories of a Debian root filesystem.
    static let debianRoot = [
        "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin",
        "/srv", "/sys", "/tmp", "/usr", "/var",
    ]

    /// docker-nginx's `index.html` (nginx 1.27.4, docs/html/index.html).
    static let nginxIndex = """
        <!DOCTYPE html>
        <html>
        <head>
        <title>Welcome to nginx!</title>
        <style>
        html { color-scheme: light dark; }
        body { width: 35em; margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif; }
        </style>
        </head>
        <body>
        <h1>Welcome to nginx!</h1>
        <p>If you see this page, the nginx web server is successfully installed and
        working. Further configuration is required.</p>

        <p>For online documentation and support please refer to
        <a href="http://nginx.org/">nginx.org</a>.<br/>
        Commercial support is available at
        <a href="http://nginx.com/">nginx.com</a>.</p>

        <p><em>Thank you for using nginx.</em></p>
        </body>
        </html>

        """

    /// The minor version of a `busybox:1.N...` tag, if the tag names one.
    public static func busyboxMinor(_ image: String) -> Int? {
        guard let tag = image.split(separator: "@").first?.split(separator: ":").dropFirst().last else { return nil }
        let parts = tag.split(separator: ".").prefix(2).compactMap { Int($0.prefix { $0.isNumber }) }
        return parts.count == 2 && parts[0] == 1 ? parts[1] : nil
    }

    /// The profile of an image reference (`registry.k8s.io/nginx-slim:0.24`, `busybox:1.28`).
    public static func of(image: String) -> ImageProfile {
        let repo = ProgramCatalog.repository(image)
        let kind = ProgramCatalog.kind(ofImage: image)
        var p = ImageProfile(
            kind: kind, shell: .dash, tools: coreutils.union(["sh", "curl"]), files: [:], directories: debianRoot,
            stopSignal: "SIGTERM", stopsOnSignal: true, note: nil)
        switch kind {
        case .nginx:
            // docker-nginx: Debian bookworm-slim plus curl; no ps (procps) and no wget.
            p.files = ["/usr/share/nginx/html/index.html": nginxIndex]
            p.directories += ["/etc/nginx", "/var/log/nginx", "/docker-entrypoint.d"]
            p.stopSignal = "SIGQUIT"
            p.printsNginxLog = repo.split(separator: "/").last == "nginx"
        case .kubiaPet, .kubiaPetPeers:
            // node:7 on Debian's buildpack-deps: curl, wget and ps; node as PID 1 has no handler.
            p.tools.formUnion(["wget", "ps"])
            p.stopsOnSignal = false
        case .toolbox where repo.hasSuffix("dnsutils"):
            p.tools.formUnion(["ps", "dig", "nslookup"])
            p.tools.remove("curl")
            p.stopsOnSignal = false
        case .toolbox:
            // BusyBox: one binary for every applet, ash as sh; no curl, no dig.
            p = ImageProfile(
                kind: kind, shell: .ash, tools: coreutils.union(["sh", "ps", "nslookup", "wget", "ping"]), files: [:],
                directories: [
                    "/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/sys", "/tmp", "/usr", "/var",
                ],
                stopSignal: "SIGTERM", stopsOnSignal: false, note: nil)
        case .distroless:
            p = ImageProfile(
                kind: kind, shell: nil, tools: [], files: [:], directories: ["/etc", "/tmp", "/var"],
                stopSignal: "SIGTERM", stopsOnSignal: true,
                note: "stsim does not know this image's program; it runs a generic process, without a shell or tools")
        case .webServer where !repo.hasPrefix("luksa/kubia"):
            p.note = "stsim does not know this image's program; it runs a generic server on the first port"
        case .webServer:
            // The book's first app (Chapter02's kubia): node as PID 1, like the data stores.
            p.stopsOnSignal = false
        }
        return p
    }
}

extension Cluster {
    /// Whether a container's PID 1 lets the stop signal pass, so that the kubelet kills it only
    /// when the grace period ends: an image whose program installs no handler (node as PID 1,
    /// as the kubia apps run), or one broken on purpose (`faults.ignoresSIGTERM`).
    func ignoresStopSignal(image: String) -> Bool {
        faults.ignoresSIGTERM.contains(image) || !imageProfile(image).stopsOnSignal
    }

    /// An image's profile, worked out once per image: every container start asks for it, and
    /// reading the reference each time was about a tenth of a large run. Up to 1,024 images are
    /// kept; a script may name any number, and those beyond are worked out each time.
    func imageProfile(_ image: String) -> ImageProfile {
        if let known = imageProfiles.value?[image] { return known }
        let profile = ImageProfile.of(image: image)
        if imageProfiles.value == nil { imageProfiles.value = [:] }
        if imageProfiles.value!.count < 1024 { imageProfiles.value![image] = profile }
        return profile
    }
}
