import StsimEngine

/// The tests draw from the engine's own seeded generator (`SeededRandom`, SplitMix64), so a fuzz
/// failure reproduces from its seed on every platform; these are the choices they make with it.
extension SeededRandom {
    /// A number in `0..<n`.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// True `percent` times in a hundred.
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}
