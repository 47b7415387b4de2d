// TEMPORARY host for developing the terminal layer: the coordinator replaces this file with the
// real Session wiring. It only mimics what the terminal test relies on: the `stsim HH:MM:SS> `
// prompt, command-word completion (`sca` -> `scale`) and output for `help`.
import StsimTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class DevelopmentHost: ReplHost {
    private var seconds = 0
    private let commands = ["help", "quit", "say", "scale", "sleep", "status"]
    private let targets = ["deployment/", "deployment/web", "deployment/worker", "statefulset/db"]

    var prompt: String {
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return "stsim \(twoDigits(hours)):\(twoDigits(minutes)):\(twoDigits(rest))> "
    }

    func needsMoreInput(_ text: String) -> Bool {
        var quote: Character?
        for character in text {
            if let open = quote { if character == open { quote = nil } } else if character == "\"" || character == "'" { quote = character }
        }
        return quote != nil || text.hasSuffix("\\")
    }

    func execute(_ text: String, interrupted: @escaping () -> Bool) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        // `#` starts a comment, as in the command language.
        switch words.first?.hasPrefix("#") == true ? nil : words.first {
        case nil:
            break
        case "quit", "exit":
            return false
        case "help":
            print("commands: " + commands.joined(separator: " "))
        case "say":
            print(words.dropFirst().joined(separator: " "))
        case "scale":
            print("scale: " + words.dropFirst().joined(separator: " "))
        case "status":
            print("clock at \(seconds)s")
        case "sleep":
            // Stands in for a long settle: real time passes and Ctrl-C must stop it.
            let target = Int(words.dropFirst().first ?? "") ?? 5
            var tenths = 0
            while tenths < target * 10 && !interrupted() {
                usleep(100_000)
                tenths += 1
            }
            seconds += tenths / 10
            print(interrupted() ? "interrupted after \(tenths / 10)s" : "slept \(target)s")
        default:
            print("error: unknown command '\(words.first ?? "")'")
        }
        return true
    }

    func completions(linePrefix: String) -> [String] {
        let words = linePrefix.split(separator: " ", omittingEmptySubsequences: false)
        let word = String(words.last ?? "")
        let pool = words.count <= 1 ? commands : words.first == "scale" ? targets + ["--replicas="] : []
        return pool.filter { $0.hasPrefix(word) }
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

exit(Repl.run(host: DevelopmentHost()))
