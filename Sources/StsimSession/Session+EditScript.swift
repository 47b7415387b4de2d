import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    /// `edit KIND NAME <<EOF`: the here-document is the file as the learner would save it from
    /// the editor. The same rules as at the prompt: comments are ignored, an empty or unchanged
    /// text cancels, and the object is checked as the API server would; a refused edit cannot
    /// reopen, so it fails with the reasons the reopened file would show.
    func edit(_ kind: ResourceKind, name: Argument, namespace: String?, replacement: ManifestSource) throws {
        let live = try cluster.get(kind, namespace: namespace, name: name.text).get()
        let (text, file, firstLine) = try manifestText(replacement)
        let body = Self.withoutComments(text)
        let original = ManifestWriter.yaml(live, timestamps: Session.timestamps)
        if body.allSatisfy(\.isWhitespace) || body == Self.withoutComments(original) {
            printer.line("Edit cancelled, no changes made.")
            return
        }
        let problems: [String]
        switch editedObject(body, like: live, file: file, firstLine: firstLine) {
        case .success(let object):
            switch cluster.update(object) {
            case .success(let updated): return reportEdited(updated, live: live)
            case .failure(let error):
                problems = error.causes.isEmpty ? [error.message] : error.causes.map(\.text)
            }
        case .failure(let p):
            // Located findings say it at the line; kubectl's list is for what has no line.
            for finding in p.findings { report(finding) }
            problems = p.findings.isEmpty ? p.kubectl : []
        }
        if !problems.isEmpty { printer.errorLine("\(live.kind.qualifiedResource) \"\(live.name)\" was not valid:") }
        for p in problems { printer.errorLine("* \(p)") }
        throw SessionError(
            "Edit cancelled, no valid changes were saved.",
            hint: "at the prompt the editor would open again with these reasons; correct the here-document")
    }
}
