import StsimEngine
import XCTest

@testable import StsimLanguage

/// kubectl's `-l` syntax.
final class SelectorTextTests: XCTestCase {
    private let here = at(1, 10)

    private func selector(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> LabelSelector? {
        do {
            return try SelectorText.parse(text, at: here)
        } catch {
            XCTFail("\(text): \(error.message)", file: file, line: line)
            return nil
        }
    }

    private func assertSelectorError(
        _ text: String, _ message: String, hint: String?, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        do {
            let s = try SelectorText.parse(text, at: here)
            XCTFail("\(text): expected an error, got \(s)", file: file, line: line)
        } catch {
            assertDiagnostic(error, message, 1, 10, hint: hint, file: file, line: line)
        }
    }

    func testEquality() {
        XCTAssertEqual(selector("app=web"), LabelSelector(matchLabels: ["app": "web"]))
        XCTAssertEqual(selector("app==web"), LabelSelector(matchLabels: ["app": "web"]))
        XCTAssertEqual(
            selector("app.kubernetes.io/name=web,tier=fe"),
            LabelSelector(matchLabels: ["app.kubernetes.io/name": "web", "tier": "fe"]))
        XCTAssertEqual(selector("app="), LabelSelector(matchLabels: ["app": ""]))
    }

    func testSpacesAroundClausesAndOperators() {
        XCTAssertEqual(selector(" app=web , tier=fe "), LabelSelector(matchLabels: ["app": "web", "tier": "fe"]))
        XCTAssertEqual(selector("app = web"), LabelSelector(matchLabels: ["app": "web"]))
        XCTAssertEqual(
            selector("tier != db"),
            LabelSelector(matchExpressions: [
                LabelSelectorRequirement(
                    key: "tier", operator: .notIn,
                    values: ["db"])
            ]))
    }

    func testInequalitySetsAndExistence() {
        XCTAssertEqual(
            selector("app=web,tier!=db,env in (prod, dev),zone notin (a),canary,!legacy"),
            LabelSelector(
                matchLabels: ["app": "web"],
                matchExpressions: [
                    LabelSelectorRequirement(key: "tier", operator: .notIn, values: ["db"]),
                    LabelSelectorRequirement(key: "env", operator: .in, values: ["prod", "dev"]),
                    LabelSelectorRequirement(key: "zone", operator: .notIn, values: ["a"]),
                    LabelSelectorRequirement(key: "canary", operator: .exists),
                    LabelSelectorRequirement(key: "legacy", operator: .doesNotExist),
                ]))
    }

    func testErrors() {
        let hint = "write it like app=web or app=web,tier!=db"
        assertSelectorError("", "the selector \"\" has an empty part", hint: hint)
        assertSelectorError("app=web,", "the selector \"app=web,\" has an empty part", hint: hint)
        assertSelectorError("app=web, ,b", "the selector \"app=web, ,b\" has an empty part", hint: hint)
        assertSelectorError(
            "env in prod", "\"env in prod\": a set needs parentheses, as in env in (prod,dev)", hint: nil)
        assertSelectorError(
            "env in (a,b", "\"env in (a,b\": a set needs parentheses, as in env in (prod,dev)", hint: nil)
        assertSelectorError("a b=c", "\"a b\" in the selector \"a b=c\" is not a label key", hint: hint)
        assertSelectorError("=web", "\"\" in the selector \"=web\" is not a label key", hint: hint)
        assertSelectorError("!=web", "\"\" in the selector \"!=web\" is not a label key", hint: hint)
        assertSelectorError("!a b", "\"a b\" in the selector \"!a b\" is not a label key", hint: hint)
        assertSelectorError("wéb", "\"wéb\" in the selector \"wéb\" is not a label key", hint: hint)
        assertSelectorError("a b in (x)", "\"a b\" in the selector \"a b in (x)\" is not a label key", hint: hint)
    }
}
