import HeapModule

/// A heap field that saves: its storage in its own order, since `Heap(_:)` over a valid heap
/// moves nothing, a loaded heap has the same layout as the saved one (and `save`, `load`, `save`
/// writes the same bytes). Element order here never depends on hashing.
@propertyWrapper
struct SavedHeap<Element: Comparable & Codable>: Codable {
    var wrappedValue: Heap<Element>

    init(wrappedValue: Heap<Element>) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        wrappedValue = Heap(try [Element](from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try Array(wrappedValue.unordered).encode(to: encoder)
    }
}
