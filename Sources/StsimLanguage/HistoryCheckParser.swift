import StsimEngine

/// The words after `expect` that make a history check: `order`, `happened`, `never`, `within`,
/// `throughout` (or `always`), `eventually`, and `since MARK` before any of them.
enum HistoryCheckParser {
    static let leadWords = ["order", "happened", "never", "within", "throughout", "always", "eventually", "since"]

    static func parse(_ lead: Argument, _ args: inout ParsedArguments) throws(Diagnostic) -> Expectation {
        var lead = lead
        var since: Argument?
        if lead.text == "since" {
            since = try args.next("the mark's NAME")
            lead = try args.next("a history check after since NAME (order, happened, never, within, throughout)")
            guard leadWords.contains(lead.text), lead.text != "since" else {
                throw Diagnostic(
                    at: lead.location, "expect since NAME takes a history check, not \"\(lead.text)\"",
                    hint: "as in: expect since scaled never count pods running > 3")
            }
        }
        let check = try body(lead, &args)
        try args.finish()
        return .history(check, since: since)
    }

    private static func body(_ lead: Argument, _ args: inout ParsedArguments) throws(Diagnostic) -> HistoryCheck {
        switch lead.text {
        case "order":
            var list = [try happening(&args)]
            while let op = args.nextIfAny() {
                guard op.text == "<" else {
                    throw Diagnostic(
                        at: op.location, "expected \"<\" between happenings, not \"\(op.text)\"",
                        hint: "as in: expect order created pod/web-0 < ready pod/web-0")
                }
                list.append(try happening(&args))
            }
            guard list.count > 1 else {
                throw Diagnostic(at: lead.location, "expect order needs two happenings or more, joined by <")
            }
            return .order(list)
        case "happened": return .happened(try happening(&args))
        case "never": return try never(&args)
        case "within":
            let d = try ParsedArguments.duration(try args.next("the duration"))
            if let next = args.peek(), Happening.Word(rawValue: next.text) != nil {
                return .happenedWithin(d, try happening(&args))
            }
            return .within(d, try state(&args))
        case "eventually": return .eventually(try state(&args))
        default:
            let check = try state(&args)
            if check.state == "Bound", check.kind == .persistentVolumeClaim, let to = args.peek(), to.text == "to" {
                let words = args.rest().map(\.text)
                guard words == ["to", "the", "same", "volume"] else {
                    throw Diagnostic(at: to.location, "expected \"to the same volume\"")
                }
                return .sameVolume(claim: check.name)
            }
            return .throughout(check)
        }
    }

    private static func never(_ args: inout ParsedArguments) throws(Diagnostic) -> HistoryCheck {
        let what = try args.next("what must never happen")
        switch what.text {
        case "count":
            let kind = try ParsedArguments.kind(try args.next("KIND"))
            var word = try args.next("a comparison such as >")
            var state: String?
            if Comparison(rawValue: word.text) == nil {
                state = try args.choice(word, of: countStates, what: "the state")
                word = try args.next("a comparison such as >")
            }
            let cmp = try args.choice(word, of: Comparison.allCases, what: "the comparison")
            let n = try ParsedArguments.integer(try args.next("N"), what: "the count")
            return .neverCount(
                kind: kind, selector: args.flag("selector")?.text, state: state, comparison: cmp, value: n)
        case "two":
            let (kind, name) = try object(try args.next("pod/NAME"))
            guard kind == .pod else {
                throw Diagnostic(
                    at: name.location, "never two checks copies of a pod, as in: expect never two pod/web-1")
            }
            return .neverTwo(pod: name)
        default:
            args.pushBack(what)
            return .never(try happening(&args))
        }
    }

    static let countStates = ["Running", "Ready", "Pending", "Terminating", "Bound"]

    static func happening(_ args: inout ParsedArguments) throws(Diagnostic) -> Happening {
        let w = try args.next("a happening such as ready pod/web-0")
        let word = try args.choice(w, of: Happening.Word.allCases, what: "the happening")
        if word == .event {
            let reason = try args.next("the event's REASON")
            var kind: ResourceKind?
            var name: String?
            if let on = args.peek(), on.text == "on" {
                _ = args.nextIfAny()
                let (k, n) = try object(try args.next("KIND/NAME"))
                kind = k
                name = n.text
            }
            return Happening(word: word, kind: kind, name: name, reason: reason.text, location: w.location)
        }
        let (kind, name) = try object(try args.next("KIND/NAME"))
        return Happening(word: word, kind: kind, name: name.text, reason: nil, location: w.location)
    }

    /// `pod/web-0`, located at the name.
    static func object(_ a: Argument) throws(Diagnostic) -> (ResourceKind, Argument) {
        guard let slash = a.text.firstIndex(of: "/") else {
            throw Diagnostic(at: a.location, "expected KIND/NAME, as in pod/web-0, not \"\(a.text)\"")
        }
        let kind = try ParsedArguments.kind(Argument(String(a.text[..<slash]), at: a.location))
        var at = a.location
        at.column += a.text.distance(from: a.text.startIndex, to: slash) + 1
        let name = String(a.text[a.text.index(after: slash)...])
        guard !name.isEmpty else { throw Diagnostic(at: at, "missing the NAME after \(kind.singular)/") }
        return (kind, Argument(name, at: at))
    }

    private static func state(_ args: inout ParsedArguments) throws(Diagnostic) -> StateCheck {
        let kind = try ParsedArguments.kind(try args.next("KIND"))
        let name = try args.next("NAME")
        let state = try args.choice(try args.next("the state"), of: CheckCommands.states, what: "the state")
        return StateCheck(kind: kind, name: name, state: state)
    }
}
