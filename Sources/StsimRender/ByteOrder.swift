import StsimEngine

/// The API lists objects in byte order of their names (`web-10` before `web-2`, 11.1), and
/// Swift's `String <` compares by Unicode canonical equivalence instead; every sort that reaches
/// output goes through here so that the two can never be mixed up.
enum ByteOrder {
    static func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Namespace, then name: the order of a list across namespaces (`-A`).
    static func less(_ a: ObjectMeta, _ b: ObjectMeta) -> Bool {
        a.namespace != b.namespace ? less(a.namespace, b.namespace) : less(a.name, b.name)
    }
}

extension Sequence {
    /// Sorted by a string key in byte order.
    func sorted(byBytes key: (Element) -> String) -> [Element] {
        sorted { ByteOrder.less(key($0), key($1)) }
    }

    /// Sorted by metadata: namespace, then name, in byte order.
    func sortedByMetadata(_ meta: (Element) -> ObjectMeta) -> [Element] {
        sorted { ByteOrder.less(meta($0), meta($1)) }
    }
}
