import StsimManifests
import XCTest

@testable import StsimRender

/// The examples of kubernetes.io/docs/reference/kubectl/jsonpath/, on that page's input.
final class JSONPathTests: XCTestCase {
    static let input = WireValue.document(
        """
        {"kind": "List",
         "items": [
          {"kind": "None", "metadata": {"name": "127.0.0.1", "labels": {"kubernetes.io/hostname": "127.0.0.1"}},
           "status": {"capacity": {"cpu": "4"}, "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.1"}]}},
          {"kind": "None", "metadata": {"name": "127.0.0.2"},
           "status": {"capacity": {"cpu": "8"},
                      "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.2"},
                                    {"type": "another", "address": "127.0.0.3"}]}}],
         "users": [{"name": "myself", "user": {}},
                   {"name": "e2e", "user": {"username": "admin", "password": "secret"}}]}
        """)!

    func text(_ template: String) throws -> String {
        try JSONPath(template).text(Self.input)
    }

    func testTheDocumentedExamples() throws {
        XCTAssertEqual(try text("{.kind}"), "List")
        XCTAssertEqual(try text("{['kind']}"), "List")
        XCTAssertEqual(try text("{..name}"), "127.0.0.1 127.0.0.2 myself e2e")
        XCTAssertEqual(try text("{.items[*].metadata.name}"), "127.0.0.1 127.0.0.2")
        XCTAssertEqual(try text("{.users[0].name}"), "myself")
        XCTAssertEqual(try text("{.items[-1:].metadata.name}"), "127.0.0.2")
        XCTAssertEqual(try text("{.items[0,1].metadata.name}"), "127.0.0.1 127.0.0.2")
        XCTAssertEqual(try text("{.users[?(@.name==\"e2e\")].user.password}"), "secret")
        XCTAssertEqual(try text("{.items[0].status.capacity}"), "{\"cpu\":\"4\"}")
        XCTAssertEqual(
            try text("{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}"),
            "[127.0.0.1, {\"cpu\":\"4\"}] [127.0.0.2, {\"cpu\":\"8\"}] ")
        XCTAssertEqual(try text("{.items[*].status.addresses[?(@.type!=\"LegacyHostIP\")].address}"), "127.0.0.3")
        XCTAssertEqual(
            try text(#"{.items[0].metadata.labels.kubernetes\.io/hostname}"#), "127.0.0.1")
    }

    func testTextOutsideActionsAndQuotedNewlines() throws {
        XCTAssertEqual(
            try text(#"{range .users[*]}{.name}{"\t"}{.user.username}{"\n"}{end}"#), "myself\t\ne2e\tadmin\n")
        XCTAssertEqual(try text("name: {.users[1].name}!"), "name: e2e!")
        XCTAssertEqual(try text("{.nothing.here}"), "")
        XCTAssertEqual(try text("{.users[?(@.user.password)].name}"), "e2e")
    }

    func testParseErrorsAreClientGos() {
        func parseError(_ t: String) -> String? {
            do {
                _ = try JSONPath(t)
                return nil
            } catch { return error.message }
        }
        XCTAssertEqual(parseError("{.items[0}"), "unterminated array")
        XCTAssertEqual(parseError("{.kind"), "unclosed action")
        XCTAssertEqual(parseError("{.items[?(@.a==1}"), "unterminated filter")
        XCTAssertEqual(parseError("{#}"), "unrecognized character in action: U+0023 '#'")
        XCTAssertEqual(parseError("{.items[a]}"), "invalid array index a")
        XCTAssertEqual(parseError("{\"x}"), "unterminated quoted string")
    }

    func testEvaluationErrorsAreClientGos() {
        XCTAssertThrowsError(try text("{.items[5]}")) {
            XCTAssertEqual(($0 as? JSONPathError)?.message, "array index out of bounds: index 5, length 2")
        }
        XCTAssertThrowsError(try text("{.kind[0]}")) {
            XCTAssertEqual(($0 as? JSONPathError)?.message, "string is not array or slice")
        }
        XCTAssertThrowsError(try text("{end}")) {
            XCTAssertEqual(($0 as? JSONPathError)?.message, "not in range, nothing to end")
        }
    }

    func testNumbersPrintAsGoFloats() {
        XCTAssertEqual(JSONPathText.goFloat(3), "3")
        XCTAssertEqual(JSONPathText.goFloat(999_999), "999999")
        XCTAssertEqual(JSONPathText.goFloat(1_000_000), "1e+06")
        XCTAssertEqual(JSONPathText.goFloat(1_234_567), "1.234567e+06")
    }

    func testCustomColumnsAndRelaxedPaths() throws {
        XCTAssertEqual(try CustomColumns.relaxed("metadata.name"), "{.metadata.name}")
        XCTAssertEqual(try CustomColumns.relaxed("{.metadata.name}"), "{.metadata.name}")
        let columns = try CustomColumns(spec: "NAME:.metadata.name,CPU:status.capacity.cpu,LABELS:.metadata.labels")
        let items = Self.input["items"]!.items!
        XCTAssertEqual(
            try columns.table(items),
            """
            NAME        CPU   LABELS
            127.0.0.1   4     map[kubernetes.io/hostname:127.0.0.1]
            127.0.0.2   8     <none>

            """)
        XCTAssertThrowsError(try CustomColumns(spec: "NAME")) {
            XCTAssertEqual(
                ($0 as? JSONPathError)?.message,
                "unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>")
        }
    }

    func testNaturalOrder() {
        XCTAssertTrue(SortBy.naturalLess("web-2", "web-10"))
        XCTAssertFalse(SortBy.naturalLess("web-10", "web-2"))
        XCTAssertTrue(SortBy.naturalLess("a", "b"))
        XCTAssertTrue(SortBy.naturalLess("web", "web-0"))
    }
}
