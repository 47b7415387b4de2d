import StsimEngine
import XCTest

@testable import StsimLanguage

/// `-n` completes namespaces, names complete in the namespace chosen, and the parser hands the
/// session every command's `-n`.
final class NamespaceLanguageTests: XCTestCase {
    struct Context: CompletionContext {
        func objectNames(ofKind kind: ResourceKind) -> [String] {
            kind == .namespace ? ["default", "kube-system", "shop"] : objectNames(ofKind: kind, namespace: nil)
        }
        func objectNames(ofKind kind: ResourceKind, namespace: String?) -> [String] {
            guard kind == .pod else { return [] }
            return namespace == "shop" ? ["cart-0", "cart-1"] : ["web-0"]
        }
        func nodeNames() -> [String] { [] }
        func fileNames(matching prefix: String) -> [String] { [] }
    }

    private func complete(_ line: String) -> [String] { Completer(context: Context()).complete(line) }

    func testTheValueOfDashNIsANamespace() {
        XCTAssertEqual(complete("get pods -n "), ["default", "kube-system", "shop"])
        XCTAssertEqual(complete("get pods --namespace=k"), ["--namespace=kube-system"])
        XCTAssertEqual(complete("config set-context --current --namespace "), ["default", "kube-system", "shop"])
    }

    func testNamesCompleteInTheChosenNamespace() {
        XCTAssertEqual(complete("get pods -n shop "), ["cart-0", "cart-1"])
        XCTAssertEqual(complete("get pods "), ["web-0"])
        XCTAssertEqual(complete("exec -n shop c"), ["cart-0", "cart-1"])
        XCTAssertEqual(complete("logs --namespace=shop "), ["cart-0", "cart-1"])
    }

    private func statement(_ line: String) throws -> Statement? {
        try Parser.parseStatement(commands(line)[0], variables: [:])
    }

    func testEveryCommandThatTakesDashNCarriesIt() throws {
        for line in [
            "create -f web.yaml -n shop", "apply -f web.yaml -n shop", "get pods -n shop", "describe pod x -n shop",
            "delete pod x -n shop", "exec x -n shop -- ls", "logs x -n shop", "dig A web -n shop",
            "scale sts web 2 -n shop", "create sts web --image nginx -n shop", "events -n shop",
        ] {
            XCTAssertEqual(try statement(line)?.namespace?.text, "shop", line)
        }
        XCTAssertNil(try statement("get pods")?.namespace)
    }

    func testSetContextsNamespaceIsItsValueNotTheCommandsNamespace() throws {
        let s = try statement("config set-context --current --namespace=shop")
        XCTAssertNil(s?.namespace)
        XCTAssertEqual(s?.command, .config(.setContext(namespace: "shop")))
    }

    func testCreateNamespace() throws {
        guard case .create(.namespace(let name, _))? = try statement("create ns shop")?.command else {
            return XCTFail("create ns did not parse")
        }
        XCTAssertEqual(name.text, "shop")
        XCTAssertThrowsError(try statement("get pods -n ''"))
    }
}
