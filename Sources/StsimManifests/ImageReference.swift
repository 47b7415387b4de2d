/// Container image references as the kubelet parses them (distribution/reference): a reference it
/// cannot parse leaves the container `Waiting` with reason `InvalidImageName`, and the API server
/// does not check it on create.
enum ImageReference {
    /// Why `image` is not a valid reference, or nil when it is.
    static func problem(_ image: String) -> String? {
        if image.isEmpty { return nil }  // reported as `image: Required value` elsewhere
        if image.contains(where: { $0 == " " || $0 == "\t" }) { return "it contains whitespace" }
        var rest = Substring(image)
        if let at = rest.firstIndex(of: "@") {
            let digest = rest[rest.index(after: at)...]
            guard let colon = digest.firstIndex(of: ":"), !digest[..<colon].isEmpty,
                digest[digest.index(after: colon)...].count >= 32,
                digest[digest.index(after: colon)...].allSatisfy(\.isHexDigit)
            else { return "the digest after @ is not algorithm:hex" }
            rest = rest[..<at]
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard var last = components.popLast() else { return "it is empty" }
        if let colon = last.lastIndex(of: ":") {
            let tag = last[last.index(after: colon)...]
            guard let first = tag.first, first.isASCII, first.isLetter || first.isNumber || first == "_",
                tag.count <= 128,
                tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") })
            else { return "the tag \"\(tag)\" is not valid" }
            last = last[..<colon]
        }
        // The first component is a registry host when it has a dot, a port, or is localhost.
        if components.count >= 1, let host = components.first,
            host.contains(".") || host.contains(":") || host == "localhost"
        {
            components.removeFirst()
        }
        for component in components + [last] {
            if !isPathComponent(component) {
                return "\"\(component)\" must be lower case letters and digits, separated by '.', '_', '__' or '-'"
            }
        }
        return nil
    }

    private static func isPathComponent(_ s: Substring) -> Bool {
        let alnum: (Character) -> Bool = { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        guard let f = s.first, let l = s.last, alnum(f), alnum(l) else { return false }
        var previous: Character = f
        var underscores = 0
        for c in s.dropFirst() {
            if alnum(c) {
                underscores = 0
            } else if c == "_" {
                underscores += 1
                if underscores > 2 || (previous != "_" && !alnum(previous)) { return false }
            } else if c == "." || c == "-" {
                if c == "." && !alnum(previous) { return false }
                if c == "-" && !(alnum(previous) || previous == "-") { return false }
                underscores = 0
            } else {
                return false
            }
            previous = c
        }
        return true
    }
}
