import Foundation
import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    /// kubectl edit's header (edit/editoptions.go), above the object's YAML.
    static let editHeader = """
        # Please edit the object below. Lines beginning with a '#' will be ignored,
        # and an empty file will abort the edit. If an error occurs while saving this file will be
        # reopened with the relevant failures.
        #
        """

    /// `edit KIND NAME`: the object's YAML in `$EDITOR`; a refused object reopens with the reasons as
    /// comments at the top, as kubectl does. Only at the prompt: a script cannot use an editor.
    func edit(_ kind: ResourceKind, name: Argument, namespace: String?, replacement: ManifestSource?) throws {
        if let replacement { return try edit(kind, name: name, namespace: namespace, replacement: replacement) }
        guard interactive else {
            throw SessionError(
                "edit opens an editor, and a script has none",
                hint:
                    "give the edited YAML as a here-document: edit \(kind == .statefulSet ? "sts" : kind.singular) \(name.text) <<EOF, the object, EOF; or change fields with patch"
            )
        }
        let live = try cluster.get(kind, namespace: namespace, name: name.text).get()
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("stsim-edit-\(ProcessInfo.processInfo.processIdentifier)-\(live.name).yaml").path
        let original = ManifestWriter.yaml(live, timestamps: Session.timestamps)
        var shown = Self.editHeader + "\n" + original
        var failedOnce = false
        while true {
            guard FileManager.default.createFile(atPath: path, contents: Data(shown.utf8)) else {
                throw SessionError("cannot write the temporary file \(path)")
            }
            try runEditor(on: path)
            guard let data = FileManager.default.contents(atPath: path),
                let edited = String(data: data, encoding: .utf8)
            else {
                throw SessionError("cannot read back \(path)")
            }
            let body = Self.withoutComments(edited)
            if body.allSatisfy({ $0.isWhitespace }) || body == Self.withoutComments(shown) {
                try? FileManager.default.removeItem(atPath: path)
                if failedOnce {
                    // kubectl keeps nothing after a failed round that the user saved unchanged.
                    throw SessionError("Edit cancelled, no valid changes were saved.")
                }
                printer.line("Edit cancelled, no changes made.")
                return
            }
            switch editedObject(body, like: live, file: path) {
            case .success(let object):
                switch cluster.update(object) {
                case .success(let updated):
                    try? FileManager.default.removeItem(atPath: path)
                    return reportEdited(updated, live: live)
                case .failure(let error):
                    shown = Self.reopened(
                        body, problems: error.causes.isEmpty ? [error.message] : error.causes.map(\.text), live: live,
                        findings: [])
                }
            case .failure(let problems):
                shown = Self.reopened(body, problems: problems.kubectl, live: live, findings: problems.findings)
            }
            failedOnce = true
        }
    }

    /// kubectl's last line of an edit the API accepted: `edited`, or cancelled when nothing changed.
    func reportEdited(_ updated: KubeObject, live: KubeObject) {
        if updated.metadata.resourceVersion == live.metadata.resourceVersion {
            printer.line("Edit cancelled, no changes made.")
        } else {
            printer.line("\(updated.kind.qualifiedSingular)/\(updated.name) edited")
            autoSettle()
        }
    }

    /// Runs `$EDITOR FILE` (vi when unset) with the terminal handed over; like kubectl, EDITOR may
    /// hold arguments (`code -w`), so a shell reads it.
    private func runEditor(on path: String) throws {
        let editor = ProcessInfo.processInfo.environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", path]
        do {
            try process.run()
        } catch {
            throw SessionError("there was a problem with the editor \"\(editor)\": \(error)")
        }
        // Foundation starts the child in its own process group, which the terminal does not serve:
        // an editor reading it would be stopped (SIGTTIN). Hand the terminal over, wake the editor
        // in case it was stopped already, and take the terminal back afterwards.
        let terminal = isatty(STDIN_FILENO) == 1
        if terminal {
            let previous = signal(SIGTTOU, SIG_IGN)
            defer { signal(SIGTTOU, previous) }
            tcsetpgrp(STDIN_FILENO, process.processIdentifier)
            killpg(process.processIdentifier, SIGCONT)
        }
        process.waitUntilExit()
        if terminal {
            let previous = signal(SIGTTOU, SIG_IGN)
            tcsetpgrp(STDIN_FILENO, getpgrp())
            signal(SIGTTOU, previous)
        }
        if process.terminationStatus != 0 {
            throw SessionError(
                "there was a problem with the editor \"\(editor)\"",
                hint: "it exited with status \(process.terminationStatus); the object is unchanged")
        }
    }

    struct EditProblems: Error {
        var kubectl: [String]
        var findings: [Diagnostic]
    }

    /// The saved text as an object of the same kind and name, or what is wrong with it.
    func editedObject(_ text: String, like live: KubeObject, file: String, firstLine: Int = 1) -> Result<
        KubeObject, EditProblems
    > {
        let result = ManifestLoader.load(text: text, file: file, firstLine: firstLine, options: Session.loaderOptions)
        let errors = result.errors
        if !result.rejections.isEmpty || !errors.isEmpty {
            let kubectl = result.rejections.flatMap { r -> [String] in
                if case .invalid(let causes) = r.reason { return causes.map(\.text) }
                return [r.kubectlMessage(file: file, verb: "patching")]
            }
            return .failure(EditProblems(kubectl: kubectl, findings: errors))
        }
        guard result.objects.count == 1, let object = result.objects.first?.object,
            object.kind == live.kind, object.name == live.name
        else {
            return .failure(
                EditProblems(kubectl: ["At least one of apiVersion, kind and name was changed"], findings: []))
        }
        return .success(object)
    }

    /// The file again, with kubectl's list of failures, and stsim's findings at their new lines.
    private static func reopened(_ body: String, problems: [String], live: KubeObject, findings: [Diagnostic]) -> String
    {
        var lines = editHeader.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.append("# \(live.kind.qualifiedResource) \"\(live.name)\" was not valid:")
        for p in problems {
            for (i, l) in p.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append(i == 0 ? "# * \(l)" : "#   \(l)")
            }
        }
        // The body moves down by the comment lines written above it.
        let shift = lines.count + findings.count + 1
        for f in findings {
            let at = f.location.map { "line \($0.line + shift), column \($0.column): " } ?? ""
            lines.append("# \(at)\(f.message)\(f.hint.map { " (\($0))" } ?? "")")
        }
        lines.append("#")
        return lines.joined(separator: "\n") + "\n" + body
    }

    /// kubectl ignores lines that start with `#` (after the YAML is saved); so does the comparison.
    static func withoutComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }
            .joined(separator: "\n")
    }
}
