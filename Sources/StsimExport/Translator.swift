import StsimEngine
import StsimLanguage

/// One stsim command as the kubectl command(s) a person would type on a real cluster. Where
/// stsim's words are kubectl's (get, describe, logs, label, rollout, wait --for, ...) they are
/// kept as written; stsim's shortcuts (`scale sts web 3`, `create sts`, `wait pod NAME Ready`)
/// become their kubectl form; stsim-only commands become a skip that says how.
struct Translator {
    let statement: Statement
    let text: CommandText
    /// The words after `${NAME}` expansion, without a leading `kubectl`.
    let words: [String]
    /// The here-document's text, expanded.
    let hereDocument: String?
    let options: ExportOptions
    let read: (String) -> String?
    let variables: [String: String]
    /// `FILE:LINE` of the command in the .sts.
    let whereText: String

    init(
        statement: Statement, text: CommandText, variables: [String: String], options: ExportOptions,
        read: @escaping (String) -> String?
    ) throws(Diagnostic) {
        var words: [String] = []
        for word in text.words { words.append(options.realNodeName(try word.expanded(with: variables))) }
        if words.first == "kubectl" { words.removeFirst() }
        let here = try Parser.hereDocumentText(text.hereDocument, variables: variables)?.0
        self.statement = statement
        self.text = text
        self.words = words
        self.hereDocument = here
        self.options = options
        self.read = read
        self.variables = variables
        self.whereText = ScriptExport.located(text.location)
    }

    /// The command as written, for skip lines.
    var written: String {
        String(text.text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// `-n NS` of the statement, for commands rebuilt from their typed value.
    var namespaceFlag: [String] { statement.namespace.map { ["-n", $0.text] } ?? [] }

    func translate() -> Translation {
        switch statement.command {
        case .create(let c): create(c)
        case .apply(let source, _): manifests(source)
        case .replace(let source, _): manifests(source)
        case .diff(let source):
            // kubectl diff exits 1 when the objects differ, which is what it is for.
            manifests(source, suffix: " || test $? -eq 1")
        case .apiResources, .explain, .describe, .kubectlWait, .exec: asWritten()
        case .describeFiles(let source): manifests(source)
        case .copy(let c): copy(c)
        case .setImage, .changeMetadata: asWritten(changesCluster: true)
        case .delete(let d):
            if case .manifests(let source) = d.target { manifests(source) } else { asWritten(changesCluster: true) }
        case .get(let g):
            if let source = g.source { manifests(source) } else { g.watch || g.watchOnly ? watch() : asWritten() }
        case .scale(let s): scale(s)
        case .edit(let kind, let name, _, let replacement): edit(kind, name.text, replacement)
        case .patch(let kind, let name, let change, _): patch(kind, name.text, change)
        case .fault(let f): fault(f)
        case .tick(let d):
            .command(["stsim_tick \(BashText.word(whereText)) \((d.milliseconds + 999) / 1000)"])
        case .settle(let timeout, _):
            .command([
                "stsim_settle \(BashText.word(whereText))"
                    + (timeout.map { " " + BashText.seconds($0.milliseconds) } ?? "")
            ])
        case .wait(let kind, let name, let condition, let timeout): wait(kind, name.text, condition, timeout)
        case .rollout(let r): rollout(r)
        case .config(let action): config(action)
        case .echo(let s): .command([s.isEmpty ? "echo" : "echo \(BashText.word(s))"])
        case .dig(let type, let name, let search): dig(type, name.text, search: search)
        case .proxy(let port): proxy(port)
        case .curl(let c): curl(c)
        case .execAttached(let e): attachedExec(e)
        case .logs(let l): l.follow ? watch() : asWritten()
        case .runPod(let r): runPod(r)
        case .snapshot:
            .command(
                ["kubectl get nodes,statefulsets,pods,persistentvolumeclaims,persistentvolumes,services -o wide"],
                notes: ["snapshot draws the whole state; the nearest real view is this list"])
        case .events(let e): events(e)
        case .expect(let e): expect(e)
        case .mode(let auto):
            Translation(
                notes: [
                    auto
                        ? "(mode auto: from here the script settles after each command that changes the cluster)"
                        : "(mode step: from here the script waits only where it says: settle, wait, tick)"
                ])
        case .define(let name, _):
            Translation(notes: ["(${\(name)} is expanded in the commands below)"])
        case .quit: .command(["exit 0"])
        // No default: a new command must say here how it goes to a real cluster.
        case .clock, .timeline, .explore, .mark, .lesson, .help, .history, .unwatch, .reset, .undo, .seed,
            .setting, .run, .save, .load, .unavailable, .serve:
            stsimOnly()
        }
    }

    /// The words as written: stsim reads them as kubectl does.
    func asWritten(changesCluster: Bool = false) -> Translation {
        var lines = ["kubectl " + BashText.words(words) + (hereDocument == nil ? "" : " <<'\(doc.delimiter)'")]
        if hereDocument != nil { lines += doc.lines }
        return .command(lines, changesCluster: changesCluster)
    }

    private var doc: (delimiter: String, lines: [String]) { BashText.hereDocument(hereDocument ?? "") }

    /// `kubectl proxy` serves until stopped: in the background, for the `curl` lines after it.
    func proxy(_ port: Int) -> Translation {
        var t = Translation.command(
            ["kubectl proxy --port=\(port) >/dev/null &", "sleep 1  # kubectl proxy starts listening"],
            notes: ["in the background; the script's end stops it"])
        t.single = false
        t.outputLine = nil
        return t
    }

    /// `get -w`, `logs -f`: they never end by themselves.
    func watch() -> Translation {
        .command(
            ["stsim_watch kubectl " + BashText.words(words)],
            notes: ["a watch: it runs STSIM_WATCH_SECONDS, then the script goes on"])
    }
}
