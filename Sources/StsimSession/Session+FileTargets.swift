import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    /// The objects `get -f` and `describe -f` name: the manifests' kinds and names in file
    /// order (consecutive objects of one kind together, as kubectl's builder visits them), and
    /// the namespace the files give them, if any.
    func fileTargets(_ source: ManifestSource) throws -> (groups: [KindNames], namespace: String?) {
        let (references, failed) = try manifestReferences(source)
        if failed { throw AlreadyReported() }
        let namespaces = Array(Set(references.map(\.namespace).filter { !$0.isEmpty })).sorted()
        guard namespaces.count <= 1 else {
            throw SessionError(
                "the manifests name objects in \(namespaces.count) namespaces (\(namespaces.joined(separator: ", ")))",
                hint: "stsim reads -f in one namespace at a time: split the files, or name the objects with -n")
        }
        var groups: [KindNames] = []
        for r in references {
            let name = Argument(r.name, at: r.location)
            if groups.last?.kind == r.kind {
                groups[groups.count - 1].names.append(name)
            } else {
                groups.append(KindNames(r.kind, [name]))
            }
        }
        return (groups, namespaces.first)
    }

    func describeFiles(_ source: ManifestSource) throws {
        let (groups, namespace) = try fileTargets(source)
        try inNamespace(namespace) { try describe(groups, selector: nil) }
    }

    /// `get -f`: the named objects, each kind's list as `get KIND/NAME...` prints it.
    func getFiles(_ command: GetCommand, _ source: ManifestSource) throws {
        let (groups, namespace) = try fileTargets(source)
        var get = command
        get.source = nil
        get.groups = groups
        get.kinds = groups.map(\.kind).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        get.names = groups.flatMap(\.names)
        try inNamespace(namespace) { try self.get(get) }
    }
}
