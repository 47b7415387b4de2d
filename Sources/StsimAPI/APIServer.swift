import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP side of the loopback API: SwiftNIO on 127.0.0.1 only, one event loop thread for the
/// connections, every request handed to the session's thread (SessionHost), so kubectl and the
/// prompt see one cluster that only one thread ever touches.
public final class APIServer: Sendable {
    public let port: Int
    public let token: String
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// Binds 127.0.0.1:`port` (0: any free port). Never another address: the API has no TLS, and
    /// the token is its only guard.
    public init(host: SessionHost, port: Int, token: String) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let http = HTTPConnectionHandler(host: host, token: token)
                    // kubectl exec upgrades to a WebSocket; then the HTTP handler leaves the pipeline.
                    let upgrade: NIOHTTPServerUpgradeSendableConfiguration = (
                        upgraders: [ExecUpgrade.upgrader(host: host, token: token)],
                        completionHandler: { context in
                            context.pipeline.syncOperations.removeHandler(
                                name: HTTPConnectionHandler.name, promise: nil)
                        }
                    )
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withServerUpgrade: upgrade, withErrorHandling: false)
                    try channel.pipeline.syncOperations.addHandler(http, name: HTTPConnectionHandler.name)
                }
            }
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        self.group = group
        self.token = token
        self.port = channel.localAddress?.port ?? port
    }

    /// Blocks until the listening socket closes.
    public func wait() throws {
        try channel.closeFuture.wait()
    }

    /// Stops listening and closes every connection. Work already handed to the connections'
    /// thread (the last lines of watches being closed) is written first.
    public func stop() {
        try? group.next().submit {}.wait()
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}
