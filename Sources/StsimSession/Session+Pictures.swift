import StsimEngine
import StsimLanguage
import StsimRender

/// `timeline` and the picture files: the session picks the history and the window, Render draws.
extension Session {
    /// Pod lanes a terminal shows before it counts the rest; files draw up to `fileLaneLimit`.
    static let terminalLaneLimit = 60
    static let fileLaneLimit = 5000

    func timeline(_ command: TimelineCommand) throws {
        var window = TimelineBuilder.Options()
        window.namespace = cluster.config.namespace
        switch command.since {
        case .at(let t): window.since = t
        case .last(let d): window.since = cluster.now - d
        case nil: break
        }
        window.until = command.until
        window.selector = try command.selector.map {
            try SelectorText.parse($0, at: SourceLocation(file: "", line: 0, column: 0))
        }
        let history = cluster.history
        let records = history.records(from: history.firstKept)
        let toFile = command.html != nil || command.svg != nil
        window.podLaneLimit = toFile ? Session.fileLaneLimit : Session.terminalLaneLimit
        let timeline = TimelineBuilder.build(
            records, now: cluster.now, droppedUntil: history.droppedUntil, options: window)
        if let path = command.html {
            try writeHostFile(path, TimelineHTML.render(timeline))
            printer.line("wrote \(path.text): \(TimelineText.summary(timeline)) (open it in a browser)")
        }
        if let path = command.svg {
            try writeHostFile(path, TimelineSVG.render(timeline))
            printer.line("wrote \(path.text): \(TimelineText.summary(timeline))")
        }
        if !toFile {
            let width = command.width ?? self.options.terminalWidth ?? 100
            printer.block(TimelineText.render(timeline, width: width, colour: self.options.colour))
        }
    }
}
