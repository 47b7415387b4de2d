import Foundation
import StsimEngine
import StsimLanguage

/// `cp`: kubectl cp runs tar in the container (`tar cf -` to read, `tar -xmf - -C DIR` to write)
/// and unpacks or packs on the host (kubectl's pkg/cmd/cp/cp.go). The messages are tar's and
/// kubectl's; the host side obeys the same confinement as every other host file.
extension Session {
    func copy(_ c: CopyCommand) throws {
        let source = FileSpec(c.source.text)
        let destination = FileSpec(c.destination.text)
        if source.pod != nil, destination.pod != nil {
            throw SessionError("one of src or dest must be a local file specification")
        }
        if source.path.isEmpty || destination.path.isEmpty { throw SessionError("filepath can not be empty") }
        if let pod = source.pod {
            let (p, index) = try tarContainer(pod, namespace: source.namespace ?? c.namespace, container: c.container)
            return try copyFromPod(p, index, path: source.path, to: c.destination)
        }
        if let pod = destination.pod {
            let (p, index) = try tarContainer(
                pod, namespace: destination.namespace ?? c.namespace, container: c.container)
            return try copyToPod(c.source, into: p, index, path: destination.path)
        }
        throw SessionError("one of src or dest must be a remote file specification")
    }

    /// The pod and container tar would run in; an image without it fails as exec does.
    private func tarContainer(_ name: String, namespace: String?, container: String?) throws -> (Pod, Int) {
        let object = try cluster.get(.pod, namespace: namespace, name: name).get()
        guard let pod = Pod(object) else { throw APIError.notFound(.pod, name) }
        let index = try runningContainer(pod, container)
        guard ProgramCatalog.tools(ofImage: pod.asRun.spec.containers[index].image).contains("sh") else {
            printer.errorLine(
                "OCI runtime exec failed: exec failed: unable to start container process: exec: \"tar\": executable file not found in $PATH: unknown"
            )
            printer.errorLine("command terminated with exit code 126")
            throw AlreadyReported()
        }
        return (pod.asRun, index)
    }

    /// GNU tar (Debian images) and BusyBox tar say it differently.
    private func busybox(_ pod: Pod, _ index: Int) -> Bool {
        ImageProfile.of(image: pod.spec.containers[index].image).shell == .ash
    }

    /// tar's lines on standard error, then the command fails (kubectl has nothing to add).
    private func tarFailed(_ pod: Pod, _ index: Int, busybox lines: [String], gnu: [String]) throws -> Never {
        for line in busybox(pod, index) ? lines : gnu { printer.errorLine(line) }
        throw AlreadyReported()
    }

    private func copyFromPod(_ pod: Pod, _ index: Int, path: String, to destination: Argument) throws {
        let files = ContainerFiles(cluster: cluster, pod: pod, container: index)
        let from = path.hasPrefix("/") ? path : "/" + path
        guard let kind = files.kind(from) else {
            try tarFailed(
                pod, index, busybox: ["tar: \(path): No such file or directory"],
                gnu: [
                    "tar: \(path): Cannot stat: No such file or directory",
                    "tar: Exiting with failure status due to previous errors",
                ])
        }
        if path.hasPrefix("/") {
            printer.errorLine(
                busybox(pod, index)
                    ? "tar: removing leading '/' from member names" : "tar: Removing leading `/' from member names")
        }
        let target = try hostFilePath(destination)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
        switch kind {
        case .file:
            // kubectl unpacks the one file onto the destination path itself: a folder there fails.
            if exists, isDirectory.boolValue { throw SessionError("open \(destination.text): is a directory") }
            try writeHostFile(destination, try files.read(from).get())
        case .directory:
            for (relative, text) in try containerTree(files, from) {
                let file = Argument(destination.text + "/" + relative, at: destination.location)
                try FileManager.default.createDirectory(
                    atPath: (try hostFilePath(file) as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try writeHostFile(file, text)
            }
        }
    }

    /// Every file under a container folder, by path relative to it, in byte order.
    private func containerTree(_ files: ContainerFiles, _ root: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for entry in try files.list(folder).get().reversed() {
                let child = relative.isEmpty ? entry : relative + "/" + entry
                if files.kind(root + "/" + child) == .directory {
                    pending.append(child)
                } else {
                    out.append((child, try files.read(root + "/" + child).get()))
                }
            }
        }
        return out.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    private func copyToPod(_ source: Argument, into pod: Pod, _ index: Int, path: String) throws {
        let local = try hostFilePath(source)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory) else {
            throw SessionError("\(source.text) doesn't exist in local filesystem")
        }
        let files = ContainerFiles(cluster: cluster, pod: pod, container: index)
        var target = path.hasPrefix("/") ? path : "/" + path
        // An existing folder in the container takes the file inside it, under its own name.
        if files.kind(target) == .directory, !isDirectory.boolValue {
            target += "/" + (local as NSString).lastPathComponent
        }
        let folder = (target as NSString).deletingLastPathComponent
        guard files.kind(folder) == .directory else {
            try tarFailed(
                pod, index, busybox: ["tar: can't change directory to '\(folder)': No such file or directory"],
                gnu: [
                    "tar: \(folder): Cannot open: No such file or directory",
                    "tar: Error is not recoverable: exiting now",
                ])
        }
        let entries: [(String, String)]
        if isDirectory.boolValue {
            let names = (FileManager.default.subpaths(atPath: local) ?? []).sorted().filter {
                var d: ObjCBool = false
                return FileManager.default.fileExists(atPath: local + "/" + $0, isDirectory: &d) && !d.boolValue
            }
            entries = try names.map {
                (target + "/" + $0, try readFile(Argument(source.text + "/" + $0, at: source.location)))
            }
        } else {
            entries = [(target, try readFile(source))]
        }
        for (file, text) in entries {
            var parent = (file as NSString).deletingLastPathComponent
            var missing: [String] = []
            while files.kind(parent) == nil {
                missing.append(parent)
                parent = (parent as NSString).deletingLastPathComponent
            }
            for folder in missing.reversed() { _ = files.makeDirectory(folder) }
            if let error = files.write(file, text) {
                printer.errorLine("tar: \(String(file.dropFirst())): Cannot open: \(error.message)")
                throw AlreadyReported()
            }
        }
    }
}
