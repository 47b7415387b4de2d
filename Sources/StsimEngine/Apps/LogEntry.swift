/// One entry of a container run's log: a line the program printed, or nginx's start-up or
/// graceful stop kept as the facts its lines are made of and written out only when the log is
/// read. Seventeen strings per nginx container were most of a large cluster's memory and about a
/// tenth of its simulation time, and `kubectl logs` reads few of them.
enum LogEntry: Hashable, Sendable {
    case line(String)
    case nginxStart(image: String, kernel: String, cpus: Int, at: VirtualTime)
    case nginxQuit(cpus: Int, at: VirtualTime)

    func append(to lines: inout [String]) {
        switch self {
        case .line(let line): lines.append(line)
        case .nginxStart(let image, let kernel, let cpus, let t):
            lines += NginxLog.start(image: image, kernel: kernel, cpus: cpus, at: t)
        case .nginxQuit(let cpus, let t): lines += NginxLog.quit(cpus: cpus, at: t)
        }
    }
}

/// What one container run printed, oldest first. Saved and shown (`stateDump`) as the lines it
/// stands for, so a log is the same whichever way its entries are kept, as after a load.
struct LogLines: Hashable, Sendable, Codable, CustomReflectable {
    private var entries: [LogEntry] = []
    /// When each entry was written, as the runtime stamps each line (`logs --timestamps`,
    /// `--since`); nil for a log read back from a save, which keeps the lines, not their times.
    private var times: [VirtualTime]? = []

    init() {}

    mutating func append(_ entry: LogEntry, at time: VirtualTime) {
        entries.append(entry)
        times?.append(time)
    }

    var lines: [String] {
        var lines: [String] = []
        for entry in entries { entry.append(to: &lines) }
        return lines
    }

    /// Each line with the time it was written, or nil when the times are not known.
    var timedLines: [(time: VirtualTime, line: String)]? {
        guard let times else { return nil }
        var out: [(time: VirtualTime, line: String)] = []
        for (entry, time) in zip(entries, times) {
            var lines: [String] = []
            entry.append(to: &lines)
            out += lines.map { (time, $0) }
        }
        return out
    }

    var customMirror: Mirror { Mirror(self, unlabeledChildren: lines, displayStyle: .collection) }

    init(from decoder: any Decoder) throws {
        entries = try [String](from: decoder).map(LogEntry.line)
        times = nil
    }

    func encode(to encoder: any Encoder) throws { try lines.encode(to: encoder) }
}
