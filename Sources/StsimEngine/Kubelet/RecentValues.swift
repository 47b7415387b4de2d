/// The last few distinct values seen, to hand back a stored equal value instead of a new one.
/// Arrays are copy-on-write: pods that reach the same state at the same moment (a Parallel set
/// of 100,000 mostly does) then share one buffer instead of each holding an equal copy. Bounded,
/// O(capacity) compares per call, and invisible: the value returned is always equal to the input.
struct RecentValues<Value: Equatable> {
    private var slots: [Value] = []
    private var next = 0
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    mutating func shared(_ value: Value) -> Value {
        for s in slots where s == value { return s }
        if slots.count < capacity {
            slots.append(value)
        } else {
            slots[next] = value
            next = (next + 1) % capacity
        }
        return value
    }
}

extension RecentValues: Codable where Value: Codable {}
