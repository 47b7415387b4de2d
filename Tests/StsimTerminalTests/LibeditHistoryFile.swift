import Foundation
import XCTest

/// libedit's history file: a `_HiStOrY_V2_` line, then one entry per line encoded with
/// strvis(3) (space as `\040`, other unsafe bytes as octal escapes, backslash doubled).
enum LibeditHistoryFile {
    static func entries(atPath path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PseudoTerminalProcess.Failure(description: "no history file at \(path)")
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "_HiStOrY_V2_" else {
            throw PseudoTerminalProcess.Failure(
                description: "\(path) is not a libedit history file: \(lines.first ?? "")")
        }
        lines.removeFirst()
        if lines.last == "" { lines.removeLast() }
        return lines.map { unvis(Array($0.utf8)) }
    }

    private static func unvis(_ bytes: [UInt8]) -> String {
        var decoded: [UInt8] = []
        var index = 0
        let octal = UInt8(ascii: "0")...UInt8(ascii: "7")
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 3 < bytes.count,
                bytes[(index + 1)...(index + 3)].allSatisfy(octal.contains)
            {
                let value = bytes[(index + 1)...(index + 3)].reduce(0) { $0 * 8 + Int($1 - UInt8(ascii: "0")) }
                decoded.append(UInt8(truncatingIfNeeded: value))
                index += 4
            } else if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "\\")
            {
                decoded.append(UInt8(ascii: "\\"))
                index += 2
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
