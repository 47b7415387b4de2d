/// Pieces of a long output (a streamed `-o json` listing) gathered into chunks of about 64 KiB
/// before they reach the printer: few writes, and never more than a chunk held at once.
final class ChunkedOutput {
    private let printer: Printer
    private var buffer = ""
    static let chunkBytes = 1 << 16

    init(_ printer: Printer) {
        self.printer = printer
        buffer.reserveCapacity(Self.chunkBytes * 2)
    }

    func write(_ piece: String) {
        buffer += piece
        if buffer.utf8.count >= Self.chunkBytes { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        printer.piece(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
