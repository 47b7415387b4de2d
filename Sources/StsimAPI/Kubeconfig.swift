import Foundation

/// The kubeconfig `stsim serve` writes: one cluster, one context, current. The token is in the
/// server URL's path (kubectl sends a user's token only over TLS; see HTTPConnectionHandler).
/// Written with mode 0600, since the token is the API's only guard.
public enum Kubeconfig {
    /// `namespace`: the session's current one (a script may have run `config set-context`).
    public static func text(port: Int, token: String, namespace: String = "default") -> String {
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: stsim
          cluster:
            server: http://127.0.0.1:\(port)/\(token)
        users:
        - name: stsim
          user: {}
        contexts:
        - name: stsim
          context:
            cluster: stsim
            user: stsim
            namespace: \(namespace)
        current-context: stsim

        """
    }

    /// `$XDG_STATE_HOME/stsim/kubeconfig`, or `~/.local/state/stsim/kubeconfig`.
    public static var defaultPath: String {
        let env = ProcessInfo.processInfo.environment
        let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/state")
        return state + "/stsim/kubeconfig"
    }

    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = path + ".tmp"
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        // rename(2) replaces atomically: a reader never sees half a kubeconfig.
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// 32 random bytes as hex, from the system's generator (the token is not part of the
    /// simulation, so it does not come from the seeded random).
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
