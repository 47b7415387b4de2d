import StsimSession
import StsimTerminal

/// The session's progress samples drawn on the terminal's progress line, with the events per
/// second measured on the wall clock only the terminal reads.
final class ProgressBridge: ProgressDisplay {
    private let line: ProgressLine
    private var startEvents = 0

    init(width: Int) { line = ProgressLine(width: width) }

    func begin(processedEvents: Int) {
        startEvents = processedEvents
        line.begin()
    }

    func poll(_ sample: () -> ProgressSample) {
        guard line.due() else { return }
        let s = sample()
        let rate = Int(Double(s.processedEvents - startEvents) / max(line.elapsed, 0.001))
        line.draw(s.text(eventsPerSecond: rate))
    }

    func end() { line.end() }
}
