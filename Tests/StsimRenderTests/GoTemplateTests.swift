import StsimManifests
import XCTest

@testable import StsimRender

/// The go-template forms of the Kubernetes documentation (StatefulSet Basics, kubectl cheat sheet).
final class GoTemplateTests: XCTestCase {
    static let pod = WireValue.document(
        """
        {"metadata": {"name": "web-0", "labels": {"app": "nginx"}},
         "spec": {"containers": [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24"},
                                 {"name": "side", "image": "busybox:1.28"}], "replicas": 3}}
        """)!

    func text(_ t: String) throws -> String { try GoTemplate(t).text(Self.pod) }

    func testRangeWithVariablesAsTheTutorialWritesIt() throws {
        XCTAssertEqual(
            try text("{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}"),
            "registry.k8s.io/nginx-slim:0.24busybox:1.28")
        XCTAssertEqual(try text("{{range .spec.containers}}{{.name}} {{end}}"), "nginx side ")
    }

    func testFunctionsAndConditions() throws {
        XCTAssertEqual(try text("{{index .metadata.labels \"app\"}}"), "nginx")
        XCTAssertEqual(try text("{{len .spec.containers}}"), "2")
        XCTAssertEqual(try text("{{printf \"%s has %d\" .metadata.name .spec.replicas}}"), "web-0 has 3")
        XCTAssertEqual(try text("{{if .spec.nothing}}yes{{else}}no{{end}}"), "no")
        XCTAssertEqual(try text("{{if eq .metadata.name \"web-0\"}}first{{end}}"), "first")
        XCTAssertEqual(try text("{{.spec.nothing}}"), "<no value>")
        XCTAssertEqual(try text("{{.metadata.labels}}"), "map[app:nginx]")
        XCTAssertEqual(try text("a\n  {{- .metadata.name -}}  \nb"), "aweb-0b")
    }

    func testErrors() {
        XCTAssertThrowsError(try GoTemplate("{{range .x}}")) {
            XCTAssertEqual(($0 as? JSONPathError)?.message, "template: output:1: unexpected EOF")
        }
        XCTAssertThrowsError(try GoTemplate("{{end}}"))
        XCTAssertThrowsError(try GoTemplate("{{.a")) {
            XCTAssertEqual(($0 as? JSONPathError)?.message, "template: output:1: unclosed action")
        }
    }
}
