import XCTest

@testable import StsimSession

/// `undo` gives back the whole simulation as it was: for every command that changes the cluster,
/// the engine's complete state dump (objects, clock, queue, random state, recorder, faults, every
/// controller's and kubelet's state) before the command equals the one after `undo`.
final class UndoRestoresStateTests: XCTestCase {
    /// One command of every family that changes the cluster, in an order where each has
    /// something to act on.
    static let commands = [
        "create sts web --image nginx --replicas 3 --service web --storage 1Mi",
        "create svc headless web --selector app=web --port 80",
        "create pv pv-a --capacity 1Mi --reclaim Recycle",
        "apply <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\nEOF",
        "scale sts web 4",
        "patch sts web --image nginx=nginx:1.27",
        "set image sts/web nginx=nginx:1.26",
        "kill pod web-0",
        "kill pod web-1 --exit-code 1",
        "delete pod web-2",
        "exec web-1 -- sleep 10s",
        "break image nginx:1.99",
        "patch sts web --image nginx=nginx:1.99",
        "tick 30s",
        "fix image nginx:1.99",
        "cordon node-1",
        "uncordon node-1",
        "drain node-1",
        "taint node node-2 example.com/x=y:NoSchedule",
        "partition node-2",
        "tick 2m",
        "heal node-2",
        "crash node-3",
        "tick 1m",
        "boot node-3",
        "taint node node-3 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute",
        "delete pod web-0 --force --grace-period 0",
        "wait sts web ready --timeout 10m",
        "run -it lookup --image=tutum/dnsutils --rm --restart=Never -- dig SRV web.default.svc.cluster.local",
        "delete pvc -l app=web",
        "delete sts web",
        "reset",
        "seed 42",
    ]

    func testUndoAfterEveryCommandRestoresTheWholeState() {
        assertUndoRestores(Self.commands)
    }

    /// `settle` changes something only where commands do not settle on their own.
    func testUndoAfterSettleInStepModeRestoresTheWholeState() {
        assertUndoRestores(["create sts web --image nginx --replicas 2", "settle"], after: "mode step")
    }

    private func assertUndoRestores(_ commands: [String], after setup: String? = nil) {
        let out = CapturedOutput()
        let session = Session(output: out)
        if let setup { XCTAssertTrue(session.runInteractive(setup, interrupted: { false })) }
        for command in commands {
            // `undo` discards the unread watch feed on purpose (a `get -w` must not replay the
            // undone changes), so the feed is read first on this side too.
            _ = session.cluster.drainChanges()
            let before = session.cluster.stateDump()
            XCTAssertTrue(session.runInteractive(command, interrupted: { false }), command)
            XCTAssertTrue(session.cluster.stateDump() != before, "\(command) changed nothing: a test that cannot fail")
            XCTAssertTrue(session.runInteractive("undo", interrupted: { false }))
            XCTAssertTrue(out.text.contains("undone: \(command)\n"), "\(command) kept no undo state")
            let after = session.cluster.stateDump()
            XCTAssertTrue(
                before == after, "undo after `\(command)`: first difference \(Self.firstDifference(before, after))")
            // Once more, for real, so the next command has something to act on.
            XCTAssertTrue(session.runInteractive(command, interrupted: { false }), command)
        }
    }

    /// The first line where two dumps part, with its neighbours.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        guard let i = zip(x, y).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
            return "(one dump is longer: \(x.count) against \(y.count) lines)"
        }
        let from = max(0, i - 6)
        return "at line \(i + 1):\n" + x[from...min(i, x.count - 1)].joined(separator: "\n") + "\n  against\n"
            + y[from...min(i, y.count - 1)].joined(separator: "\n")
    }
}
