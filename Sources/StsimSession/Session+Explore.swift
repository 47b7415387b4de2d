import Foundation
import StsimEngine
import StsimLanguage

/// What the session hands `explore`'s search, which lives in the StsimExplore target above this
/// one and is plugged in by the executable (`exploreHandler`).
public struct ExploreContext {
    public let request: ExploreRequest
    /// The scenario's text, read through the session's door for host files.
    public let scenario: String
    /// The session's own options (seed, nodes, limits), for the quiet sessions the search runs.
    public let options: Session.Options
    public let print: (String) -> Void
    /// True once the user pressed Ctrl-C (or a script's budget ran out): stop with what was found.
    public let interrupted: () -> Bool
    /// Whether a person watches (a progress line is worth printing).
    public let interactive: Bool
    /// Writes one counterexample script into `--out DIR` under NAME; returns the path.
    public let write: (_ name: String, _ text: String) throws -> String
}

extension Session {
    /// `explore SCENARIO.sts ...`: fails (exit 1 in a script) when a promise was broken.
    func explore(_ request: ExploreRequest) throws -> Outcome {
        guard let handler = exploreHandler else {
            throw SessionError("explore is not available here: it needs the stsim executable's search")
        }
        let text = try readFile(request.file)
        if let written = request.out {
            // The folder as the host sees it (a lesson's is under the lesson); `write` confines
            // each file's path itself.
            let out = try confine(written)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: out.text, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw Diagnostic(at: out.location, "\"\(out.text)\" is a file, not a folder")
            }
            do {
                try FileManager.default.createDirectory(atPath: out.text, withIntermediateDirectories: true)
            } catch {
                throw Diagnostic(at: out.location, "cannot make the folder \"\(out.text)\"")
            }
        }
        let context = ExploreContext(
            request: request, scenario: text, options: options, print: { [printer] in printer.line($0) },
            interrupted: interrupted, interactive: interactive,
            write: { [unowned self] name, text in
                let path = (request.out?.text ?? ".") + "/" + name
                try self.writeHostFile(Argument(path, at: request.out?.location ?? request.file.location), text)
                return path
            })
        do {
            return try handler(context) ? .ok : .failed
        } catch let failure as ScenarioFailure {
            printer.errorLine(failure.message)
            printer.errorLine("  explore stopped: the scenario must run (in step mode) before any fault is tried")
            return .failed
        }
    }
}
