/// `chmod`: stsim does not model file modes (a container's processes run as root, which every
/// mode lets through), so a valid change has nothing to alter; what it still checks is what the
/// real tool checks: the mode's syntax and that each file exists. The tutorial runs it to mend
/// the permissions of a hostPath volume.
extension Shell {
    func chmod(_ args: [String]) -> ProcessResult {
        var mode: String?
        var paths: [String] = []
        var quiet = false
        for a in args {
            if mode == nil, a.count > 1, a.hasPrefix("-"), a.dropFirst().allSatisfy({ "Rfvc".contains($0) }) {
                if a.contains("f") { quiet = true }
            } else if mode == nil {
                mode = a
            } else {
                paths.append(a)
            }
        }
        guard let mode, !paths.isEmpty else {
            if let mode { return missingOperand("chmod", after: mode) }
            return missingOperand("chmod")
        }
        guard Self.isMode(mode) else {
            return ProcessResult(
                stderr: busybox
                    ? "chmod: invalid mode '\(mode)'\n"
                    : "chmod: invalid mode: '\(mode)'\nTry 'chmod --help' for more information.\n",
                exitCode: 1)
        }
        var r = ProcessResult()
        for path in paths where files.kind(absolute(path)) == nil {
            r.exitCode = 1
            if quiet { continue }
            r.stderr +=
                busybox
                ? "chmod: \(path): No such file or directory\n"
                : "chmod: cannot access '\(path)': No such file or directory\n"
        }
        return r
    }

    /// An octal mode (`755`, `0644`) or symbolic clauses (`u+x`, `go-w,a+r`, `=rw`).
    static func isMode(_ text: String) -> Bool {
        if let first = text.first, first.isNumber {
            return text.count <= 4 && text.allSatisfy { ("0"..."7").contains($0) }
        }
        return text.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { clause in
            var rest = clause.drop { "ugoa".contains($0) }
            guard let op = rest.first, "+-=".contains(op) else { return false }
            while let op = rest.first, "+-=".contains(op) {
                rest = rest.dropFirst().drop { "rwxXstugo".contains($0) }
            }
            return rest.isEmpty
        }
    }

    /// coreutils' "missing operand after 'MODE'"; BusyBox says what it says for no operand at all.
    private func missingOperand(_ tool: String, after operand: String) -> ProcessResult {
        guard !busybox else { return missingOperand(tool) }
        return ProcessResult(
            stderr: "\(tool): missing operand after '\(operand)'\nTry '\(tool) --help' for more information.\n",
            exitCode: 1)
    }
}
