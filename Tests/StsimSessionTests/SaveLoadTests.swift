import Foundation
import XCTest

@testable import StsimSession

/// `save` and `load`: the whole state goes to a file and comes back so that the session continues
/// exactly as the one that saved it; a bad file is refused at its place and changes nothing.
final class SaveLoadTests: XCTestCase {
    static let setup = [
        "let app = web",
        "set watch-limit 12",
        "create sts ${app} --image nginx --replicas 3 --service web --storage 1Mi",
        "create svc headless web --selector app=web --port 80",
        "curl -X POST -d hello http://web-0.web.default.svc.cluster.local/",
        "break image nginx:1.99",
        "partition node-2",
        "tick 20s",
        "delete pod web-1 --force --grace-period 0",
        "mode step",
        "scale sts web 5",
    ]
    static let after = [
        "settle", "get pods -o wide", "heal node-2", "fix image nginx:1.99", "tick 2m", "events", "history",
        "get sts ${app}", "curl http://web-0.web.default.svc.cluster.local/", "snapshot",
    ]

    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "stsim-save-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    private func session(_ commands: [String]) -> (Session, CapturedOutput) {
        let out = CapturedOutput()
        // The files live in a temporary folder, outside where a script may use host files.
        var options = Session.Options()
        options.allowHostFiles = true
        let s = Session(options: options, output: out)
        for c in commands { _ = s.runScript(c, file: "<test>") }
        return (s, out)
    }

    private func run(_ s: Session, _ out: CapturedOutput, _ commands: [String]) -> String {
        let before = out.text.count
        for c in commands { _ = s.runScript(c, file: "<test>") }
        return String(out.text.dropFirst(before))
    }

    func testLoadedSessionPrintsWhatTheOriginalPrints() throws {
        let (original, out) = session(Self.setup)
        let file = directory + "/a.state"
        _ = run(original, out, ["save \(file)"])
        let (loaded, loadedOut) = session(["create sts other --image nginx", "load \(file)"])
        XCTAssertTrue(loadedOut.text.contains("loaded \(file): the cluster is at 00:12:26"), loadedOut.text)
        let (loadedDump, originalDump) = (loaded.cluster.stateDump(), original.cluster.stateDump())
        XCTAssertTrue(
            loadedDump == originalDump,
            "the loaded state differs: " + UndoRestoresStateTests.firstDifference(originalDump, loadedDump))
        let expected = run(original, out, Self.after)
        XCTAssertEqual(run(loaded, loadedOut, Self.after), expected)
        XCTAssertTrue(expected.contains("web-4"), "the scale-up went on after the load: \(expected)")
    }

    func testSaveLoadSaveWritesIdenticalBytes() throws {
        let (original, out) = session(Self.setup)
        _ = run(original, out, ["save \(directory)/a.state"])
        let (loaded, loadedOut) = session(["load \(directory)/a.state"])
        _ = run(loaded, loadedOut, ["save \(directory)/b.state"])
        let a = try Data(contentsOf: URL(fileURLWithPath: directory + "/a.state"))
        let b = try Data(contentsOf: URL(fileURLWithPath: directory + "/b.state"))
        XCTAssertGreaterThan(a.count, 10_000)
        XCTAssertTrue(
            a == b,
            "save, load, save changed the bytes: "
                + UndoRestoresStateTests.firstDifference(
                    String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self)))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        XCTAssertEqual(names, ["a.state", "b.state"], "no temporary file is left behind")
    }

    /// Each damaged file gets its message at its line and column, and the session is as it was.
    func testBadFilesAreRefusedAtTheirPlaceAndChangeNothing() throws {
        let (original, out) = session(Self.setup)
        let file = directory + "/a.state"
        _ = run(original, out, ["save \(file)"])
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let replicasLine = try XCTUnwrap(lines.firstIndex { $0.contains("\"replicas\": 5") })
        var retyped = lines
        retyped[replicasLine] = retyped[replicasLine].replacingOccurrences(of: "5", with: "\"5\"")
        var edited = lines
        edited[replicasLine] = edited[replicasLine].replacingOccurrences(of: "5", with: "6")
        let column =
            lines[replicasLine].distance(
                from: lines[replicasLine].startIndex, to: lines[replicasLine].firstIndex(of: "5")!) + 1
        let cases: [(String, String)] = [
            (
                String(text.prefix(text.count / 2)),
                "\(file):\(text.prefix(text.count / 2).filter { $0 == "\n" }.count + 1):"
            ),
            (text.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 2,"), "\(file):1:"),
            (retyped.joined(separator: "\n"), "\(file):\(replicasLine + 1):\(column): "),
            (edited.joined(separator: "\n"), "\(file):1:"),
        ]
        let expectations = [
            "the file ends in the middle of the state",
            "saved by a newer stsim (state format 2; this stsim reads up to 1)",
            "expected a number, found a string", "the state does not match its checksum",
        ]
        let dump = original.cluster.stateDump()
        for ((content, place), message) in zip(cases, expectations) {
            try content.write(toFile: file, atomically: true, encoding: .utf8)
            let printed = run(original, out, ["load \(file)"])
            XCTAssertTrue(printed.contains(place) && printed.contains(message), "\(message): \(printed)")
            XCTAssertEqual(original.cluster.stateDump(), dump, "a refused load changed the state")
        }
    }
}
