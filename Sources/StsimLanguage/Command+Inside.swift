/// `curl URL [-X METHOD] [-d DATA] [-H HEADER] [-s] [-v]`, as curl reads them.
public struct CurlCommand: Hashable, Sendable {
    public var url: Argument
    public var method: String?
    /// Each `-d`; curl joins several with `&` and then POSTs.
    public var data: [String]
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
    public var effectiveMethod: String { method ?? (data.isEmpty ? "GET" : "POST") }
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
}
