import StsimLanguage

/// Where `serve` serves: the port on 127.0.0.1 and the kubeconfig written for it.
public struct ServingPlace: Sendable, Equatable {
    public var port: Int
    public var kubeconfig: String
    /// `export KUBECONFIG=...`, quoted for the shell.
    public var exportLine: String

    public init(port: Int, kubeconfig: String, exportLine: String) {
        self.port = port
        self.kubeconfig = kubeconfig
        self.exportLine = exportLine
    }

    public var url: String { "http://127.0.0.1:\(port)" }
}

/// The loopback Kubernetes API `serve` starts. The executable provides it (the HTTP side lives in
/// StsimAPI, a target above this one, as the explorer does for `explore`).
public protocol APIServing: AnyObject {
    /// Starts serving the session's cluster. Throws, with a message, when it cannot (a port in
    /// use, a kubeconfig that cannot be written).
    /// `realtime`: virtual time follows the wall clock × this factor while serving.
    func start(_ session: Session, port: Int, kubeconfig: String?, realtime: Double?) throws -> ServingPlace
    /// Ends the stream of every open watch cleanly, then stops listening.
    func stop()
    /// Where it serves now; nil when it does not.
    var place: ServingPlace? { get }
    /// Runs `body` where the API's requests run, one at a time, so a command typed at the prompt
    /// and a kubectl request never touch the cluster together (at once when not serving).
    func exclusively(_ body: () -> Void)
}

extension Session {
    /// Where the API serves now, if it does.
    public var servingPlace: ServingPlace? { apiServer?.place }

    /// Runs `body` in turn with the API's requests while `serve` serves (the prompt's and the
    /// script's commands go through here).
    public func serialised<T>(_ body: () -> T) -> T {
        guard let server = apiServer, server.place != nil else { return body() }
        var result: T?
        server.exclusively { result = body() }
        // `exclusively` always runs the body; the fallback only keeps the compiler content.
        return result ?? body()
    }

    /// The fastest `--realtime` factor (for `stsim serve`, which does not see the language).
    public static var realtimeLimit: Int { ServeAction.realtimeLimit }

    /// A `--realtime` factor as typed: 60, not 60.0.
    public static func factorText(_ f: Double) -> String {
        f == f.rounded() ? String(Int(f)) : String(f)
    }

    /// Stops serving without a word (quit, the end of the prompt).
    public func stopServing() {
        guard let server = apiServer, server.place != nil else { return }
        server.stop()
    }

    /// `quit` ends the serving too: kubectl's watches end cleanly rather than with the process.
    func quit() -> Outcome {
        stopServing()
        return .quit
    }

    func serve(_ action: ServeAction) throws -> Outcome {
        guard let server = apiServer else {
            throw SessionError(
                "serve is not available here (stsim serve FILE.sts serves once its script has run)",
                hint: "at stsim's prompt, or in a script run with stsim FILE.sts, serve starts serving")
        }
        switch action {
        case .start(let port, let kubeconfig, let realtime):
            if let place = server.place {
                if port != 0 && port != place.port || kubeconfig.map({ $0.text != place.kubeconfig }) ?? false {
                    throw SessionError(
                        "already serving on \(place.url) (kubeconfig \(place.kubeconfig))",
                        hint: "serve stop, then serve with the new --port or --kubeconfig")
                }
                printer.line("stsim: already serving the cluster on \(place.url) (kubeconfig \(place.kubeconfig))")
                printer.line(place.exportLine)
                return .ok
            }
            // A script may write the kubeconfig only where it may write host files.
            let path = try kubeconfig.map(hostFilePath)
            let place: ServingPlace
            do {
                place = try server.start(self, port: port, kubeconfig: path, realtime: realtime)
            } catch {
                throw SessionError("cannot serve: \(error)")
            }
            let ending = drivenByPrompt ? "serve stop ends it" : "it serves on after the script until Ctrl-C"
            printer.line("stsim: serving the cluster on \(place.url) (kubeconfig \(place.kubeconfig)); \(ending)")
            printer.line(place.exportLine)
            if let realtime {
                printer.line(
                    "stsim: virtual time follows the wall clock × \(Session.factorText(realtime)); writes do not settle while it serves"
                )
            }
        case .stop:
            guard let place = server.place else {
                throw SessionError("not serving", hint: "serve starts the API for the real kubectl")
            }
            server.stop()
            printer.line("stsim: stopped serving the cluster on \(place.url)")
        }
        return .ok
    }
}
