/// The one source of randomness (SplitMix64): same seed, same cluster history.
public struct SeededRandom: Codable, RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Kubernetes' alphabet for generated names (`rand.String`): no vowels, no confusable digits.
    public static let nameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// A `rand.String(n)` suffix, as in ReplicaSet pod names (`web-rs-7xk2p`).
    public mutating func nameSuffix(length: Int = 5) -> String {
        var s = ""
        for _ in 0..<length { s.append(Self.nameAlphabet[Int(next(upperBound: UInt64(Self.nameAlphabet.count)))]) }
        return s
    }

    /// A version-4 style uid.
    public mutating func uid() -> UID {
        let h = (next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let l = (next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return UID(high: h, low: l)
    }
}
