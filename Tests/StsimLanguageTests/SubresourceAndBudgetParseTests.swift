import StsimEngine
import StsimLanguage
import XCTest

/// `patch --subresource` and `create pdb`: the typed commands and kubectl's refusals.
final class SubresourceAndBudgetParseTests: XCTestCase {
    func testPatchSubresource() {
        guard
            case .patch(_, _, .subresource(.scale, let text, .strategic), _)? = parsed(
                "patch sts web --subresource scale -p '{\"spec\":{\"replicas\":2}}'")
        else { return XCTFail("scale") }
        XCTAssertEqual(text, "{\"spec\":{\"replicas\":2}}")
        guard
            case .patch(_, _, .subresource(.status, _, .merge), _)? = parsed(
                "patch sts web --subresource=status --type merge -p '{}'")
        else { return XCTFail("status") }
        XCTAssertEqual(
            parseError("patch sts web --subresource foo -p '{}'")?.message,
            "invalid subresource value: \"foo\". Must be one of [status scale]")
    }

    func testCreateBudget() {
        guard
            case .create(.podDisruptionBudget(let name, let selector, "50%", nil))? = parsed(
                "create pdb web-pdb --selector app=web --min-available 50%")
        else { return XCTFail("create pdb") }
        XCTAssertEqual(name.text, "web-pdb")
        XCTAssertEqual(selector.matchLabels, ["app": "web"])
        XCTAssertEqual(
            parseError("create pdb x --selector app=web")?.message,
            "one of min-available or max-unavailable must be specified")
        XCTAssertEqual(
            parseError("create pdb x --min-available 1")?.message, "a selector must be specified")
        XCTAssertEqual(
            parseError("create pdb x --selector app=web --max-unavailable 1Gi")?.message,
            "invalid format specified for max-unavailable")
    }
}
