/// One HTTP request as the routes see it: the path split into segments, the query decoded.
public struct APIRequest: Sendable {
    public var method: String
    public var path: String
    public var segments: [String]
    public var query: [String: String]
    /// Every `name=value` in order: a repeated name (exec's `command=`) keeps each value.
    public var queryItems: [(name: String, value: String)] = []
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String, target: String, headers: [String: String], body: [UInt8]) {
        self.method = method
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts.first ?? "")
        segments = path.split(separator: "/").map { Self.percentDecoded(String($0)) }
        var query: [String: String] = [:]
        var queryItems: [(name: String, value: String)] = []
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = Self.percentDecoded(String(kv[0]))
                let value = kv.count > 1 ? Self.percentDecoded(String(kv[1])) : ""
                query[key] = value
                queryItems.append((key, value))
            }
        }
        self.query = query
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
    }

    /// Every value of a query parameter, in order.
    public func queryValues(_ name: String) -> [String] { queryItems.filter { $0.name == name }.map(\.value) }

    /// A header by its lower-case name.
    public func header(_ name: String) -> String? { headers[name] }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// `watch=true` or `watch=1`, as the API server accepts.
    public var isWatch: Bool { query["watch"] == "true" || query["watch"] == "1" }

    /// kubectl's Table Accept header (`as=Table;v=v1;g=meta.k8s.io`) asks for server-side rows.
    public var wantsTable: Bool { (header("accept") ?? "").contains("as=Table") }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
