import Foundation
import StsimSession
import StsimTerminal

/// `stsim lesson [list | start NAME | check FILE... | grade NAME SCRIPT]`.
struct LessonLaunch {
    let options: Session.Options

    func run(_ arguments: [String]) -> Int32 {
        let output = PromptOutput()
        let session = Session(options: options, output: output)
        let library = FileLessonLibrary()
        session.lessonLibrary = library
        switch (arguments.first, arguments.count) {
        case (nil, _), ("list", 1):
            return session.runScript("lesson list", file: "<command-line>")
        case ("start", 2):
            guard isatty(0) == 1 else {
                return usage("lesson start needs a terminal; lesson grade NAME SCRIPT judges a script")
            }
            print(Launch.welcome)
            guard session.runScript("lesson start \(arguments[1])", file: "<command-line>") == 0 else { return 1 }
            // A lesson's prompt can serve too, so its tasks can be done with the real kubectl.
            let serving = ServeBridge()
            output.atPrompt = isatty(1) == 1
            serving.promptOutput = output
            session.apiServer = serving
            defer { serving.stop() }
            return Repl.run(host: ReplBridge(session: session))
        case ("check", let n) where n > 1:
            var status: Int32 = 0
            for path in arguments.dropFirst() {
                guard let text = read(path) else { return usage("cannot read the lesson \"\(path)\"") }
                let name = FileLessonLibrary.name(ofFile: (path as NSString).lastPathComponent)
                if Session(options: options).checkLesson(text, file: path, name: name) != 0 { status = 1 }
            }
            return status
        case ("grade", 3):
            guard let (text, file) = lessonText(arguments[1], library) else {
                return usage("no lesson \"\(arguments[1])\" (a NAME from stsim lesson list, or a .lesson file)")
            }
            guard let script = read(arguments[2]) else { return usage("cannot read the script \"\(arguments[2])\"") }
            let name = FileLessonLibrary.name(ofFile: (file as NSString).lastPathComponent)
            return session.gradeLesson(text, file: file, name: name, script: script, scriptFile: arguments[2])
        default:
            return usage("usage: stsim lesson [list | start NAME | check FILE... | grade NAME SCRIPT]")
        }
    }

    private func lessonText(_ name: String, _ library: FileLessonLibrary?) -> (String, String)? {
        if name.hasSuffix(".lesson"), let text = read(name) { return (text, name) }
        return library?.lessonText(name)
    }

    private func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func usage(_ message: String) -> Int32 {
        printError("stsim: \(message)")
        return 2
    }
}
