import Foundation
import StsimEngine
import StsimLanguage
import StsimManifests

/// `create configmap` and `create secret generic`: the object kubectl's generators build from
/// literals and host files, then one create (or, with `--dry-run=client`, only the print).
extension Session {
    func createConfigData(_ c: ConfigDataCommand) throws {
        // kubectl wraps the server's error in its own words (create_configmap.go, create_secret.go).
        let lead = c.kind == .configMap ? "failed to create configmap: " : "failed to create secret "
        try createGenerated(try configDataObject(c), options: c.options, failure: lead)
    }

    /// What each `create KIND NAME` generator does with its object: print it (`--dry-run=client`),
    /// or create it and print kubectl's line, the server's error under kubectl's `lead`.
    func createGenerated(_ object: KubeObject, options: WriteOptions, failure lead: String? = nil) throws {
        var writer = ObjectWriter(options)
        let outcome: DocumentOutcome
        if options.dryRun == .client {
            outcome = writer.written(object, "created")
        } else {
            var stored = object
            if stored.kind.isNamespaced, stored.metadata.namespace.isEmpty {
                stored.metadata.namespace = cluster.config.namespace
            }
            switch cluster.create(stored, dryRun: options.dryRun == .server) {
            case .success(let created): outcome = writer.written(created, "created")
            case .failure(let e):
                if let lead, e.setting == nil { throw SessionError(lead + e.message) } else { throw e }
            }
        }
        switch outcome {
        case .printed(let s): printer.block(s)
        case .done(let line): printer.line(line)
        default: break
        }
    }

    /// The object kubectl's generator builds; a namespace only when `-n` named one.
    private func configDataObject(_ c: ConfigDataCommand) throws -> KubeObject {
        var text: [String: String] = [:]
        var bytes: [String: [UInt8]] = [:]
        func add(_ key: String, _ value: [UInt8], at location: SourceLocation) throws {
            let causes = Validation.configKey(key, "data")
            if !causes.isEmpty {
                let lead = "Invalid value: \(GoSyntax.quote(key)): "
                let reason = causes.map { String($0.body.dropFirst(lead.count)) }.joined(separator: ";")
                throw Diagnostic(
                    at: location,
                    c.kind == .configMap
                        ? "\(GoSyntax.quote(key)) is not a valid key name for a ConfigMap: \(reason)"
                        : "\(GoSyntax.quote(key)) is not valid key name for a Secret \(reason)")
            }
            if text[key] != nil || bytes[key] != nil {
                let bag = text[key] != nil ? "Data" : "BinaryData"
                throw Diagnostic(
                    at: location,
                    c.kind == .configMap
                        ? "cannot add key \(GoSyntax.quote(key)), another key by that name already exists in \(bag) for ConfigMap \(GoSyntax.quote(c.name.text))"
                        : "cannot add key \(key), another key by that name already exists")
            }
            // A ConfigMap keeps UTF-8 text in data and anything else in binaryData.
            if c.kind == .configMap, let s = String(validating: value, as: UTF8.self) {
                text[key] = s
            } else {
                bytes[key] = value
            }
        }
        for source in c.data {
            switch source {
            case .literal(let key, let value): try add(key, Array(value.utf8), at: c.name.location)
            case .file(let key, let path):
                for (name, content) in try hostDataFiles(path, key: key) { try add(name, content, at: path.location) }
            }
        }
        var meta = ObjectMeta(name: c.name.text)
        meta.namespace = c.namespace ?? ""
        return c.kind == .configMap
            ? .configMap(ConfigMap(metadata: meta, data: text, binaryData: bytes))
            : .secret(Secret(metadata: meta, type: c.type, data: bytes))
    }

    /// `--from-file`: one file as one key, or each regular file of a folder under its own name
    /// (kubectl skips what is not a valid key there). Host-file rules as for manifests.
    private func hostDataFiles(_ path: Argument, key: String?) throws -> [(String, [UInt8])] {
        let confined = try confine(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: confined.text, isDirectory: &isDirectory) else {
            throw Diagnostic(at: path.location, "error reading \(path.text): no such file or directory")
        }
        func read(_ file: String) throws -> [UInt8] {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            if size > options.limits.commandBytes {
                throw Diagnostic(
                    at: path.location,
                    "\"\(file)\" is \(size.groupedDigits) bytes, more than stsim's limit of \(options.limits.commandBytes.groupedDigits) for one file",
                    hint: raiseHint("max-command", "BYTES"))
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Diagnostic(at: path.location, "error reading \(file): permission denied")
            }
            return [UInt8](data)
        }
        guard isDirectory.boolValue else {
            let name = key ?? String(path.text.split(separator: "/").last ?? "")
            return [(name, try read(confined.text))]
        }
        if key != nil { throw Diagnostic(at: path.location, "cannot give a key name for a directory path") }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: confined.text)) ?? []).sorted()
        var out: [(String, [UInt8])] = []
        for name in names where Validation.configKey(name, "data").isEmpty {
            var sub: ObjCBool = false
            let file = confined.text + "/" + name
            guard FileManager.default.fileExists(atPath: file, isDirectory: &sub), !sub.boolValue else { continue }
            out.append((name, try read(file)))
        }
        return out
    }
}
