import StsimEngine

/// stsim has no shell pipes. A `|` copied from a tutorial (`get pods | head`) would otherwise
/// turn `|`, `head` and `-30` into object names or flags; it is refused once, where it stands,
/// with the stsim way to get a shorter answer.
enum Pipes {
    /// Where the first unquoted `|` is, if any (a quoted one is data: `exec web-0 -- sh -c 'a | b'`).
    static func firstPipe(in words: [Word]) -> SourceLocation? {
        for word in words where !word.wasQuoted {
            var column = word.location.column
            for part in word.parts {
                guard case .text(let text) = part else { continue }
                if let bar = text.firstIndex(of: "|") {
                    var l = word.location
                    l.column = column + text.distance(from: text.startIndex, to: bar)
                    return l
                }
                column += text.count
            }
        }
        return nil
    }

    static func diagnostic(at location: SourceLocation, head: String) -> Diagnostic {
        let narrower =
            switch head {
            case "get": "get pods -l app=web, get pods -o name, or name the objects: get pod web-0"
            case "describe": "describe one object: describe pod web-0, or describe pods -l app=web"
            default: "help \(head) lists what \(head) takes"
            }
        return Diagnostic(
            at: location, "stsim has no pipes: \"|\" and the words after it are not run",
            hint: "stsim prints the whole answer; to narrow it: \(narrower)")
    }
}
