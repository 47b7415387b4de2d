import Foundation
import StsimSession
import XCTest

/// `serve` as the session sees it, with a stand-in for the executable's server: where it says it
/// serves, that a second `serve` only says where, that `serve stop` and `quit` stop it, and that
/// every command runs through the server's turn-taking while it serves.
final class ServeSessionTests: XCTestCase {
    private final class FakeServer: APIServing {
        var place: ServingPlace?
        var turns = 0
        var stops = 0
        func start(_ session: Session, port: Int, kubeconfig: String?, realtime: Double?) throws -> ServingPlace {
            let path = kubeconfig ?? "/state/stsim/kubeconfig"
            place = ServingPlace(
                port: port == 0 ? 40123 : port, kubeconfig: path, exportLine: "export KUBECONFIG=\(path)")
            return place!
        }
        func stop() {
            stops += 1
            place = nil
        }
        func exclusively(_ body: () -> Void) {
            turns += 1
            body()
        }
    }

    func testServeAgainStopAndQuit() {
        let out = CapturedOutput()
        let s = Session(output: out)
        let server = FakeServer()
        s.apiServer = server
        XCTAssertEqual(s.runScript("serve; serve; clock; serve stop; serve stop", file: "t.sts"), 1)
        XCTAssertEqual(
            out.text,
            """
            stsim: serving the cluster on http://127.0.0.1:40123 (kubeconfig /state/stsim/kubeconfig); it serves on after the script until Ctrl-C
            export KUBECONFIG=/state/stsim/kubeconfig
            stsim: already serving the cluster on http://127.0.0.1:40123 (kubeconfig /state/stsim/kubeconfig)
            export KUBECONFIG=/state/stsim/kubeconfig
            00:00:00 (0s since the cluster started)
            stsim: stopped serving the cluster on http://127.0.0.1:40123
            t.sts:1:34: error: not serving
              serve; serve; clock; serve stop; serve stop
                                               ^
              hint: serve starts the API for the real kubectl

            """)
        // The commands after the first serve, up to serve stop, took their turns with the API.
        XCTAssertEqual(server.turns, 3)
        XCTAssertEqual(server.stops, 1)
        // Another port while serving is refused; quit stops serving.
        XCTAssertEqual(s.runScript("serve --port 6443; serve --port 7000", file: "t.sts"), 1)
        XCTAssertTrue(out.text.contains("error: already serving on http://127.0.0.1:6443"), out.text)
        XCTAssertEqual(s.runScript("quit", file: "t.sts"), 0)
        XCTAssertNil(s.servingPlace)
        XCTAssertEqual(server.stops, 2)
    }

    func testWithoutAServerServeSaysWhereItWorks() {
        let out = CapturedOutput()
        XCTAssertEqual(Session(output: out).runScript("serve", file: "t.sts"), 1)
        XCTAssertTrue(out.text.contains("error: serve is not available here"), out.text)
    }
}
