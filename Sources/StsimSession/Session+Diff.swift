import StsimEngine
import StsimLanguage
import StsimManifests
import StsimRender

extension Session {
    /// `diff -f`: kubectl diff writes the live objects and the result of a server-side dry-run
    /// apply into two temporary folders and runs `diff -u -N` on them; the header lines are that
    /// program's. The folder names are Go's random MkdirTemp suffixes, here drawn from the clock
    /// so that the same script prints the same text; the file times are the virtual clock's.
    func diff(_ source: ManifestSource) throws {
        let suffix = { (word: String) in String(Self.folderNumber(word, at: self.cluster.now)) }
        let live = "/tmp/LIVE-\(suffix("LIVE"))"
        let merged = "/tmp/MERGED-\(suffix("MERGED"))"
        let stamp = Self.diffStamp(cluster.now)
        try forEachManifestDocument(source) { loaded in
            var key = loaded.object.key
            if key.kind.isNamespaced, key.namespace.isEmpty { key.namespace = cluster.config.namespace }
            let current = cluster.get(key)
            let result: Result<KubeObject, APIError>
            if let current {
                switch ManifestUpdate.applied(loaded, onto: current, timestamps: Session.timestamps).object {
                case .success(let o): result = cluster.update(o, dryRun: true)
                case .failure(let f): return .failed(f.message)
                }
            } else {
                var o = ManifestUpdate.created(loaded)
                if o.kind.isNamespaced { o.metadata.namespace = key.namespace }
                result = cluster.create(o, dryRun: true)
            }
            let after: KubeObject
            switch result {
            case .success(let o): after = o
            case .failure(let error): return .apiError(error, verb: "diffing")
            }
            let before = current.map(yamlLines) ?? []
            let hunks = UnifiedDiff.hunks(old: before, new: yamlLines(after))
            guard !hunks.isEmpty else { return .quiet }
            let file = Self.diffFileName(key)
            let lines = [
                "diff -u -N \(live)/\(file) \(merged)/\(file)",
                "--- \(live)/\(file)\t\(current == nil ? "1970-01-01 00:00:00.000000000 +0000" : stamp)",
                "+++ \(merged)/\(file)\t\(stamp)",
            ]
            return .printed((lines + hunks).joined(separator: "\n") + "\n")
        }
    }

    private func yamlLines(_ object: KubeObject) -> [String] {
        ManifestWriter.yaml(object, timestamps: Session.timestamps).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// diff.go's InfoObject.Name: `GROUP.VERSION.KIND.NAMESPACE.NAME` (no group for the core kinds).
    static func diffFileName(_ key: ObjectKey) -> String {
        let group = key.kind.group.isEmpty ? "" : "\(key.kind.group)."
        return "\(group)\(key.kind.version).\(key.kind.kind).\(key.namespace).\(key.name)"
    }

    /// GNU diff's `%Y-%m-%d %H:%M:%S.%N %z` for a file written at `t`.
    static func diffStamp(_ t: VirtualTime) -> String {
        let rfc = Session.timestamps.format(t)  // 2024-01-01T00:00:16Z
        let millis = (t.milliseconds % 1000 + 1000) % 1000
        let fraction = String(millis + 1000).dropFirst() + "000000"
        return rfc.dropLast().replacing("T", with: " ") + ".\(fraction) +0000"
    }

    /// A ten-digit-or-fewer number like MkdirTemp's, fixed by the word and the time (FNV-1a).
    static func folderNumber(_ word: String, at t: VirtualTime) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in (word + String(t.milliseconds)).utf8 {
            h ^= UInt32(b)
            h = h &* 16_777_619
        }
        return h
    }
}
