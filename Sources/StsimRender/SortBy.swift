import StsimEngine
import StsimManifests

/// `get --sort-by=EXPR`, as kubectl's sorter.go orders a list: the expression's first value of
/// each object, numbers by value, text in natural order (`web-2` before `web-10`), a stable sort;
/// an object without the field goes first.
public enum SortBy {
    public static func sorted(
        _ objects: [KubeObject], by expression: String, timestamps: Timestamps
    ) throws(JSONPathError) -> [KubeObject] {
        let relaxed = try CustomColumns.relaxed(expression)
        let path = try JSONPath(relaxed)
        var keyed: [(key: WireValue?, object: KubeObject)] = []
        for object in objects {
            let values = try path.results(ManifestWriter.wire(object, timestamps: timestamps))
            keyed.append((values.first?.first, object))
        }
        if !objects.isEmpty, keyed.allSatisfy({ $0.key == nil }) {
            throw JSONPathError("couldn't find any field with path \"\(relaxed)\" in the list of objects")
        }
        // Swift's sort is not stable; the index breaks ties so equal keys keep the list order.
        let indexed = keyed.enumerated().sorted { a, b in
            if less(a.element.key, b.element.key) { return true }
            if less(b.element.key, a.element.key) { return false }
            return a.offset < b.offset
        }
        return indexed.map(\.element.object)
    }

    static func less(_ a: WireValue?, _ b: WireValue?) -> Bool {
        guard let a else { return b != nil }
        guard let b else { return false }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)): return naturalLess(x, y)
        case (.bool(let x), .bool(let y)): return !x && y
        default: return JSONPathText.compactJSON(a) < JSONPathText.compactJSON(b)
        }
    }

    /// sortorder.NaturalLess: runs of digits compare as numbers, everything else byte by byte.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var i = 0
        var j = 0
        let isDigit = { (c: UInt8) in c >= 48 && c <= 57 }
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                let si = i
                let sj = j
                while i < x.count && isDigit(x[i]) { i += 1 }
                while j < y.count && isDigit(y[j]) { j += 1 }
                let nx = x[si..<i].drop { $0 == 48 }
                let ny = y[sj..<j].drop { $0 == 48 }
                if nx.count != ny.count { return nx.count < ny.count }
                if !nx.elementsEqual(ny) { return nx.lexicographicallyPrecedes(ny) }
                if i - si != j - sj { return i - si < j - sj }
                continue
            }
            if x[i] != y[j] { return x[i] < y[j] }
            i += 1
            j += 1
        }
        return x.count - i < y.count - j
    }
}
