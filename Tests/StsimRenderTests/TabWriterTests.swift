import XCTest

@testable import StsimRender

/// Go's text/tabwriter rules the tables and describe depend on.
final class TabWriterTests: XCTestCase {
    func testMinimumWidthAndPadding() {
        XCTAssertEqual(TabWriter.table.format("A\tB\nc\td\n"), "A     B\nc     d\n")
        XCTAssertEqual(TabWriter.table.format("NAME\tX\nweb-10\ty\n"), "NAME     X\nweb-10   y\n")
    }

    /// A line without a tab ends every column block: the lines after it align on their own.
    func testBlocksEndAtLinesWithoutCells() {
        let text = "Name:\tweb-0\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tStatefulSet/web\n"
        XCTAssertEqual(
            TabWriter.describe.format(text),
            """
            Name:  web-0
            IPs:
              IP:           10.0.0.1
            Controlled By:  StatefulSet/web

            """)
    }

    /// Widths count characters (Go counts runes), and the last cell is never padded.
    func testUnicodeAndLastCell() {
        XCTAssertEqual(TabWriter.describe.format("é:\tx\tlast\nab:\ty\n"), "é:   x  last\nab:  y\n")
    }
}
