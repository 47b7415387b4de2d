import StsimEngine
import StsimLanguage
import StsimManifests
import StsimSession

/// The fuzz targets of issue 17: what a stranger's file reaches first. Each takes any bytes; a
/// crash, a hang or a leak is a finding (`scripts/fuzz TARGET SECONDS`).
enum FuzzTarget: String, CaseIterable {
    /// The lexer and the parser: every command of the text, parsed against the registry.
    case lexer
    /// The manifest loader: YAML/JSON to objects, with located findings.
    case manifest
    /// A whole script run against a fresh cluster, with small limits so one input stays quick.
    case script

    func run(_ text: String) {
        switch self {
        case .lexer:
            for case .command(let command) in Lexer.lex(text, file: "fuzz.sts") {
                _ = try? Parser.parse(command, variables: ["X": "x"])
            }
        case .manifest:
            _ = ManifestLoader.load(text: text, file: "fuzz.yaml")
        case .script:
            var options = Session.Options()
            options.limits.objectsPerKind = 2_000
            options.limits.replicasPerSet = 50
            options.limits.eventsPerCommand = 50_000
            options.limits.wordBytes = 1 << 16
            options.limits.commandBytes = 1 << 18
            options.keepGoing = true
            _ = Session(options: options, output: CapturedOutput()).runScript(text, file: "fuzz.sts")
        }
    }
}
