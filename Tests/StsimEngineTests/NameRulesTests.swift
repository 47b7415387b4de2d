import XCTest

@testable import StsimEngine

/// The name rules against apimachinery's own examples.
final class NameRulesTests: XCTestCase {
    func testDNS1123Labels() {
        for ok in ["web", "my-name", "123-abc", "a", String(repeating: "a", count: 63)] {
            XCTAssertEqual(NameRules.dns1123Label(ok), [], ok)
        }
        for bad in ["Web", "web.1", "-web", "web-", "", "we_b"] {
            XCTAssertEqual(NameRules.dns1123Label(bad), [NameRules.dns1123LabelMessage], bad)
        }
        XCTAssertEqual(
            NameRules.dns1123Label(String(repeating: "a", count: 64)), ["must be no more than 63 characters"])
    }

    func testDNS1123SubdomainsAndDNS1035Labels() {
        XCTAssertEqual(NameRules.dns1123Subdomain("www-web-0"), [])
        XCTAssertEqual(NameRules.dns1123Subdomain("example.com"), [])
        XCTAssertEqual(NameRules.dns1123Subdomain("pv_b"), [NameRules.dns1123SubdomainMessage])
        XCTAssertEqual(NameRules.dns1123Subdomain("a..b"), [NameRules.dns1123SubdomainMessage])
        XCTAssertEqual(NameRules.dns1035Label("nginx"), [])
        XCTAssertEqual(NameRules.dns1035Label("1nginx"), [NameRules.dns1035LabelMessage])
    }

    func testLabelKeysAndValues() {
        XCTAssertEqual(NameRules.qualifiedName("app"), [])
        XCTAssertEqual(NameRules.qualifiedName("app.kubernetes.io/name"), [])
        XCTAssertEqual(NameRules.qualifiedName("statefulset.kubernetes.io/pod-name"), [])
        XCTAssertEqual(NameRules.qualifiedName("bad key!"), [NameRules.qualifiedNameMessage])
        XCTAssertEqual(NameRules.qualifiedName("/x"), ["prefix part must be non-empty"])
        XCTAssertEqual(NameRules.qualifiedName("Example.com/x"), ["prefix part " + NameRules.dns1123SubdomainMessage])
        XCTAssertEqual(NameRules.labelValue(""), [])
        XCTAssertEqual(NameRules.labelValue("v1.2_3-x"), [])
        XCTAssertEqual(NameRules.labelValue("-x"), [NameRules.labelValueMessage])
        XCTAssertEqual(NameRules.labelValue(String(repeating: "x", count: 64)), ["must be no more than 63 characters"])
    }

    func testPortNamesAreIANAServiceNames() {
        XCTAssertEqual(NameRules.ianaServiceName("http"), [])
        XCTAssertEqual(NameRules.ianaServiceName("web-8080"), [])
        XCTAssertEqual(NameRules.ianaServiceName("8080"), ["must contain at least one letter (a-z)"])
        XCTAssertEqual(NameRules.ianaServiceName("a--b"), ["must not contain consecutive hyphens"])
        XCTAssertEqual(
            NameRules.ianaServiceName("HTTP"),
            [
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "must contain at least one letter (a-z)",
            ])
    }

    /// The yes/no forms the API server uses agree with Go's Is* functions, length included.
    func testPredicatesIncludeTheLengthLimits() {
        let long = String(repeating: "a", count: 64)
        XCTAssertTrue(NameRules.matchesDNS1123Label(long.utf8))
        XCTAssertFalse(NameRules.isDNS1123Label(long))
        XCTAssertFalse(NameRules.isDNS1035Label("1web"))
        XCTAssertTrue(NameRules.isDNS1123Subdomain(long + ".example"), "the subdomain pattern limits no label")
        XCTAssertFalse(NameRules.isDNS1123Subdomain(String(repeating: "a", count: 254)))
        XCTAssertFalse(NameRules.isDNS1123Subdomain(""))
    }
}
