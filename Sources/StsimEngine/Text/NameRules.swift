/// Kubernetes' name and label rules, with their exact messages: the one home of both, used by the
/// API server's validation (`Validation`) and the manifest checks (StsimManifests). Upstream:
/// kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go.
public enum NameRules {
    public static let dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    public static let dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    public static let dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    public static let labelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    public static let qualifiedNameMessage =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

    public static func tooLong(_ max: Int) -> String { "must be no more than \(max) characters" }

    private static func isLowerAlnum(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
    private static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
    private static func isAlnum(_ c: Unicode.Scalar) -> Bool { isLowerAlnum(c) || ("A"..."Z").contains(c) }

    /// Messages for a DNS-1123 label (empty when valid).
    public static func dns1123Label(_ s: String) -> [String] {
        var errs: [String] = []
        if s.count > 63 { errs.append(tooLong(63)) }
        if !matchesDNS1123Label(s.utf8) { errs.append(dns1123LabelMessage) }
        return errs
    }

    /// The DNS-1123 label pattern alone, `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, without the length
    /// limit; over bytes, since the API server checks every pod name a StatefulSet creates.
    public static func matchesDNS1123Label<S: Collection>(_ b: S) -> Bool where S.Element == UInt8 {
        guard let first = b.first else { return false }
        var last = first
        for c in b {
            guard isLowerAlnum(c) || c == 45 else { return false }
            last = c
        }
        return isLowerAlnum(first) && isLowerAlnum(last)
    }

    /// Go's `IsDNS1123Label` finds nothing: the pattern and at most 63 bytes.
    public static func isDNS1123Label(_ s: String) -> Bool { s.utf8.count <= 63 && matchesDNS1123Label(s.utf8) }

    /// Go's `IsDNS1123Subdomain` finds nothing: at most 253 bytes, dot-separated label patterns.
    public static func isDNS1123Subdomain(_ s: String) -> Bool {
        s.utf8.count <= 253 && matchesDNS1123Subdomain(s)
    }

    /// Go's `IsEnvVarName` finds nothing: `[-._a-zA-Z][-._a-zA-Z0-9]*` (1.32, without the
    /// relaxed validation gate).
    public static func isEnvVarName(_ s: String) -> Bool {
        func letter(_ c: UInt8) -> Bool {
            (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 46 || c == 95
        }
        guard let f = s.utf8.first, letter(f) else { return false }
        return s.utf8.allSatisfy { letter($0) || ($0 >= 48 && $0 <= 57) }
    }

    /// Go's `IsDNS1035Label` finds nothing: a DNS-1123 label that starts with a letter.
    public static func isDNS1035Label(_ s: String) -> Bool {
        guard isDNS1123Label(s), let f = s.utf8.first else { return false }
        return f >= 97 && f <= 122
    }

    private static func matchesDNS1123Subdomain(_ s: String) -> Bool {
        s.utf8.split(separator: 46, omittingEmptySubsequences: false).allSatisfy { matchesDNS1123Label($0) }
    }

    public static func dns1123Subdomain(_ s: String) -> [String] {
        var errs: [String] = []
        if s.count > 253 { errs.append(tooLong(253)) }
        if !matchesDNS1123Subdomain(s) { errs.append(dns1123SubdomainMessage) }
        return errs
    }

    public static func dns1035Label(_ s: String) -> [String] {
        var errs: [String] = []
        if s.count > 63 { errs.append(tooLong(63)) }
        let startsWithLetter = s.utf8.first.map { $0 >= 97 && $0 <= 122 } == true
        if !(startsWithLetter && matchesDNS1123Label(s.utf8)) { errs.append(dns1035LabelMessage) }
        return errs
    }

    public static func labelValue(_ s: String) -> [String] {
        var errs: [String] = []
        if s.count > 63 { errs.append(tooLong(63)) }
        if !s.isEmpty, !isQualifiedNamePart(s) { errs.append(labelValueMessage) }
        return errs
    }

    private static func isQualifiedNamePart(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard let f = u.first, let l = u.last, isAlnum(f), isAlnum(l) else { return false }
        return u.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// A label or annotation key: an optional DNS-1123 subdomain prefix and `/`, then a name part.
    public static func qualifiedName(_ s: String) -> [String] {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var name = s
        var errs: [String] = []
        if parts.count == 2 {
            name = parts[1]
            if parts[0].isEmpty {
                errs.append("prefix part must be non-empty")
            } else {
                errs += dns1123Subdomain(parts[0]).map { "prefix part \($0)" }
            }
        } else if parts.count > 2 {
            return [
                "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
            ]
        }
        if name.isEmpty {
            errs.append("name part must be non-empty")
        } else {
            if name.count > 63 { errs.append("name part \(tooLong(63))") }
            if !isQualifiedNamePart(name) { errs.append(qualifiedNameMessage) }
        }
        return errs
    }

    /// IANA service names for named ports: at most 15 characters, lower-case letters, digits and `-`,
    /// at least one letter, no leading, trailing or double `-`.
    public static func ianaServiceName(_ s: String) -> [String] {
        var errs: [String] = []
        if s.count > 15 { errs.append(tooLong(15)) }
        let u = Array(s.unicodeScalars)
        if !u.allSatisfy({ isLowerAlnum($0) || $0 == "-" }) {
            errs.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if s.contains("--") { errs.append("must not contain consecutive hyphens") }
        if !u.contains(where: { ("a"..."z").contains($0) }) { errs.append("must contain at least one letter (a-z)") }
        if s.hasPrefix("-") || s.hasSuffix("-") { errs.append("must not begin or end with a hyphen") }
        return errs
    }
}
