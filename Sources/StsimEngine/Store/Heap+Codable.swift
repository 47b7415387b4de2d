import HeapModule

/// A heap saves its storage in its own order; `Heap(_:)` over a valid heap moves nothing, so a
/// loaded heap has the same layout as the saved one (and `save`, `load`, `save` writes the same
/// bytes). Element order here never depends on hashing.
extension Heap: @retroactive Codable where Element: Codable {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var elements: [Element] = []
        while !container.isAtEnd { elements.append(try container.decode(Element.self)) }
        self.init(elements)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for element in unordered { try container.encode(element) }
    }
}
