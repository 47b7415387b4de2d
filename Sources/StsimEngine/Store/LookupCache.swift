/// A value derived from the store and kept to save a lookup (the default StorageClass). It is
/// not part of the simulation's state: a restored cluster starts without it and looks again, so
/// `stateDump` shows only that there is a cache, never what it holds.
struct LookupCache<Value>: CustomReflectable, CustomDebugStringConvertible {
    var value: Value?

    var customMirror: Mirror { Mirror(self, children: [:]) }
    var debugDescription: String { "(a cache)" }
}
