import StsimEngine

/// `create pdb` (kubectl's `create poddisruptionbudget`), with kubectl's own checks of its flags.
extension ResourceCommands {
    static let createDisruptionBudget = CommandSpec(
        "pdb", aliases: ["poddisruptionbudget", "poddisruptionbudgets"], group: .resources,
        summary: "a PodDisruptionBudget that drain's evictions respect",
        examples: [
            "create pdb web-pdb --selector app=web --min-available 2",
            "create pdb web-pdb --selector app=web --max-unavailable 50%",
        ],
        flags: [
            FlagSpec("selector", value: "SELECTOR", help: "the pods it covers (app=web)", required: true),
            FlagSpec("min-available", value: "N|N%", help: "pods that must stay available"),
            FlagSpec("max-unavailable", value: "N|N%", help: "pods that may be unavailable at once"),
        ],
        positionals: [.none], arguments: "NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let name = try args.next("NAME")
        guard let sel = args.flag("selector"), !sel.text.isEmpty else {
            throw Diagnostic(
                at: name.location, "a selector must be specified",
                hint: "for example: create pdb \(name.text) --selector app=web --min-available 1")
        }
        let min = args.flag("min-available")
        let max = args.flag("max-unavailable")
        guard min != nil || max != nil else {
            throw Diagnostic(at: name.location, "one of min-available or max-unavailable must be specified")
        }
        if min != nil, let max {
            throw Diagnostic(at: max.location, "min-available and max-unavailable cannot be both specified")
        }
        // kubectl's `^[0-9]+%?$`: 2 or 50%, not 2Gi.
        for (flag, value) in [("min-available", min), ("max-unavailable", max)] {
            guard let value else { continue }
            let digits = value.text.hasSuffix("%") ? value.text.dropLast() : Substring(value.text)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw Diagnostic(
                    at: value.location, "invalid format specified for \(flag)", hint: "write it like 2 or 50%")
            }
        }
        let selector = try SelectorText.parse(sel.text, at: sel.location)
        try args.finish()
        return .create(
            .podDisruptionBudget(name: name, selector: selector, minAvailable: min?.text, maxUnavailable: max?.text))
    }
}
