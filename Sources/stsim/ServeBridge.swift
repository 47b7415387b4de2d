import Foundation
import StsimAPI
import StsimSession
import StsimTerminal

/// `serve` at the prompt and in scripts: StsimAPI's loopback server on the session's own
/// cluster. While it serves, the session runs its commands through `exclusively`, on the thread
/// where the API's requests run, so the two take turns on the one cluster.
final class ServeBridge: APIServing {
    /// The prompt's output, when a prompt is drawn (its line is cleared for what requests print).
    var promptOutput: PromptOutput?
    private var host: SessionHost?
    private var server: APIServer?
    private(set) var place: ServingPlace?

    func start(_ session: Session, port: Int, kubeconfig: String?, realtime: Double?) throws -> ServingPlace {
        // The export line is pasted into another terminal, maybe in another folder.
        let path = kubeconfig.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? Kubeconfig.defaultPath
        let host = SessionHost(session: session)
        let server: APIServer
        do {
            server = try APIServer(host: host, port: port, token: Kubeconfig.newToken())
        } catch {
            session.stopObservingChanges()
            throw ServeFailure(text: port == 0 ? "\(error)" : "port \(port): \(error)")
        }
        do {
            try Kubeconfig.write(
                Kubeconfig.text(port: server.port, token: server.token, namespace: session.currentNamespace), to: path)
        } catch {
            server.stop()
            session.stopObservingChanges()
            throw ServeFailure(text: "cannot write the kubeconfig \(path)")
        }
        if let output = promptOutput {
            host.aroundRequest = (
                before: { output.beginRequest() },
                after: { [unowned session] in output.endRequest(prompt: session.nestedPrompt ?? session.prompt) }
            )
        }
        if let realtime { host.startRealtime(factor: realtime) }
        let place = ServingPlace(
            port: server.port, kubeconfig: path, exportLine: "export KUBECONFIG=\(Serve.shellQuoted(path))")
        (self.host, self.server, self.place) = (host, server, place)
        return place
    }

    func stop() {
        guard let host, let server else { return }
        host.closeWatches()
        server.stop()
        (self.host, self.server, place) = (nil, nil, nil)
    }

    func exclusively(_ body: () -> Void) {
        guard let host else { return body() }
        host.exclusively(body)
    }

    /// Blocks until Ctrl-C (a script's `serve`, after its last line; SIGTERM ends the process).
    func waitForStop() {
        while !ScriptInterrupt.pending && place != nil { usleep(100_000) }
    }
}

struct ServeFailure: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
