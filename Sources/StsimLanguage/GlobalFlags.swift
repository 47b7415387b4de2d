/// kubectl's global flags typed before the command (`kubectl -n kube-system get pods`,
/// `kubectl --namespace=x get pods`, `kubectl -A get pods`): cobra reads persistent flags
/// anywhere on the line, so they move to just after the command's own words (before `--`),
/// where the command reads them as if typed there. A flag the command does not take is then
/// refused by the command at its own column, as any misplaced flag is.
enum GlobalFlags {
    /// kubectl's persistent flags that take a value as the next word.
    static let takingValue: Set<String> = [
        "-n", "--namespace", "--context", "--cluster", "--user", "--kubeconfig", "-s", "--server", "--token",
        "--request-timeout", "-v", "--v", "--as", "--as-group", "--cache-dir", "--certificate-authority",
        "--client-certificate", "--client-key", "--tls-server-name", "--username", "--password", "--profile",
        "--profile-output", "--log-file", "--vmodule",
    ]

    static func hoisted<Word>(_ words: [Word], text: (Word) -> String) -> [Word] {
        var leading: [Word] = []
        var i = 0
        while i < words.count, text(words[i]).hasPrefix("-"), text(words[i]) != "--" {
            leading.append(words[i])
            if takingValue.contains(text(words[i])), i + 1 < words.count {
                leading.append(words[i + 1])
                i += 1
            }
            i += 1
        }
        guard !leading.isEmpty else { return words }
        var rest = Array(words[i...])
        let end = rest.firstIndex { text($0) == "--" } ?? rest.count
        rest.insert(contentsOf: leading, at: end)
        return rest
    }
}
