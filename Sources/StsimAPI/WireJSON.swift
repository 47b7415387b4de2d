import Foundation
import StsimEngine
import StsimManifests
import StsimRender
import StsimSession

/// Objects as the API sends them: the same encoder as `get -o json` at the prompt, lists as
/// `<Kind>List` documents, and Tables with the prompt's own columns.
enum WireJSON {
    /// Virtual time zero is the wall-clock second the API first answered. kubectl computes some
    /// ages itself (`describe`, `kubectl events`) from timestamps against its own clock; anchored
    /// here they read as minutes, not as a year-old calendar. The prompt's calendar is not
    /// touched: it stays fixed so transcripts are reproducible. The anchor lives here, not in the
    /// engine, which never reads a wall clock.
    static let timestamps = Timestamps(epochSeconds: Int64(Date().timeIntervalSince1970))

    /// One object on one line, as the real server sends it: a watch event is one line.
    static func object(_ object: KubeObject) -> String {
        compact(ManifestWriter.json(object, timestamps: timestamps))
    }

    /// The JSON without the layout whitespace `-o json` prints (strings kept as they are).
    static func compact(_ json: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.utf8.count)
        var inString = false
        var escaped = false
        for byte in json.utf8 {
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                out.append(byte)
            } else if ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(byte) {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func list(_ objects: [KubeObject], kind: ResourceKind, resourceVersion: Int) -> String {
        let items = objects.map(object).joined(separator: ",")
        return
            #"{"kind":"\#(kind.kind)List","apiVersion":"\#(kind.apiVersion)","metadata":{"resourceVersion":"\#(resourceVersion)"},"items":[\#(items)]}"#
    }

    /// kubectl's `get` table: the prompt's `-o wide` columns, those beyond the plain table at
    /// priority 1 (shown only with `-o wide`).
    static func table(
        _ objects: [KubeObject], kind: ResourceKind, now: VirtualTime, resourceVersion: Int,
        include: RowObject = .metadata, withColumns: Bool = true
    ) -> String {
        let wide = GetOutput.table([], kind: kind, options: TableOptions(wide: true), now: now)
        var columns: [String] = []
        if withColumns {
            let narrow = Set(GetOutput.table([], kind: kind, now: now).headers)
            columns = wide.headers.enumerated().map { i, header in
                let name = JSONEmitter.string(titleCased(header))
                let format = i == 0 && kind != .event ? "name" : ""
                let priority = narrow.contains(header) ? 0 : 1
                return
                    #"{"name":\#(name),"type":"string","format":"\#(format)","description":"","priority":\#(priority)}"#
            }
        }
        // One row per object, so each row is paired with its own object whatever the sort.
        let rows = objects.sortedForTable().map { o in
            let cells = GetOutput.table([o], kind: kind, options: TableOptions(wide: true), now: now).rows.first ?? []
            let text = cells.map(JSONEmitter.string).joined(separator: ",")
            switch include {
            case .none: return #"{"cells":[\#(text)]}"#
            case .metadata: return #"{"cells":[\#(text)],"object":\#(partialMetadata(o))}"#
            case .object: return #"{"cells":[\#(text)],"object":\#(object(o))}"#
            }
        }
        return
            #"{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"\#(resourceVersion)"},"columnDefinitions":[\#(columns.joined(separator: ","))],"rows":[\#(rows.joined(separator: ","))]}"#
    }

    /// What a Table row carries (`includeObject`): nothing, the object's metadata (the
    /// default; enough for `-A`, `--show-labels` and `-L`), or the whole object (`--sort-by`).
    enum RowObject {
        case none, metadata, object

        init(query: String?) {
            switch query {
            case "None": self = .none
            case "Object": self = .object
            default: self = .metadata
            }
        }
    }

    /// A row's PartialObjectMetadata: far cheaper than the whole object for a long list.
    static func partialMetadata(_ object: KubeObject) -> String {
        let m = object.metadata
        var fields = [
            #""name":\#(JSONEmitter.string(m.name))"#,
            #""resourceVersion":"\#(m.resourceVersion)""#,
        ]
        if !m.namespace.isEmpty { fields.append(#""namespace":\#(JSONEmitter.string(m.namespace))"#) }
        if let uid = m.uid { fields.append(#""uid":"\#(uid)""#) }
        if let created = m.creationTimestamp { fields.append(#""creationTimestamp":"\#(timestamps.format(created))""#) }
        if !m.labels.isEmpty {
            let labels = m.labels.sorted { $0.key < $1.key }.map {
                "\(JSONEmitter.string($0.key)):\(JSONEmitter.string($0.value))"
            }
            fields.append(#""labels":{\#(labels.joined(separator: ","))}"#)
        }
        return
            #"{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{\#(fields.joined(separator: ","))}}"#
    }

    /// `NOMINATED NODE` → `Nominated Node`: kubectl upper-cases column names itself.
    static func titleCased(_ header: String) -> String {
        header.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}

extension [KubeObject] {
    /// The order GetOutput.table puts rows in (namespace, then name in byte order), so each row
    /// can be paired with its object.
    func sortedForTable() -> [KubeObject] {
        sorted {
            $0.metadata.namespace != $1.metadata.namespace
                ? $0.metadata.namespace.utf8.lexicographicallyPrecedes($1.metadata.namespace.utf8)
                : $0.metadata.name.utf8.lexicographicallyPrecedes($1.metadata.name.utf8)
        }
    }
}
