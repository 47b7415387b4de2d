import Foundation
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// One kubectl connection: gathers a request (refusing bodies over the limit), checks the token,
/// hands the request to the session's thread and writes the answer back: whole, or as a chunked
/// watch stream that stays open until the client leaves or its timeoutSeconds pass.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let name = "stsim.http"

    /// kubectl's largest bodies are manifests; the real server's limit is 3 MiB.
    static let bodyLimit = 3 * 1024 * 1024

    private let host: SessionHost
    private let token: String
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false
    private var watchID: Int?

    init(host: SessionHost, token: String) {
        self.host = host
        self.token = token
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
            tooLarge = false
        case .body(var buffer):
            if body.count + buffer.readableBytes > Self.bodyLimit {
                tooLarge = true
                body = []
            } else if !tooLarge, let bytes = buffer.readBytes(length: buffer.readableBytes) {
                body += bytes
            }
        case .end:
            guard let h = head else { return }
            head = nil
            respond(to: h, context: context)
        }
    }

    /// Bytes that are not HTTP: a Status 400, then the connection closes (NIO's parser cannot
    /// resynchronise within a stream).
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // An exec upgrade refused (ExecUpgrade): the request comes next, and is answered with why.
        if error is NIOWebSocketUpgradeError { return }
        guard error is HTTPParserError else {
            context.close(promise: nil)
            return
        }
        let body = StatusJSONText.failure(
            code: 400, reason: "BadRequest", message: "malformed HTTP request: \(error)", details: nil)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .badRequest, headers: headers))),
            promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let id = watchID { host.endWatch(id) }
        watchID = nil
        context.fireChannelInactive()
    }

    /// The API server's word, then stsim's: `kubectl proxy` drops the server URL's path, where
    /// the token is, unless told to keep it.
    static let unauthorized =
        "Unauthorized (stsim: the token is the first segment of the kubeconfig's server path; kubectl proxy needs --append-server-path)"

    private func respond(to h: HTTPRequestHead, context: ChannelHandlerContext) {
        if tooLarge {
            write(
                APIResponse.failure(code: 413, reason: "RequestEntityTooLarge", message: "limit is 3145728"), head: h,
                context: context)
            return
        }
        guard let target = Self.target(of: h, token: token) else {
            write(
                APIResponse.failure(code: 401, reason: "Unauthorized", message: Self.unauthorized), head: h,
                context: context)
            return
        }
        var headers: [String: String] = [:]
        for (name, value) in h.headers { headers[name.lowercased()] = value }
        let request = APIRequest(method: h.method.rawValue, target: target, headers: headers, body: body)
        body = []
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let sink = WatchSink(bound: NIOLoopBound(context, eventLoop: context.eventLoop))
        host.handle(request, sink: sink) { reply in
            bound.eventLoop.execute {
                bound.value.0.deliver(reply, head: h, context: bound.value.1, sink: sink)
            }
        }
    }

    /// The request's target without the token, or nil when the token is missing. kubectl sends
    /// a kubeconfig's bearer token only over TLS (client-go's clientcmd drops user credentials
    /// for plain-HTTP servers), so the kubeconfig puts the token in the server URL's path, which
    /// kubectl prefixes to every request; `Authorization: Bearer TOKEN` is accepted as well.
    static func target(of h: HTTPRequestHead, token: String) -> String? {
        let prefix = "/\(token)"
        if h.uri == prefix { return "/" }
        if h.uri.hasPrefix(prefix + "/") || h.uri.hasPrefix(prefix + "?") {
            return String(h.uri.dropFirst(prefix.count))
        }
        return h.headers.first(name: "authorization") == "Bearer \(token)" ? h.uri : nil
    }

    private func deliver(_ reply: APIReply, head h: HTTPRequestHead, context: ChannelHandlerContext, sink: WatchSink) {
        switch reply {
        case .response(let r): write(r, head: h, context: context)
        case .watch(let initial, let id, let timeout):
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Transfer-Encoding", value: "chunked")
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: h.version, status: .ok, headers: headers))),
                promise: nil)
            for line in initial {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: line)))), promise: nil)
            }
            context.flush()
            watchID = id
            guard id != nil else {
                // An expired resourceVersion: the ERROR event is all there is.
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            if let timeout, let id {
                let host = self.host
                context.eventLoop.scheduleTask(in: .seconds(Int64(timeout))) { host.endWatch(id, closing: sink) }
            }
        }
    }

    private func write(_ response: APIResponse, head h: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.utf8.count))
        for w in response.warnings { headers.add(name: "Warning", value: "299 - \(Self.quoted(w))") }
        if !h.isKeepAlive { headers.add(name: "Connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: response.status)
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: h.version, status: status, headers: headers))), promise: nil
        )
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: response.body)))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !h.isKeepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// A Warning header's text is a quoted string: kubectl drops the header when inner quotes or
    /// backslashes are not escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Where a watch's lines go: the connection's event loop, from the session's thread.
public struct WatchSink: Sendable {
    fileprivate let bound: NIOLoopBound<ChannelHandlerContext>

    /// One event; written and flushed at once (kubectl prints as lines arrive).
    func send(_ line: String) {
        let bound = bound
        bound.eventLoop.execute {
            let context = bound.value
            context.writeAndFlush(
                NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: line)))), promise: nil)
        }
    }

    /// Ends the stream cleanly (a watch's timeoutSeconds), after an optional last line; `close`
    /// closes the connection too (the server stops).
    func finish(_ last: String?, close: Bool = false) {
        let bound = bound
        bound.eventLoop.execute {
            let context = bound.value
            if let last {
                context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: last)))), promise: nil)
            }
            let done = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
            if close {
                let channel = context.channel
                done.whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}
