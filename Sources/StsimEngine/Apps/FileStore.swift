/// Where a file's bytes live, which decides what survives what (architecture.md, "Apps").
public enum Disk: Codable, Hashable, Sendable {
    /// A network-attached volume, by its storage (an NFS export, a CSI handle, or the name of a
    /// PV stsim provisioned): it follows its claim to any pod on any node.
    case persistentVolume(String)
    /// A directory on one node (`hostPath`, directly or through a hostPath PV): a pod
    /// rescheduled to another node finds that node's directory instead.
    case host(node: String, path: String)
    /// A pod's own storage: an emptyDir (by volume name), or a container's writable layer (by
    /// `NAME#RESTARTS`, so that each restart starts afresh). Both go with the pod.
    case pod(UID, volume: String)
}

/// The files of every simulated disk: path (relative to the disk's root, no leading `/`) to text.
/// Dictionary lookups keep each read and write O(1); listings are sorted by path so that output
/// never depends on hashing order.
public struct FileStore: Codable, Sendable {
    private var disks: [Disk: [String: String]] = [:]
    /// Counts every change, so that a caller can tell whether a command wrote anything (the
    /// kubelet then probes again: an exec or HTTP probe may see the change).
    public private(set) var changes: UInt64 = 0

    public init() {}

    public func read(_ disk: Disk, _ path: String) -> String? { disks[disk]?[path] }

    /// The disks each pod owns, so that a deleted pod's go with it without a scan.
    private var podDisks: [UID: Set<String>] = [:]

    public mutating func write(_ disk: Disk, _ path: String, _ text: String) {
        disks[disk, default: [:]][path] = text
        changes &+= 1
        if case .pod(let uid, let volume) = disk { podDisks[uid, default: []].insert(volume) }
    }

    /// A deleted pod's emptyDirs and container layers.
    mutating func forget(pod uid: UID) {
        guard podDisks[uid] != nil else { return }
        for volume in podDisks.removeValue(forKey: uid) ?? [] { disks[.pod(uid, volume: volume)] = nil }
    }

    /// Removes one file, or an empty directory's marker (`rm`, `rmdir`, a whiteout's target).
    public mutating func remove(_ disk: Disk, _ path: String) {
        guard disks[disk]?[path] != nil else { return }
        disks[disk]?[path] = nil
        changes &+= 1
    }

    /// Every path on the disk at or under `directory`, sorted (`rm -r`, `cp -r`).
    public func paths(_ disk: Disk, under directory: String) -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        return (disks[disk] ?? [:]).keys.filter { $0 == directory || $0.hasPrefix(prefix) }.sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
    }

    /// Entries directly under `directory` ("" is the root): files, and sub-directories with a
    /// trailing `/`, sorted in byte order (`ls` in the C locale). An empty directory is kept as
    /// its path with a trailing `/` (`mkdir`).
    public func list(_ disk: Disk, _ directory: String) -> [String]? {
        let files = disks[disk] ?? [:]
        let prefix = directory.isEmpty ? "" : directory + "/"
        var names = Set<String>()
        for path in files.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if rest.isEmpty { continue }
            if let slash = rest.firstIndex(of: "/") {
                names.insert(String(rest[..<slash]) + "/")
            } else {
                names.insert(String(rest))
            }
        }
        if names.isEmpty, !directory.isEmpty { return files[prefix] != nil ? [] : nil }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Whether `path` names a directory that holds files.
    public func isDirectory(_ disk: Disk, _ path: String) -> Bool {
        path.isEmpty || (disks[disk] ?? [:]).keys.contains { $0.hasPrefix(path + "/") }
    }

    /// Removes every file of the disk (a recycler's `rm -rf`, a deleted volume, a deleted pod).
    public mutating func wipe(_ disk: Disk) {
        disks[disk] = nil
        changes &+= 1
    }

    /// A hostPath directory on every node that has one (a recycled or deleted hostPath PV).
    public mutating func wipeHostPath(_ path: String) {
        for disk in disks.keys {
            if case .host(_, let p) = disk, p == path { disks[disk] = nil }
        }
        changes &+= 1
    }
}
