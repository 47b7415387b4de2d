import StsimEngine

/// Where each field of one loaded object is written, by API path (`spec.template.spec.containers[0].image`).
/// The session uses it to place errors found later (an update the API refuses) in the user's file.
public struct FieldLocations: Hashable, Sendable {
    private var table: [String: SourceLocation]
    /// The object's own start, for fields written nowhere.
    public var origin: SourceLocation

    init(table: [String: SourceLocation] = [:], origin: SourceLocation) {
        self.table = table
        self.origin = origin
    }

    /// The location of a field, or of its nearest written parent (a missing field is reported where
    /// its parent is written).
    public func location(of path: String) -> SourceLocation {
        var p = Substring(path)
        while !p.isEmpty {
            if let l = table[String(p)] { return l }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = p[..<cut]
        }
        return origin
    }

    mutating func record(_ path: String, _ location: SourceLocation) {
        if table[path] == nil { table[path] = location }
    }
}
