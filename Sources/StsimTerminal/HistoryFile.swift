#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the interactive history persists: `STSIM_HISTORY` when set (an empty value turns
/// persistence off, as an empty `HISTFILE` does in bash), else `~/.stsim_history`.
public enum HistoryFile {
    public static var path: String? {
        resolve(override: environment("STSIM_HISTORY"), home: environment("HOME"))
    }

    public static func resolve(override: String?, home: String?) -> String? {
        if let override { return override.isEmpty ? nil : override }
        guard let home, !home.isEmpty else { return nil }
        return home.hasSuffix("/") ? home + ".stsim_history" : home + "/.stsim_history"
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
