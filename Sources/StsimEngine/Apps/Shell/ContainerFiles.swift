/// A container's filesystem as its processes see it: the image's files under the container's
/// writable layer (lost when the container restarts), with the pod's volumes mounted over both.
/// A file removed from the image is hidden by a whiteout in the layer, as overlayfs does.
public struct ContainerFiles {
    unowned let cluster: Cluster
    let pod: Pod
    let container: Int
    let image: ImageProfile

    public init(cluster: Cluster, pod: Pod, container: Int) {
        self.cluster = cluster
        self.pod = pod
        self.container = container
        image = cluster.imageProfile(container < pod.spec.containers.count ? pod.spec.containers[container].image : "")
    }

    /// Where a path's bytes are: a volume's disk, or the container's layer (`onLayer`).
    private func locate(_ path: String) -> (disk: Disk, path: String, onLayer: Bool)? {
        guard let (disk, relative) = cluster.fileLocation(pod, container: container, path: path) else { return nil }
        return (disk, relative, !cluster.isOnVolume(pod, container: container, path: path))
    }

    private static let whiteout = ".wh."

    private func whiteoutPath(_ relative: String) -> String {
        var parts = relative.split(separator: "/").map(String.init)
        guard let last = parts.popLast() else { return Self.whiteout }
        return (parts + [Self.whiteout + last]).joined(separator: "/")
    }

    /// The image's view of a layer path, unless a whiteout hides it.
    private func imageFile(_ disk: Disk, _ relative: String) -> String? {
        guard cluster.files.read(disk, whiteoutPath(relative)) == nil else { return nil }
        return image.files["/" + relative]
    }

    private func imageDirectory(_ disk: Disk, _ relative: String) -> Bool {
        guard cluster.files.read(disk, whiteoutPath(relative)) == nil else { return false }
        let path = "/" + relative
        return relative.isEmpty || image.directories.contains { $0 == path || $0.hasPrefix(path + "/") }
            || image.files.keys.contains { $0.hasPrefix(path + "/") }
    }

    /// What a path is, if anything. Mount points are directories even on an empty volume.
    public func kind(_ path: String) -> FileKind? {
        let clean = Cluster.normalize(path)
        if clean == "/dev/null" || cluster.kubeletFile(pod, path: clean) != nil { return .file }
        if cluster.mountPaths(pod, container: container).contains(where: { Cluster.path($0, isUnder: clean) }) {
            return .directory
        }
        guard let (disk, relative, onLayer) = locate(clean) else { return nil }
        if cluster.files.read(disk, relative) != nil || (onLayer && imageFile(disk, relative) != nil) { return .file }
        if relative.isEmpty || cluster.files.isDirectory(disk, relative) || (onLayer && imageDirectory(disk, relative))
        {
            return .directory
        }
        return nil
    }

    public func read(_ path: String) -> Result<String, FileError> {
        let clean = Cluster.normalize(path)
        if clean == "/dev/null" { return .success("") }
        if let text = cluster.kubeletFile(pod, path: clean) { return .success(text) }
        switch kind(clean) {
        case .directory: return .failure(.isDirectory)
        case nil: return .failure(.noSuchFile)
        case .file:
            guard let (disk, relative, _) = locate(clean) else { return .failure(.noSuchFile) }
            let stored = cluster.files.read(disk, relative)
            // A projected token is kept empty and made when read (`Cluster.projectedToken`).
            if stored == "", let token = cluster.projectedToken(pod, container: container, path: clean) {
                return .success(token)
            }
            return .success(stored ?? imageFile(disk, relative) ?? "")
        }
    }

    /// Writes (or with `append`, extends) a file; its directory must exist.
    public func write(_ path: String, _ text: String, append: Bool = false) -> FileError? {
        let clean = Cluster.normalize(path)
        if clean == "/dev/null" { return nil }
        if kind(clean) == .directory { return .isDirectory }
        if let error = parentError(clean) { return error }
        if cluster.isOnReadOnlyVolume(pod, container: container, path: clean) { return .readOnly }
        guard let (disk, relative, _) = locate(clean) else { return .readOnly }
        let old = append ? (try? read(clean).get()) ?? "" : ""
        cluster.apps.files.write(disk, relative, old + text)
        cluster.apps.files.remove(disk, whiteoutPath(relative))
        return nil
    }

    private func parentError(_ clean: String) -> FileError? {
        let parent = Cluster.normalize(String(clean[..<(clean.lastIndex(of: "/") ?? clean.startIndex)]))
        switch kind(parent) {
        case .directory: return nil
        case .file: return .notDirectory
        case nil: return .noSuchFile
        }
    }

    public func makeDirectory(_ path: String) -> FileError? {
        let clean = Cluster.normalize(path)
        if kind(clean) != nil { return .exists }
        if let error = parentError(clean) { return error }
        if cluster.isOnReadOnlyVolume(pod, container: container, path: clean) { return .readOnly }
        guard let (disk, relative, _) = locate(clean) else { return .readOnly }
        cluster.apps.files.write(disk, relative + "/", "")
        cluster.apps.files.remove(disk, whiteoutPath(relative))
        return nil
    }

    /// Removes a file, or with `recursive` a directory and all it holds.
    public func remove(_ path: String, recursive: Bool = false) -> FileError? {
        let clean = Cluster.normalize(path)
        guard let kind = kind(clean) else { return .noSuchFile }
        if kind == .directory, !recursive { return .isDirectory }
        if clean == "/" || cluster.mountPaths(pod, container: container).contains(clean) { return .busy }
        if cluster.isOnReadOnlyVolume(pod, container: container, path: clean) { return .readOnly }
        guard let (disk, relative, onLayer) = locate(clean) else { return .readOnly }
        for p in cluster.files.paths(disk, under: relative) { cluster.apps.files.remove(disk, p) }
        if onLayer, kind == .directory || imageFile(disk, relative) != nil {
            for file in image.files.keys where Cluster.path(file, isUnder: clean) {
                cluster.apps.files.write(disk, whiteoutPath(String(file.dropFirst())), "")
            }
            cluster.apps.files.write(disk, whiteoutPath(relative), "")
        }
        return nil
    }

    /// A directory's entries, sorted in byte order, as `ls` prints them.
    public func list(_ path: String) -> Result<[String], FileError> {
        let clean = Cluster.normalize(path)
        switch kind(clean) {
        case nil: return .failure(.noSuchFile)
        case .file: return .success([clean.split(separator: "/").last.map(String.init) ?? clean])
        case .directory: break
        }
        var names = Set<String>()
        if let (disk, relative, onLayer) = locate(clean) {
            for n in cluster.files.list(disk, relative) ?? [] where !n.hasPrefix(Self.whiteout) {
                names.insert(n.hasSuffix("/") ? String(n.dropLast()) : n)
            }
            if onLayer {
                let prefix = clean == "/" ? "/" : clean + "/"
                for p in image.directories + image.files.keys.sorted() where p.hasPrefix(prefix) {
                    let name = String(p.dropFirst(prefix.count).split(separator: "/")[0])
                    if kind(prefix + name) != nil { names.insert(name) }
                }
            }
        }
        let prefix = clean == "/" ? "/" : clean + "/"
        for m in cluster.mountPaths(pod, container: container) where m.hasPrefix(prefix) {
            names.insert(String(m.dropFirst(prefix.count).split(separator: "/")[0]))
        }
        if clean == "/etc" { names.formUnion(["hostname", "hosts", "resolv.conf"]) }
        return .success(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}

public enum FileKind: Sendable, Hashable { case file, directory }
