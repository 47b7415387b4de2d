import Foundation
import StsimEngine
import StsimTestSupport
import XCTest

@testable import StsimManifests

/// Seeded fuzzing: random bytes and mutated manifests must never crash the loader or the writer,
/// and every finding must carry a location inside the input. A few thousand cases, well under 10 s.
final class LoaderFuzzTests: XCTestCase {
    private func corpus() throws -> [String] {
        var texts: [String] = []
        for name in ["pv-list.yaml", "headless-service.yaml", "statefulset.yaml", "statefulset-fixed.yaml"] {
            texts.append(try Fixtures.seed(name))
        }
        let broken = try XCTUnwrap(Bundle.module.url(forResource: "Broken", withExtension: nil))
        for name in try FileManager.default.contentsOfDirectory(atPath: broken.path).sorted()
        where name.hasSuffix(".yaml") {
            texts.append(try String(contentsOf: broken.appendingPathComponent(name), encoding: .utf8))
        }
        return texts
    }

    private static let alphabet = Array(":-{}[]\"'\n #&*!|>%@\t,?0123456789abcxyzABC.~\\\u{0}é日\r\n\u{FEFF}")

    private func mutate(_ text: String, _ rng: inout SeededRandom) -> String {
        var chars = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let i = chars.isEmpty ? 0 : Int.random(in: 0..<chars.count, using: &rng)
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where !chars.isEmpty: chars.remove(at: i)
            case 1: chars.insert(Self.alphabet.randomElement(using: &rng)!, at: i)
            case 2 where !chars.isEmpty: chars[i] = Self.alphabet.randomElement(using: &rng)!
            case 3: chars = Array(chars.prefix(i))
            case 4:
                var lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false)
                if lines.count > 1 {
                    let a = Int.random(in: 0..<lines.count, using: &rng)
                    let b = Int.random(in: 0..<lines.count, using: &rng)
                    lines.swapAt(a, b)
                }
                chars = Array(lines.joined(separator: "\n"))
            case 5:
                var lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if !lines.isEmpty {
                    let a = Int.random(in: 0..<lines.count, using: &rng)
                    lines[a] = Bool.random(using: &rng) ? "  " + lines[a] : String(lines[a].drop { $0 == " " })
                }
                chars = Array(lines.joined(separator: "\n"))
            default:
                // A number where text belongs, or text where a number belongs.
                let replacements = [
                    "99999999999999999999", "-1", "1e400", "9999999Ei", "\"x\"", "null", "[]", "{}", "0.5",
                ]
                let line = String(chars).split(separator: "\n", omittingEmptySubsequences: false)
                if let target = line.indices.randomElement(using: &rng), let colon = line[target].firstIndex(of: ":") {
                    var l = line.map(String.init)
                    l[target] = String(line[target][...colon]) + " " + replacements.randomElement(using: &rng)!
                    chars = Array(l.joined(separator: "\n"))
                }
            }
        }
        return String(chars)
    }

    private func check(_ text: String, firstLine: Int = 1) {
        let result = ManifestLoader.load(text: text, file: "fuzz.yaml", firstLine: firstLine)
        let lastLine = firstLine + text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
        for d in result.diagnostics {
            guard let l = d.location else { return XCTFail("finding without a location: \(d.message)") }
            XCTAssert(
                l.line >= firstLine && l.line <= lastLine && l.column >= 1, "\(l) outside the input: \(d.message)")
        }
        // Whatever loads must print and load back as the same object, in both formats.
        for o in result.objects {
            for printed in [ManifestWriter.yaml(o.object), ManifestWriter.json(o.object)] {
                let again = ManifestLoader.load(text: printed, file: "again")
                XCTAssertEqual(again.objects.map(\.object), [o.object], "\(text)\n---\n\(printed)")
            }
        }
    }

    func testRandomBytesNeverCrash() {
        var rng = SeededRandom(seed: 0x5757_4D31)
        for _ in 0..<1500 {
            let bytes = (0..<Int.random(in: 0..<200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    func testMutatedManifestsNeverCrash() throws {
        var rng = SeededRandom(seed: 42)
        let texts = try corpus()
        for i in 0..<3000 {
            check(mutate(texts[i % texts.count], &rng), firstLine: i % 3 == 0 ? 17 : 1)
        }
    }
}

extension LoaderFuzzTests {
    func testDeepNestingAndHugeInputsNeverCrash() {
        check(String(repeating: "[", count: 20_000))
        check(String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000))
        check(String(repeating: "{a: ", count: 20_000) + "1" + String(repeating: "}", count: 20_000))
        check(String(repeating: "- ", count: 5_000) + "x")
        check("apiVersion: v1\nkind: Service\nmetadata:\n  name: " + String(repeating: "a", count: 100_000) + "\n")
        check(String(repeating: "a: &x [*x]\n", count: 3))
        check(
            "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: a}\nspec: {capacity: {storage: 99999999999999999999Ei}}\n"
        )
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {x: 1e20, y: 12345678901234567890.0}}\nspec: {containers: [{name: c, image: i}]}\n"
        )
        let r = ManifestLoader.load(
            text:
                "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: i, resources: {limits: {cpu: 1e20, memory: 1.0}}}]}\n",
            file: "f")
        XCTAssertEqual(r.objects.first?.appliedConfiguration.contains(#""cpu":1e+20,"memory":1}"#), true)
    }
}
