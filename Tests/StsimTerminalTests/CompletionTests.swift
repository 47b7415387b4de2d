import StsimTerminal
import XCTest

final class CompletionTests: XCTestCase {
    func testOneCandidateCompletesAndAddsSpace() {
        XCTAssertEqual(
            Completion.action(linePrefix: "sca", candidates: ["scale"]), .edit(deleting: 0, inserting: "le "))
        XCTAssertEqual(
            Completion.action(linePrefix: "get pods we", candidates: ["web-1"]), .edit(deleting: 0, inserting: "b-1 "))
    }

    func testNoSpaceAfterSlashOrEquals() {
        XCTAssertEqual(
            Completion.action(linePrefix: "scale deploy", candidates: ["deployment/"]),
            .edit(deleting: 0, inserting: "ment/"))
        XCTAssertEqual(
            Completion.action(linePrefix: "scale web --rep", candidates: ["--replicas="]),
            .edit(deleting: 0, inserting: "licas="))
        XCTAssertEqual(Completion.action(linePrefix: "scale deployment/", candidates: ["deployment/"]), .nothing)
    }

    func testCompleteWordGetsJustTheSpace() {
        XCTAssertEqual(Completion.action(linePrefix: "help", candidates: ["help"]), .edit(deleting: 0, inserting: " "))
    }

    func testCandidateThatIsNotAnExtensionReplacesTheWord() {
        XCTAssertEqual(
            Completion.action(linePrefix: "get po", candidates: ["pods"]), .edit(deleting: 0, inserting: "ds "))
        XCTAssertEqual(
            Completion.action(linePrefix: "describe Web", candidates: ["web"]), .edit(deleting: 3, inserting: "web "))
        // Deletion counts Unicode scalars, libedit's wide characters, not bytes.
        XCTAssertEqual(
            Completion.action(linePrefix: "say 节点", candidates: ["\"节点\""]), .edit(deleting: 2, inserting: "\"节点\" "))
    }

    func testSeveralCandidatesExtendToCommonPrefixThenList() {
        XCTAssertEqual(
            Completion.action(linePrefix: "scale d", candidates: ["deployment/web", "deployment/worker"]),
            .edit(deleting: 0, inserting: "eployment/w"))
        XCTAssertEqual(
            Completion.action(linePrefix: "scale deployment/w", candidates: ["deployment/worker", "deployment/web"]),
            .list(["deployment/web", "deployment/worker"]))
    }

    func testNoCandidatesDoesNothingAndDuplicatesCollapse() {
        XCTAssertEqual(Completion.action(linePrefix: "xyz", candidates: []), .nothing)
        XCTAssertEqual(
            Completion.action(linePrefix: "sc", candidates: ["scale", "scale"]), .edit(deleting: 0, inserting: "ale "))
    }

    func testCurrentWordIsAfterLastUnquotedSpace() {
        XCTAssertEqual(Completion.currentWord(of: ""), "")
        XCTAssertEqual(Completion.currentWord(of: "sca"), "sca")
        XCTAssertEqual(Completion.currentWord(of: "get pods "), "")
        XCTAssertEqual(Completion.currentWord(of: "get pods we"), "we")
        XCTAssertEqual(Completion.currentWord(of: "say \"a b"), "\"a b")
        XCTAssertEqual(Completion.currentWord(of: "say 'a \" b"), "'a \" b")
        XCTAssertEqual(Completion.currentWord(of: "say a\\ b"), "a\\ b")
        XCTAssertEqual(Completion.currentWord(of: "say \"a \\\" b\" c"), "c")
    }

    func testLongestCommonPrefix() {
        XCTAssertEqual(Completion.longestCommonPrefix([]), "")
        XCTAssertEqual(Completion.longestCommonPrefix(["status"]), "status")
        XCTAssertEqual(Completion.longestCommonPrefix(["scale", "schedule", "scope"]), "sc")
        XCTAssertEqual(Completion.longestCommonPrefix(["节点一", "节点二"]), "节点")
    }

    func testColumnsRunDownThenAcross() {
        let items = ["a", "bb", "ccc", "dddd", "e"]
        // Column width 4 + 2 = 6; 14 columns of terminal fit 2 columns, so 3 rows.
        XCTAssertEqual(Completion.columns(items, width: 14), ["a     dddd", "bb    e", "ccc"])
        XCTAssertEqual(Completion.columns(items, width: 200), ["a     bb    ccc   dddd  e"])
        XCTAssertEqual(Completion.columns(items, width: 1), items)
        XCTAssertEqual(Completion.columns([], width: 80), [])
    }

    func testColumnsCountWideCharactersAsTwoCells() {
        XCTAssertEqual(Completion.columns(["节点", "ab"], width: 80), ["节点  ab"])
        XCTAssertEqual(Completion.columns(["ab", "节点"], width: 80), ["ab    节点"])
    }
}
