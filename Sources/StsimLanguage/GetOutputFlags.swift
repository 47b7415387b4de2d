import StsimEngine

/// `-o jsonpath=...` and the other printers that carry a template (kubectl's
/// `--output FORMAT=TEMPLATE`, or `-o FORMAT --template TEMPLATE`).
public enum OutputTemplate: Hashable, Sendable {
    case jsonPath(Argument)
    /// `-o jsonpath-as-json=...`: each action's values as one indented JSON array.
    case jsonPathAsJSON(Argument)
    case jsonPathFile(Argument)
    case customColumns(Argument)
    case customColumnsFile(Argument)
    case goTemplate(Argument)
    case goTemplateFile(Argument)
}

/// How `get` prints, beyond the plain table: the `-o` printer, `-L`, `--sort-by`, `--show-kind`.
public struct GetPrinting: Hashable, Sendable {
    public var template: OutputTemplate?
    public var labelColumns: [String] = []
    public var sortBy: Argument?
    public var showKind = false
    /// `--no-headers`.
    public var noHeaders = false
    public init() {}
}

extension ResourceCommands {
    static let getPrintingFlags: [FlagSpec] = [
        FlagSpec(
            "label-columns", short: "L", value: "KEY",
            help: "a column with each object's value of this label (repeat it, or KEY1,KEY2)"),
        FlagSpec("sort-by", value: "EXPR", help: "order the list by a JSONPath expression (.metadata.name)"),
        FlagSpec("show-kind", help: "prefix names with their kind, as for several kinds"),
        FlagSpec("no-headers", help: "the table's rows without the header line (also custom-columns)"),
        FlagSpec(
            "template", value: "TEMPLATE", help: "the template of -o jsonpath or go-template (alone: a go-template)"),
    ]

    /// kubectl's printer names (cli-runtime's allowed formats) that stsim prints.
    static let outputFormats = [
        "wide", "yaml", "json", "name", "jsonpath", "jsonpath-as-json", "jsonpath-file", "custom-columns",
        "custom-columns-file",
        "go-template", "go-template-file", "template", "templatefile",
    ]

    /// `-o` with its template, as kubectl splits `FORMAT=TEMPLATE` at the first `=`.
    static func output(_ args: ParsedArguments) throws(Diagnostic) -> (OutputFormat, OutputTemplate?) {
        guard let o = args.flag("output") else {
            // kubectl: --template alone means -o go-template.
            return (.table, args.flag("template").map { .goTemplate($0) })
        }
        // kubectl's printers compare the format name in lower case (`-o JSON` works).
        let (given, inline) = split(o)
        let name = given.lowercased()
        if let plain = OutputFormat(rawValue: name), plain != .table, inline == nil {
            return (plain, nil)
        }
        guard outputFormats.contains(name), OutputFormat(rawValue: name) == nil else {
            throw Diagnostic(
                at: o.location,
                "unable to match a printer suitable for the output format \"\(o.text)\", allowed formats are: "
                    + outputFormats.sorted().joined(separator: ","),
                hint: Suggestion.hint(for: name, in: outputFormats))
        }
        guard let template = inline ?? args.flag("template") else {
            throw Diagnostic(at: o.location, "template format specified but no template given")
        }
        switch name {
        case "jsonpath": return (.table, .jsonPath(template))
        case "jsonpath-as-json": return (.table, .jsonPathAsJSON(template))
        case "jsonpath-file": return (.table, .jsonPathFile(template))
        case "custom-columns": return (.table, .customColumns(template))
        case "custom-columns-file": return (.table, .customColumnsFile(template))
        case "go-template", "template": return (.table, .goTemplate(template))
        default: return (.table, .goTemplateFile(template))
        }
    }

    private static func split(_ o: Argument) -> (String, Argument?) {
        guard let eq = o.text.firstIndex(of: "=") else { return (o.text, nil) }
        var location = o.location
        location.column += o.text.distance(from: o.text.startIndex, to: eq) + 1
        return (String(o.text[..<eq]), Argument(String(o.text[o.text.index(after: eq)...]), at: location))
    }

    static func printing(_ args: ParsedArguments, template: OutputTemplate?) throws(Diagnostic) -> GetPrinting {
        var p = GetPrinting()
        p.template = template
        p.labelColumns = (args.flags["label-columns"] ?? []).flatMap { $0.text.split(separator: ",").map(String.init) }
        p.sortBy = args.flag("sort-by")
        p.showKind = try args.bool("show-kind")
        p.noHeaders = try args.bool("no-headers")
        return p
    }
}
