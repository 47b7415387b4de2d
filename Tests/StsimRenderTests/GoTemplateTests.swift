import StsimManifests
import XCTest

@testable import StsimRender

/// The go-template forms of the Kubernetes documentation (StatefulSet Basics, kubectl cheat sheet).
final class GoTemplateTests: XCTestCase {
    static let pod = WireValue.document(
        """
        {"metadata": {"name": "web-0", "labels": {"app": "nginx"}},
         "spec": {"containers": [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24"},
                                 {"name": "side", "image": "busybox:1.28"}], "replicas": 3},
         "data": {"password": "czNjcmV0", "user": "YWRtaW4="}, "big": 1000000, "none": null}
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

    func testVariablesPipesAndParentheses() throws {
        XCTAssertEqual(try text("{{$n := len .spec.containers}}{{$n}} containers"), "2 containers")
        XCTAssertEqual(try text("{{$n := 1}}{{$n = 2}}{{$n}}"), "2")
        XCTAssertEqual(try text("{{printf \"%d\" (len .spec.containers)}}"), "2")
        XCTAssertEqual(try text("{{if and (eq .metadata.name \"web-0\") (ne .spec.replicas 2)}}yes{{end}}"), "yes")
        XCTAssertEqual(try text("{{.data.password | base64decode}}"), "s3cret")
        XCTAssertEqual(
            try text("{{range $k,$v := .data}}{{$k}}: {{$v | base64decode}}{{\"\\n\"}}{{end}}"),
            "password: s3cret\nuser: admin\n")
        XCTAssertEqual(try text("{{(index .spec.containers 1).image}}"), "busybox:1.28")
        XCTAssertEqual(try text("{{with .metadata.labels}}{{.app}}{{end}}"), "nginx")
        XCTAssertEqual(try text("{{with .x}}a{{else with .metadata}}{{.name}}{{end}}"), "web-0")
        XCTAssertEqual(try text("{{range .x}}a{{else}}empty{{end}}"), "empty")
        XCTAssertEqual(try text("{{range $i, $c := .spec.containers}}{{if $i}},{{end}}{{.name}}{{end}}"), "nginx,side")
        XCTAssertEqual(
            try text("{{range .spec.containers}}{{if eq .name \"side\"}}{{break}}{{end}}{{.name}}{{end}}"), "nginx")
        XCTAssertEqual(try text("{{define \"n\"}}<{{.}}>{{end}}{{template \"n\" .metadata.name}}"), "<web-0>")
        XCTAssertEqual(try text("{{/* a comment */}}{{.big}} {{.none}} {{.none.x}}"), "1000000 <nil> <no value>")
        XCTAssertEqual(try text("{{print 1 2 \"a\" \"b\"}}|{{println .metadata.name 3}}"), "1 2ab|web-0 3\n")
        XCTAssertEqual(
            try text("{{html \"<a&b>\"}} {{js \"it's\"}} {{urlquery \"a b&c\"}}"), "&lt;a&amp;b&gt; it\\'s a+b%26c")
        XCTAssertEqual(try text("{{slice .metadata.name 1 3}} {{exists . \"spec\" \"replicas\"}}"), "eb true")
    }

    func testPrintfVerbsAndWidths() throws {
        XCTAssertEqual(
            try text("{{printf \"%-10s|%5d|%q|%v|%x\" .metadata.name .spec.replicas \"a\" .metadata.labels 255}}"),
            "web-0     |    3|\"a\"|map[app:nginx]|ff")
        XCTAssertEqual(
            try text("{{printf \"%05d %+d %s %d\" 42 3 .spec.replicas}}"), "00042 +3 %!s(int64=3) %!d(MISSING)")
        XCTAssertEqual(try text("{{printf \"%s\" \"a\" 1}}"), "a%!(EXTRA int=1)")
        XCTAssertEqual(
            try text("{{printf \"%T %T %.2s\" (len .spec.containers) .spec.replicas \"abc\"}}"), "int int64 ab")
    }

    func testErrorsInGoWords() {
        func parseError(_ t: String) -> String? {
            do {
                _ = try GoTemplate(t)
                return nil
            } catch { return error.message }
        }
        func execError(_ t: String) -> String? {
            do {
                _ = try text(t)
                return nil
            } catch { return (error as? JSONPathError)?.message }
        }
        XCTAssertEqual(parseError("{{$n}}"), "template: output:1: undefined variable \"$n\"")
        XCTAssertEqual(parseError("{{nope .a}}"), "template: output:1: function \"nope\" not defined")
        XCTAssertEqual(parseError("{{}}"), "template: output:1: missing value for command")
        XCTAssertEqual(parseError("{{.a | \"x\"}}"), "template: output:1: non executable command in pipeline stage 2")
        XCTAssertEqual(parseError("a\n{{else}}"), "template: output:2: unexpected {{else}}")
        XCTAssertEqual(parseError("{{break}}"), "template: output:1: {{break}} outside {{range}}")
        XCTAssertEqual(parseError("{{.a !}}"), "template: output:1: unrecognized character in action: U+0021 '!'")
        XCTAssertEqual(
            execError("{{index .spec.containers 5}}"),
            "template: output:1:2: executing \"output\" at <index .spec.containe...>: error calling index: index out of range: 5"
        )
        XCTAssertEqual(
            execError("{{.metadata.name.x}}"),
            "template: output:1:2: executing \"output\" at <.metadata.name.x>: can't evaluate field x in type string")
        XCTAssertEqual(
            execError("{{.metadata.name | base64decode}}"),
            "template: output:1:19: executing \"output\" at <base64decode>: error calling base64decode: base64 decode failed: illegal base64 data at input byte 3"
        )
        XCTAssertEqual(
            execError("{{.metadata 1}}"),
            "template: output:1:2: executing \"output\" at <.metadata>: can't give argument to non-function .metadata")
    }
}
