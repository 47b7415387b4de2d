/// `help` and `help COMMAND`, made from the registry's declarations.
public enum HelpText {
    public static func overview(_ registry: CommandRegistry = .standard) -> String {
        var out = ["stsim: a simulated Kubernetes cluster, in virtual time, for learning StatefulSets.", ""]
        let width = (registry.specs.map { $0.name.count }.max() ?? 8) + 2
        for group in CommandGroup.allCases {
            let specs = registry.specs.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            out.append(group.rawValue)
            for spec in specs {
                let name = spec.name.padding(to: width)
                let planned = spec.isPlanned ? " (not yet available)" : ""
                let aliases = spec.aliases.isEmpty ? "" : " (also: \(spec.aliases.joined(separator: ", ")))"
                out.append("  \(name)\(spec.summary)\(aliases)\(planned)")
            }
            out.append("")
        }
        out.append("help COMMAND shows its usage and examples. A leading \"kubectl\" is accepted and ignored.")
        out.append("help cluster describes the real clusters stsim can imitate (--cluster, reset --cluster).")
        out.append("stsim export FILE.sts > run.sh writes a script's scenario as kubectl commands for a real cluster.")
        return out.joined(separator: "\n")
    }

    public static func command(_ spec: CommandSpec) -> String {
        var out = ["\(spec.name): \(spec.summary)"]
        if let planned = spec.plannedWith ?? (spec.isPlanned ? spec.subcommands.first?.plannedWith : nil) {
            out.append("Not yet available in this version of stsim: it comes with \(planned).")
        }
        if !spec.aliases.isEmpty {
            out.append("Also: \(spec.aliases.joined(separator: ", "))")
        }
        out.append("")
        out.append("Usage:")
        out += spec.usage.map { "  \($0)" }
        if let details = spec.details {
            out.append("")
            out += details.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        out += flagTable(spec.flags, title: "Flags:")
        for sub in spec.subcommands {
            let planned = sub.plannedWith == nil ? "" : " (not yet available)"
            out += flagTable(sub.flags, title: "\(sub.name): \(sub.summary)\(planned)", always: true)
        }
        out.append("")
        out.append(spec.examples.count == 1 ? "Example:" : "Examples:")
        for example in spec.examples {
            out += example.split(separator: "\n").map { "  \($0)" }
        }
        return out.joined(separator: "\n")
    }

    /// A blank line, the title, and one line per flag; nothing for no flags unless `always`.
    static func flagTable(_ flags: [FlagSpec], title: String, always: Bool = false) -> [String] {
        guard always || !flags.isEmpty else { return [] }
        let width = (flags.map { $0.display.count }.max() ?? 0) + 3
        return ["", title] + flags.map { "  \($0.display.padding(to: width))\($0.help)" }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

extension HelpText {
    /// `docs/commands.md`: the whole language as one page, generated from the same declarations
    /// as `help`, so the document cannot drift from the program (a test checks it is current).
    public static func markdownReference(_ registry: CommandRegistry = .standard) -> String {
        var out = [
            "# stsim commands", "",
            "Generated from the command registry (`Sources/StsimLanguage/*Commands.swift`); do not edit by hand.",
            "Regenerate with `STSIM_RECORD=1 swift test --filter CommandsDocumentTests`.", "",
            "These are the commands of the language (the prompt, scripts, `stsim -c`). The executable's own",
            "modes are in [language.md](language.md): among them `stsim serve`, the cluster as a Kubernetes API",
            "for the real kubectl, and `stsim export FILE.sts > run.sh`, a script's scenario as kubectl commands",
            "for a real cluster ([export.md](export.md) has its translation table).", "",
        ]
        for group in CommandGroup.allCases {
            let specs = registry.specs.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            out += ["## \(group.rawValue)", ""]
            for spec in specs { out += markdown(spec) }
        }
        return out.joined(separator: "\n")
    }

    /// One command's section of `docs/commands.md`, its sub-commands as sections below it.
    static func markdown(_ spec: CommandSpec, level: String = "###") -> [String] {
        var out = ["\(level) `\(spec.name)`" + (spec.isPlanned ? " (not yet available)" : ""), ""]
        out.append(spec.summary + (spec.aliases.isEmpty ? "" : " Also: `\(spec.aliases.joined(separator: "`, `"))`."))
        if let planned = spec.plannedWith { out += ["", "Comes with \(planned)."] }
        out += ["", "```"] + spec.usage + ["```"]
        if let details = spec.details { out += ["", details] }
        if !spec.flags.isEmpty {
            out += ["", "| flag | meaning |", "| --- | --- |"]
            out += spec.flags.map { "| `\($0.display)` | \($0.help) |" }
        }
        out += ["", "Example" + (spec.examples.count == 1 ? ":" : "s:"), "", "```"]
        out += spec.examples
        out += ["```", ""]
        for sub in spec.subcommands { out += markdown(sub, level: level + "#") }
        return out
    }
}
