import NIOCore
import NIOWebSocket
import StsimEngine
import StsimSession

/// One `kubectl exec` after the WebSocket upgrade: the channel protocol (byte 0 of each binary
/// message: 0 stdin, 1 stdout, 2 stderr, 3 the closing Status, 4 resize, 255 v5's end of
/// stdin). The command runs on the session's thread, as the prompt's exec does; a shell given a
/// terminal (`-it`) reads line by line, with the terminal's echo and editing (TerminalLine).
final class ExecStreamHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    /// As the API's body limit: standard input gathered for a command is kept whole.
    static let inputLimit = 3 * 1024 * 1024

    private let host: SessionHost
    private let exec: ExecRequest
    private var target: APIExecTarget?
    private var shell: APIShell?
    private var input: [UInt8] = []
    private var inputEnded = false
    private var terminal = TerminalLine()
    /// Lines (or nil: an interrupt) waiting for the shell, which runs one at a time.
    private var pending: [String?] = []
    private var running = false
    private var ended = false

    init(host: SessionHost, exec: ExecRequest) {
        self.host = host
        self.exec = exec
    }

    /// A shell reads line by line when kubectl gives it a terminal, or over v4, whose clients
    /// cannot say their input ended; otherwise standard input is gathered to its end.
    private var linewise: Bool { exec.stdin && exec.isShell && (exec.tty || !exec.v5) }

    func handlerAdded(context: ChannelHandlerContext) {
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let (exec, linewise) = (self.exec, self.linewise)
        host.perform(
            { session in
                let target = session.apiExecTarget(namespace: exec.namespace, pod: exec.pod, container: exec.container)
                guard case .success(let t) = target, linewise else { return Opened(target: target) }
                let shell = session.apiShell(t, program: exec.argv[0])
                return Opened(target: target, shell: shell, prompt: shell?.prompt ?? "")
            },
            then: { opened in
                bound.eventLoop.execute { bound.value.0.opened(opened, context: bound.value.1) }
            })
    }

    private struct Opened: Sendable {
        var target: Result<APIExecTarget, APIExecRefusal>
        var shell: APIShell?
        var prompt = ""
    }

    private func opened(_ opened: Opened, context: ChannelHandlerContext) {
        switch opened.target {
        case .failure(let refusal): return finish(ExecStatus.failure(refusal.message), context: context)
        case .success(let t): target = t
        }
        if let shell = opened.shell {
            self.shell = shell
            if exec.tty { send(1, opened.prompt, context: context) }
        } else if linewise || !exec.stdin || exec.tty {
            // No shell by that name (the runtime's own error), or a command that reads no terminal.
            return run(stdin: "", context: context)
        } else if !exec.v5 {
            return finish(
                ExecStatus.failure(
                    "stsim passes standard input to a command only over v5.channel.k8s.io, where the client says when its input ends"
                ), context: context)
        }
        pump(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        // RFC 6455: a client masks every frame, and the opcodes left are reserved.
        guard frame.maskKey != nil,
            [.binary, .text, .ping, .pong, .connectionClose].contains(frame.opcode)
        else { return close(context, code: .protocolError) }
        switch frame.opcode {
        case .binary, .text:
            var data = frame.unmaskedData
            guard let bytes = data.readBytes(length: data.readableBytes), let channel = bytes.first else { return }
            switch channel {
            case 0:
                guard input.count + bytes.count <= Self.inputLimit else {
                    return finish(ExecStatus.failure("standard input over 3 MiB"), context: context)
                }
                input += bytes.dropFirst()
            case 255 where bytes.count > 1 && bytes[1] == 0: inputEnded = true
            default: return  // 4: a terminal's new size, which no simulated program reads
            }
            pump(context: context)
        case .ping:
            context.writeAndFlush(
                wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
        case .connectionClose:
            // The client left: nothing more to say to it.
            ended = true
            context.close(promise: nil)
        default: break
        }
    }

    /// Moves what arrived on stdin along: into the shell's lines, or, at its end, to the command.
    private func pump(context: ChannelHandlerContext) {
        guard target != nil, !ended else { return }
        guard shell != nil else {
            if inputEnded { run(stdin: String(decoding: input, as: UTF8.self), context: context) }
            return
        }
        if exec.tty {
            for event in terminal.feed(input) {
                switch event {
                case .echo(let text): send(1, text, context: context)
                case .line(let line): pending.append(line)
                case .interrupt: pending.append(nil)
                case .endOfInput: inputEnded = true
                }
            }
            input = []
        } else {
            while let newline = input.firstIndex(of: UInt8(ascii: "\n")) {
                pending.append(String(decoding: input[..<newline], as: UTF8.self))
                input.removeSubrange(...newline)
            }
        }
        nextLine(context: context)
    }

    private func nextLine(context: ChannelHandlerContext) {
        guard !running, !ended, let shell else { return }
        guard !pending.isEmpty else {
            if inputEnded { finish(exitCode: shell.exitStatus ?? shell.lastStatus, context: context) }
            return
        }
        guard let line = pending.removeFirst() else {
            // Ctrl-C at the prompt: the line is dropped, and the shell shows its prompt again.
            if exec.tty { send(1, shell.prompt, context: context) }
            return nextLine(context: context)
        }
        running = true
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        host.perform(
            { session in
                let output = session.apiShellLine(shell, line)
                return (output, shell.prompt, shell.exitStatus)
            },
            then: { (output, prompt, exitStatus) in
                bound.eventLoop.execute {
                    let (handler, context) = bound.value
                    handler.running = false
                    handler.write(output, context: context)
                    if let exitStatus { return handler.finish(exitCode: exitStatus, context: context) }
                    if handler.exec.tty { handler.send(1, prompt, context: context) }
                    handler.nextLine(context: context)
                }
            })
    }

    /// The whole command, with the standard input gathered.
    private func run(stdin: String, context: ChannelHandlerContext) {
        guard let target, !running else { return }
        running = true
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let argv = exec.argv
        host.perform(
            { $0.apiExec(target, argv: argv, stdin: stdin) },
            then: { output in
                bound.eventLoop.execute {
                    let (handler, context) = bound.value
                    if let failure = output.failure {
                        return handler.finish(ExecStatus.failure(failure), context: context)
                    }
                    handler.write(output, context: context)
                    handler.finish(exitCode: output.exitCode, context: context)
                }
            })
    }

    /// Standard output on 1 and standard error on 2; a terminal merges them, with CR LF line ends.
    private func write(_ output: APIExecOutput, context: ChannelHandlerContext) {
        for chunk in output.chunks { send(chunk.isError && !exec.tty ? 2 : 1, chunk.text, context: context) }
        if let failure = output.failure { send(exec.tty ? 1 : 2, "stsim: \(failure)\n", context: context) }
    }

    private func send(_ channel: UInt8, _ text: String, context: ChannelHandlerContext) {
        guard !text.isEmpty, !ended else { return }
        let shown = exec.tty ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
        var buffer = context.channel.allocator.buffer(capacity: shown.utf8.count + 1)
        buffer.writeInteger(channel)
        buffer.writeString(shown)
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .binary, data: buffer)), promise: nil)
    }

    private func finish(exitCode: Int, context: ChannelHandlerContext) {
        finish(exitCode == 0 ? ExecStatus.success : ExecStatus.exitCode(exitCode, argv: exec.argv), context: context)
    }

    /// The Status on channel 3, then a normal close (1000).
    private func finish(_ status: String, context: ChannelHandlerContext) {
        guard !ended else { return }
        send(3, status, context: context)
        close(context, code: .normalClosure)
    }

    /// A close frame with `code`, then the connection closes.
    private func close(_ context: ChannelHandlerContext, code: WebSocketErrorCode) {
        guard !ended else { return }
        ended = true
        var data = context.channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: data)))
            .whenComplete { _ in channel.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
