import Foundation
import NIOCore
import NIOHTTP1
import NIOWebSocket
import StsimEngine
import StsimManifests
import StsimSession

/// `GET .../namespaces/NS/pods/NAME/exec?command=...&stdin=...&tty=...` with `Upgrade: websocket`:
/// what kubectl asks to run, and over which version of the channel protocol.
struct ExecRequest: Sendable {
    /// kubectl 1.32 offers v5 alone (in v5 the client can say its input ended); v4 is what
    /// older clients and the Python client speak.
    static let protocols = ["v5.channel.k8s.io", "v4.channel.k8s.io"]

    var namespace: String
    var pod: String
    var container: String?
    var argv: [String]
    var stdin: Bool
    var tty: Bool
    /// The chosen sub-protocol is v5.
    var v5: Bool

    /// nil when the request is not an exec, or offers no protocol stsim speaks; `offered` is
    /// the client's `Sec-WebSocket-Protocol` (comma-separated).
    init?(_ request: APIRequest, offered: String?) {
        guard let path = ResourcePath(request.segments), path.kind == .pod, let name = path.name,
            path.subresource == "exec"
        else { return nil }
        let offers = (offered ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let chosen = Self.protocols.first(where: offers.contains) else { return nil }
        namespace = path.namespace ?? "default"
        pod = name
        container = request.query["container"]
        argv = request.queryValues("command")
        stdin = request.query["stdin"] == "true" || request.query["stdin"] == "1"
        tty = request.query["tty"] == "true" || request.query["tty"] == "1"
        v5 = chosen == Self.protocols[0]
    }

    var protocolName: String { v5 ? Self.protocols[0] : Self.protocols[1] }

    /// `sh`, `bash`, `/bin/sh`...: read line by line when kubectl passes a terminal.
    var isShell: Bool { argv.count == 1 && Cluster.interactiveShells.contains(argv[0]) }
}

/// The channel-3 Status that ends an exec: kubectl turns a NonZeroExitCode into
/// `command terminated with exit code N` and its own exit status N.
enum ExecStatus {
    static let success = #"{"metadata":{},"status":"Success"}"#

    static func exitCode(_ code: Int, argv: [String]) -> String {
        let command = "[" + argv.joined(separator: " ") + "]"
        let message =
            "command terminated with non-zero exit code: error executing command \(command), exit code \(code)"
        return #"{"metadata":{},"status":"Failure","message":"# + JSONEmitter.string(message)
            + #","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":""#
            + String(code) + #""}]}}"#
    }

    /// What stsim cannot run (a tool it does not simulate): kubectl prints the message.
    static func failure(_ message: String) -> String {
        #"{"metadata":{},"status":"Failure","message":"# + JSONEmitter.string(message)
            + #","reason":"InternalError","code":500}"#
    }
}

/// The WebSocket upgrade of `kubectl exec`: refused (then answered as plain HTTP, with the
/// reason) unless the token is right, the request is an exec offering a channel protocol stsim
/// speaks, and the pod's container can take it.
enum ExecUpgrade {
    /// kubectl's stdin messages are at most 32 KiB; a larger frame closes the connection (1009).
    static let maxFrameSize = 1 << 16

    static func upgrader(host: SessionHost, token: String) -> NIOWebSocketServerUpgrader {
        NIOWebSocketServerUpgrader(
            maxFrameSize: maxFrameSize, automaticErrorHandling: true,
            shouldUpgrade: { channel, head in
                let promise = channel.eventLoop.makePromise(of: HTTPHeaders?.self)
                guard let exec = request(head, token: token) else {
                    promise.succeed(nil)
                    return promise.futureResult
                }
                host.perform(
                    { $0.apiExecTarget(namespace: exec.namespace, pod: exec.pod, container: exec.container) },
                    then: { target in
                        guard case .success = target else { return promise.succeed(nil) }
                        promise.succeed(HTTPHeaders([("Sec-WebSocket-Protocol", exec.protocolName)]))
                    })
                return promise.futureResult
            },
            upgradePipelineHandler: { channel, head in
                channel.eventLoop.makeCompletedFuture {
                    guard let exec = request(head, token: token) else {
                        throw ChannelError.inappropriateOperationForState
                    }
                    let aggregator = NIOWebSocketFrameAggregator(
                        minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 1024,
                        maxAccumulatedFrameSize: maxFrameSize * 16)
                    try channel.pipeline.syncOperations.addHandler(aggregator)
                    try channel.pipeline.syncOperations.addHandler(ExecStreamHandler(host: host, exec: exec))
                }
            })
    }

    static func request(_ head: HTTPRequestHead, token: String) -> ExecRequest? {
        guard head.method == .GET, let target = HTTPConnectionHandler.target(of: head, token: token) else { return nil }
        let request = APIRequest(method: "GET", target: target, headers: [:], body: [])
        return ExecRequest(request, offered: head.headers["Sec-WebSocket-Protocol"].joined(separator: ","))
    }
}
