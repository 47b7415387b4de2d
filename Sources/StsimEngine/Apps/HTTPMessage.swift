/// An HTTP request as a simulated program receives it.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    /// The path with its query, as sent (`/`, `/data`).
    public var path: String
    public var body: String
    /// The client's address, which the programs log.
    public var client: String
    /// The User-Agent header (`curl/7.88.1`, `kube-probe/1.32`); nil when the client sends none.
    public var userAgent: String?
    /// The Host header as the client sent it (`web-0.nginx`, `localhost:8080`); nil when it sent
    /// none. A server's absolute redirect names it (nginx's `$host`).
    public var host: String?

    public init(method: String = "GET", path: String = "/", body: String = "", client: String, userAgent: String? = nil)
    {
        self.method = method
        self.userAgent = userAgent
        self.path = path.isEmpty ? "/" : path
        self.body = body
        self.client = client
    }
}

/// A program's answer.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var body: String
    /// nil: the program set none (Node's `http` module sends no Content-Type of its own).
    public var contentType: String?
    /// A redirect's target (the Location header), nil for other answers.
    public var location: String?
    /// The Server header (`nginx/1.27.4`); nil when the program sends none (Node's `http`).
    public var server: String?

    public init(status: Int = 200, body: String, contentType: String? = nil) {
        self.status = status
        self.body = body
        self.contentType = contentType
    }

    /// The reason phrase of the status line.
    public var reason: String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: ""
        }
    }
}

/// Why a connection inside the cluster network failed, in the terms the client libraries use.
public enum ConnectError: Error, Sendable, Hashable {
    /// No DNS answer for the name (getaddrinfo ENOTFOUND, curl's "Could not resolve host").
    case unknownHost(String)
    /// Nothing listens at that address and port (ECONNREFUSED).
    case refused(ip: String, port: Int)
    /// The address is on the other side of a network partition: no answer at all (ETIMEDOUT).
    /// The simulation answers at once; a real client waits for its connect timeout first.
    case timedOut(ip: String, port: Int)
}
