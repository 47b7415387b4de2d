import XCTest

@testable import StsimEngine
@testable import StsimRender

/// The page `timeline --html` writes: self-contained, one lane group per lane, hover text on
/// every span, fault and event, the zoom controls and their script.
final class TimelineHTMLTests: XCTestCase {
    func testStructure() {
        let page = TimelineHTML.render(TimelineTests.timeline)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(page.hasSuffix("</html>\n"))
        XCTAssertEqual(count("<svg ", in: page), 1)
        XCTAssertEqual(count("<g class=\"lane ", in: page), 3)
        XCTAssertTrue(page.contains("data-lane=\"pod/web-0 on node-1\""))
        // Every dated element has its hover text (and the page and the picture their titles).
        XCTAssertEqual(count("<rect class=\"span ", in: page), 7)
        XCTAssertTrue(page.contains("<title>pod/web-0: Running and Ready, 00:00:05 to 00:01:00, on node-1</title>"))
        XCTAssertTrue(page.contains("<title>00:00:10  node/node-1 partitioned</title>"))
        XCTAssertTrue(page.contains("<title>00:00:05  Normal Started: Started container nginx</title>"))
        XCTAssertEqual(count("<title>", in: page), count("data-t0=", in: page) + count("data-t=", in: page) + 2)
        for id in ["zoom-in", "zoom-out", "zoom-all", "tooltip"] { XCTAssertTrue(page.contains("id=\"\(id)\""), id) }
        XCTAssertTrue(page.contains("addEventListener(\"wheel\""))
    }

    /// Nothing is fetched: no src or href, no CSS import or url(); the only address is the SVG
    /// namespace, which is a name, not a request.
    func testSelfContained() {
        let page = TimelineHTML.render(TimelineTests.timeline)
        for fetch in ["src=", "href=", "@import", "url(http", "<link", "fetch(", "XMLHttpRequest"] {
            XCTAssertFalse(page.contains(fetch), fetch)
        }
        XCTAssertEqual(count("http", in: page), count("xmlns=\"http://www.w3.org/2000/svg\"", in: page))
    }

    /// Tags open and close in order (the SVG is XML; the page around it balanced HTML).
    func testTagsBalance() {
        let svg = TimelineSVG.render(TimelineTests.timeline)
        var stack: [String] = []
        var rest = Substring(svg)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return XCTFail("unclosed tag") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let name = String(tag.prefix { $0 != " " && $0 != "/" && $0 != ">" })
            if tag.hasPrefix("/") {
                XCTAssertEqual(stack.popLast(), String(tag.dropFirst()))
            } else if !tag.hasSuffix("/") {
                stack.append(name)
            }
        }
        XCTAssertEqual(stack, [])
    }

    func testTextIsEscaped() {
        XCTAssertEqual(TimelineSVG.xml("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;")
        XCTAssertEqual(TimelineSVG.n(12.345), "12.35")
        XCTAssertEqual(TimelineSVG.n(3.5), "3.5")
        XCTAssertEqual(TimelineSVG.n(7.05), "7.05")
        XCTAssertEqual(TimelineSVG.n(220), "220")
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
