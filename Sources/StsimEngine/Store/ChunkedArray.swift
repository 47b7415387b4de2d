/// An array split into chunks of `chunkSize` elements held by reference, for the long logs of a
/// cluster (the history ring) that `undo` keeps a state of before every command that may change
/// it: a kept state shares the chunks, and a write copies only the chunk it lands in (the history
/// ring's 200,000 records were copied whole by the first record after each kept state).
/// Reading, writing and appending an element cost O(1), plus a chunk's copy once per chunk
/// shared with a kept state.
struct ChunkedArray<Element> {
    final class Chunk {
        var elements: [Element]
        init(_ elements: [Element]) { self.elements = elements }
    }

    static var chunkShift: Int { 10 }
    static var chunkSize: Int { 1 << chunkShift }
    private var chunks: [Chunk] = []
    private(set) var count = 0

    init() {}

    init(_ elements: some Sequence<Element>) {
        for e in elements { append(e) }
    }

    var isEmpty: Bool { count == 0 }

    private mutating func unique(_ c: Int) {
        if !isKnownUniquelyReferenced(&chunks[c]) { chunks[c] = Chunk(chunks[c].elements) }
    }

    subscript(i: Int) -> Element {
        get { chunks[i >> Self.chunkShift].elements[i & (Self.chunkSize - 1)] }
        _modify {
            let c = i >> Self.chunkShift
            unique(c)
            yield &chunks[c].elements[i & (Self.chunkSize - 1)]
        }
    }

    mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var elements: [Element] = []
            elements.reserveCapacity(Self.chunkSize)
            elements.append(element)
            chunks.append(Chunk(elements))
        } else {
            unique(chunks.count - 1)
            chunks[chunks.count - 1].elements.append(element)
        }
        count += 1
    }

    /// Every element, in order.
    var array: [Element] {
        var all: [Element] = []
        all.reserveCapacity(count)
        for chunk in chunks { all.append(contentsOf: chunk.elements) }
        return all
    }
}

/// Saved as the one array it was before it had chunks, so saved states read either way.
extension ChunkedArray: Codable where Element: Codable {
    init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Element].self))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(array)
    }
}

extension ChunkedArray: @unchecked Sendable where Element: Sendable {}

/// The state dump (undo and load checks) shows the elements in order, not the chunks.
extension ChunkedArray: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["elements": array]) }
}
