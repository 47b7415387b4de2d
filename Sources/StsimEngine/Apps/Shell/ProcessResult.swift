/// What a command run in a container printed, and its exit status.
public struct ProcessResult: Sendable, Hashable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int
    /// The two streams in the order they were written, when a shell interleaved them.
    public var chunks: [OutputChunk] = []

    public init(stdout: String = "", stderr: String = "", exitCode: Int = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }

    /// What was printed, in order: the chunks, or else standard output then standard error.
    public var inOrder: [OutputChunk] {
        guard chunks.isEmpty else { return chunks }
        return [OutputChunk(text: stdout, isError: false), OutputChunk(text: stderr, isError: true)].filter {
            !$0.text.isEmpty
        }
    }
}

public struct OutputChunk: Sendable, Hashable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}

/// One run of a tool that the engine does not carry itself (the network tools, whose output
/// the session formats): the container it runs in, its arguments and its standard input.
public struct ToolCall {
    public let pod: Pod
    public let container: Int
    public let argv: [String]
    public let stdin: String
    /// The shell's working directory, for the tool's relative paths (`curl -o page.html`).
    public let cwd: String
}

/// Tools and effects the caller lends to a shell: `tools` by name (`curl`, `dig`, ...), and
/// `sleep`, which takes virtual time (a session lets the cluster run meanwhile; a probe adds
/// it to the command's duration).
public struct ShellHooks {
    public var tools: [String: (ToolCall) throws -> ProcessResult]
    public var sleep: (VirtualDuration) throws -> Void
    /// `sleep infinity`, where the caller can wait forever (a container's main process); nil
    /// refuses it, as a command at the prompt would never return.
    public var sleepForever: (() throws -> Void)?

    public init(
        tools: [String: (ToolCall) throws -> ProcessResult] = [:], sleep: @escaping (VirtualDuration) throws -> Void
    ) {
        self.tools = tools
        self.sleep = sleep
    }
}

/// A script that stopped part way (on a `ShellFailure`, or an error a hook threw), with what it
/// had printed until then.
public struct ShellStopped: Error {
    public var error: any Error
    public var partial: ProcessResult
}

/// Why a command could not run at all, in stsim's words (not a Kubernetes or shell message).
public enum ShellFailure: Error, Sendable, Hashable {
    /// A command real images have that stsim does not simulate (`apt-get`, `chown`).
    case notSimulated(String)
    /// A part of the language stsim's sh does not run, or a tool's option it does not take.
    case unsupported(String)
    /// A loop that did not end within the command budget.
    case runaway(Int)
}
