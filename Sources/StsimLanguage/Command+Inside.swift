import StsimEngine

/// `curl URL [-X METHOD] [-d DATA] [-H HEADER] [-s] [-v] [-i] [-L] [-f]`, as curl reads them.
public struct CurlCommand: Hashable, Sendable {
    public var url: Argument
    public var method: String?
    /// Each `-d`; curl joins several with `&` and then POSTs.
    public var data: [String]
    /// Each `--data-binary`, sent after the `-d`s: `@FILE` keeps the file's line ends.
    public var binaryData: [String] = []
    /// `-L`: follow redirects.
    public var follow = false
    /// `-f`: an HTTP error is curl's error 22, without the body.
    public var fail = false
    public var headers: [String]
    public var silent: Bool
    public var verbose: Bool
    /// `-i`: the response's status line and headers on stdout, before the body.
    public var include = false

    public init(
        url: Argument, method: String? = nil, data: [String] = [], headers: [String] = [], silent: Bool = false,
        verbose: Bool = false
    ) {
        self.url = url
        self.method = method
        self.data = data
        self.headers = headers
        self.silent = silent
        self.verbose = verbose
    }

    /// The method curl sends: `-X`, else POST when there is data, else GET.
    public var effectiveMethod: String { method ?? (data.isEmpty && binaryData.isEmpty ? "GET" : "POST") }
    public var body: String { data.joined(separator: "&") }
}

/// `run NAME --image=IMG [--rm] [--restart=Never] [-it] -- COMMAND...` (kubectl run: a one-off pod).
public struct RunPodCommand: Hashable, Sendable {
    public var name: Argument
    public var image: String
    public var remove: Bool
    public var restart: String?
    public var attach: Bool
    public var command: [String]
    /// `-t`: a terminal (kubectl's "If you don't see a command prompt" line).
    public var tty = false
    /// What the image's shell reads when it runs without a command and `-i` (BusyBox's `sh`).
    public var input: ExecInput?
    /// `--dry-run` and `-o`: print the generated Pod instead of running it.
    public var options = WriteOptions()
}

/// What a command attached with `-i` reads.
public enum ExecInput: Hashable, Sendable {
    /// At the prompt: a nested prompt in the container, until `exit` or Ctrl-D.
    case terminal
    /// In a script: the lines after the command up to `exit`, as if typed at a terminal.
    case typedLines([ShellLine])
    /// A here-document: standard input that is not a terminal.
    case text(String)
}

/// `exec -i POD -- sh` (also `-t`, `bash`), or `exec -i POD -- COMMAND <<EOF`: the command reads
/// standard input.
public struct AttachedExec: Hashable, Sendable {
    public var pod: Argument
    public var container: String?
    public var command: [Argument]
    public var tty: Bool
    public var input: ExecInput
}

extension ExecInput {
    /// The input of a command given `-i` (`stdin`), or nil when it reads none. A here-document
    /// without `-i` is refused: kubectl would not pass it on.
    static func of(
        _ args: ParsedArguments, stdin: Bool, opensShell: Bool, command: String
    ) throws(Diagnostic) -> ExecInput? {
        if let doc = args.hereDocument {
            guard stdin else {
                throw Diagnostic(
                    at: args.commandText.hereDocument?.location ?? args.endLocation,
                    "\(command) passes a here-document to the container only with -i (--stdin), as kubectl does")
            }
            return .text(doc.text)
        }
        guard stdin, opensShell else { return nil }
        if let lines = args.commandText.shellLines { return .typedLines(lines) }
        return .terminal
    }
}
