import StsimEngine
import StsimLanguage
import StsimManifests
import StsimRender

extension Session {
    /// `--sort-by`: each kind's objects in the expression's order (kubectl sorts the list it got).
    func sortedForGet(_ sections: [(ResourceKind, [KubeObject])], by expression: Argument?) throws
        -> [(ResourceKind, [KubeObject])]
    {
        guard let expression else { return sections }
        do {
            return try sections.map { kind, objects throws(JSONPathError) in
                (kind, try SortBy.sorted(objects, by: expression.text, timestamps: Session.timestamps))
            }
        } catch {
            throw Diagnostic(at: expression.location, error.message)
        }
    }

    /// `-o jsonpath|jsonpath-file|custom-columns|custom-columns-file`. kubectl hands a jsonpath
    /// the object itself when one was named, else a `kind: List`; custom-columns prints a row per
    /// object. kubectl ends no line after a jsonpath or go-template; stsim ends it, so the next
    /// prompt or command starts on a line of its own.
    func printTemplate(_ template: OutputTemplate, objects: [KubeObject], single: Bool, noHeaders: Bool = false)
        throws
    {
        let t = Session.timestamps
        switch template {
        case .jsonPath(let text): try printJSONPath(text, source: text.text, data: wire(objects, single: single))
        case .jsonPathAsJSON(let text):
            try printJSONPath(text, source: text.text, data: wire(objects, single: single), asJSON: true)
        case .jsonPathFile(let file):
            try printJSONPath(file, source: try readFile(file), data: wire(objects, single: single))
        case .customColumns(let spec):
            let columns = try located(spec) { () throws(JSONPathError) in try CustomColumns(spec: spec.text) }
            let wires = objects.map { ManifestWriter.wire($0, timestamps: t) }
            printer.block(
                try located(spec) { () throws(JSONPathError) in try columns.table(wires, headers: !noHeaders) })
        case .goTemplate(let text): try printGoTemplate(text, source: text.text, data: wire(objects, single: single))
        case .goTemplateFile(let file):
            try printGoTemplate(file, source: try readFile(file), data: wire(objects, single: single))
        case .customColumnsFile(let file):
            let text = try readFile(file)
            let columns = try located(file) { () throws(JSONPathError) in try CustomColumns(file: text) }
            let wires = objects.map { ManifestWriter.wire($0, timestamps: t) }
            printer.block(
                try located(file) { () throws(JSONPathError) in try columns.table(wires, headers: !noHeaders) })
        }
    }

    /// A template over a tree that is not a list of objects (`config view -o jsonpath=...`).
    func printTemplate(_ template: OutputTemplate, data: WireValue) throws {
        switch template {
        case .jsonPath(let text): try printJSONPath(text, source: text.text, data: data)
        case .jsonPathAsJSON(let text): try printJSONPath(text, source: text.text, data: data, asJSON: true)
        case .jsonPathFile(let file): try printJSONPath(file, source: try readFile(file), data: data)
        case .goTemplate(let text): try printGoTemplate(text, source: text.text, data: data)
        case .goTemplateFile(let file): try printGoTemplate(file, source: try readFile(file), data: data)
        case .customColumns(let spec), .customColumnsFile(let spec):
            throw Diagnostic(at: spec.location, "custom-columns prints objects of the API, not this")
        }
    }

    /// `asJSON` (`-o jsonpath-as-json`): client-go's JSON output, each action's values as one
    /// array indented by four spaces, each on its own line.
    private func printJSONPath(_ at: Argument, source: String, data: WireValue, asJSON: Bool = false) throws {
        let path = try located(at, prefix: "error parsing jsonpath \(source), ") { () throws(JSONPathError) in
            try JSONPath(source)
        }
        // kubectl goes on to dump the whole object as a Go value; the template is what helps.
        let failed =
            "error executing jsonpath \"\(source)\": Error executing template: "
        let text = try located(at, prefix: failed) { () throws(JSONPathError) in
            do throws(JSONPathError) {
                guard asJSON else { return try path.text(data) }
                return try path.results(data).map { ManifestWriter.json(value: .array($0)) }.joined()
            } catch {
                throw JSONPathError(
                    error.message + ". Printing more information for debugging the template:\n\ttemplate was:\n\t\t"
                        + source)
            }
        }
        printer.block(text)
    }

    private func printGoTemplate(_ at: Argument, source: String, data: WireValue) throws {
        let template = try located(at, prefix: "error parsing template \(source), ") { () throws(JSONPathError) in
            try GoTemplate(source)
        }
        printer.block(
            try located(at, prefix: "error executing template \"\(source)\": ") { () throws(JSONPathError) in
                try template.text(data)
            })
    }

    /// What kubectl's printers are given: the object itself when one was named, else a List.
    private func wire(_ objects: [KubeObject], single: Bool) -> WireValue {
        let t = Session.timestamps
        return single && objects.count == 1
            ? ManifestWriter.wire(objects[0], timestamps: t) : ManifestWriter.wire(list: objects, timestamps: t)
    }

    /// The template error as kubectl words it, at the word that holds the template.
    private func located<T>(_ at: Argument, prefix: String = "", _ body: () throws(JSONPathError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Diagnostic(at: at.location, prefix + error.message)
        }
    }
}
