import XCTest

@testable import StsimEngine

final class SuggestionTests: XCTestCase {
    func testDistance() {
        XCTAssertEqual(Suggestion.distance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.distance("", "abc"), 3)
        XCTAssertEqual(Suggestion.distance("abc", ""), 3)
        XCTAssertEqual(Suggestion.distance("abc", "abc"), 0)
        XCTAssertEqual(Suggestion.distance("sclae", "scale"), 1, "a transposition is one edit")
        XCTAssertEqual(Suggestion.distance("ab", "ba"), 1)
        XCTAssertEqual(Suggestion.distance("ca", "abc"), 3, "optimal string alignment, not full Damerau")
        XCTAssertEqual(Suggestion.distance("héllo", "hello"), 1, "characters, not bytes")
    }

    func testAWordFarLongerThanEveryCandidateCostsNoDistanceTable() {
        // A 2 MB unknown word took 19 s: one edit-distance table per candidate, as long as the word.
        let word = String(repeating: "q", count: 2_000_000)
        let start = ContinuousClock.now
        XCTAssertEqual(Suggestion.closest(to: word, in: ["create", "scale", "settle", "quit"]), [])
        XCTAssertNil(Suggestion.nearest(to: word, among: ["spec", "replicas"]))
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
        XCTAssertEqual(Suggestion.closest(to: "sclaes", in: ["scale"]), ["scale"], "a near length still counts")
    }

    func testClosest() {
        XCTAssertEqual(Suggestion.closest(to: "sclae", in: ["scale", "settle", "seed"]), ["scale"])
        XCTAssertEqual(Suggestion.closest(to: "SCALE", in: ["scale"]), [], "the word itself is no suggestion")
        XCTAssertEqual(Suggestion.closest(to: "Scael", in: ["scale"]), ["scale"], "case-insensitive")
        XCTAssertEqual(Suggestion.closest(to: "", in: ["scale"]), [])
        XCTAssertEqual(Suggestion.closest(to: "x", in: ["a", "b", "c", "d"]), ["a", "b", "c"], "at most three")
        XCTAssertEqual(Suggestion.closest(to: "x", in: ["a", "b", "c", "d"], limit: 1), ["a"])
        XCTAssertEqual(
            Suggestion.closest(to: "de", in: ["describe", "delete", "dig"]), ["delete", "describe"],
            "a prefix of two or more letters")
        XCTAssertEqual(Suggestion.closest(to: "d", in: ["describe", "delete"]), [], "one letter is not a prefix hint")
        XCTAssertEqual(
            Suggestion.closest(to: "stat", in: ["statefulset", "stats"]), ["stats", "statefulset"],
            "typos before prefixes")
        XCTAssertEqual(Suggestion.closest(to: "pod", in: ["pod", "pods", "pods"]), ["pods"], "no duplicates")
    }

    func testTheTypoAllowanceGrowsWithTheWord() {
        XCTAssertEqual(Suggestion.closest(to: "abc", in: ["xyc"]), [], "3 letters: 1 edit")
        XCTAssertEqual(Suggestion.closest(to: "abcdef", in: ["abxdxf"]), ["abxdxf"], "6 letters: 2 edits")
        XCTAssertEqual(Suggestion.closest(to: "abcdefghijkl", in: ["xbcxefxhijkl"]), ["xbcxefxhijkl"], "12: 3")
        XCTAssertEqual(Suggestion.closest(to: "abcdefghijklmnopqrst", in: ["xxxxefghijklmnopqrst"]), [], "at most 3")
    }

    func testHint() {
        XCTAssertNil(Suggestion.hint(for: "zzz", in: ["scale"]))
        XCTAssertEqual(Suggestion.hint(for: "sclae", in: ["scale"]), "did you mean \"scale\"?")
        XCTAssertEqual(
            Suggestion.hint(for: "de", in: ["describe", "delete"]), "did you mean \"delete\" or \"describe\"?")
        XCTAssertEqual(Suggestion.hint(for: "x", in: ["a", "b", "c"]), "did you mean \"a\", \"b\" or \"c\"?")
    }

    func testNearestFieldName() {
        XCTAssertEqual(Suggestion.nearest(to: "starage", among: ["storage"]), "storage")
        XCTAssertEqual(Suggestion.nearest(to: "replcias", among: ["replicas", "selector"]), "replicas")
        XCTAssertEqual(Suggestion.nearest(to: "ServiceName", among: ["serviceName"]), "serviceName")
        XCTAssertEqual(
            Suggestion.nearest(to: "reclaimPolicy", among: ["persistentVolumeReclaimPolicy"]),
            "persistentVolumeReclaimPolicy")
        XCTAssertNil(Suggestion.nearest(to: "foo", among: ["replicas", "selector"]))
    }
}
