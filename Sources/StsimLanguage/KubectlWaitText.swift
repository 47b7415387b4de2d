import StsimEngine

/// kubectl's `wait --for=...` (kubectl's pkg/cmd/wait/wait.go, `conditionFuncFor`): the condition
/// text and the objects it is checked on, with kubectl's own error texts where it has them.
extension TimeCommands {
    static func kubectlWait(_ args: inout ParsedArguments, _ flag: Argument) throws(Diagnostic) -> Command {
        let condition = try kubectlCondition(flag)
        let (kind, names) = try ResourceCommands.kindAndNames(&args, what: "KIND")
        try ResourceCommands.refuseNamesInEveryNamespace(args, names)
        let targets: KubectlWaitCommand.Targets
        if let selector = args.flag("selector") {
            if let extra = names.first {
                throw Diagnostic(at: extra.location, "name cannot be provided when a selector is specified")
            }
            _ = try SelectorText.parse(selector.text, at: selector.location)
            targets = .selector(selector.text)
        } else if try args.bool("all") {
            if let extra = names.first {
                throw Diagnostic(at: extra.location, "name cannot be provided when --all is specified")
            }
            targets = .all
        } else if names.isEmpty {
            throw Diagnostic(
                at: args.endLocation, "resource(s) were provided, but no name was specified",
                hint: "name the objects (\(kind.singular)/NAME), or use -l SELECTOR or --all")
        } else {
            targets = .names(names)
        }
        // kubectl's --timeout defaults to 30s; a negative one means a week.
        var timeout = VirtualDuration.seconds(30)
        if let t = args.flag("timeout") {
            timeout = t.text.hasPrefix("-") ? .seconds(168 * 3600) : try ParsedArguments.duration(t)
        }
        var command = KubectlWaitCommand(
            kind: kind, targets: targets, condition: condition, timeout: timeout, namespace: Common.namespace(args))
        command.allNamespaces = try args.bool("all-namespaces")
        return .kubectlWait(command)
    }

    static func kubectlCondition(_ flag: Argument) throws(Diagnostic) -> KubectlWaitCondition {
        let text = flag.text
        if text.lowercased() == "delete" { return .delete }
        if text.hasPrefix("condition=") {
            let rest = text.dropFirst("condition=".count)
            guard let eq = rest.firstIndex(of: "=") else { return .condition(type: String(rest), status: "true") }
            return .condition(type: String(rest[..<eq]), status: String(rest[rest.index(after: eq)...]))
        }
        if text.hasPrefix("jsonpath=") {
            let parts = text.split(separator: "=", omittingEmptySubsequences: false).dropFirst().map(String.init)
            guard parts.count <= 2 else {
                throw Diagnostic(
                    at: flag.location,
                    "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'"
                )
            }
            let path: FieldPath
            switch FieldPath.parse(parts[0]) {
            case .success(let p): path = p
            case .failure(let e): throw Diagnostic(at: flag.location, e.message)
            }
            guard parts.count == 2 else { return .jsonPath(path, value: nil) }
            let trimmed = goTrim(parts[1], "'\"")
            if parts[1].isEmpty { throw Diagnostic(at: flag.location, "jsonpath wait value cannot be empty") }
            return .jsonPath(path, value: trimmed)
        }
        throw Diagnostic(
            at: flag.location, "unrecognized condition: \"\(text)\"",
            hint: "--for=condition=Ready, --for=delete or --for=jsonpath={.status.readyReplicas}=3")
    }

    /// Go's `strings.Trim(s, cutset)`: kubectl trims quotes around the expected value.
    private static func goTrim(_ text: String, _ cutset: String) -> String {
        var s = Substring(text)
        while let f = s.first, cutset.contains(f) { s = s.dropFirst() }
        while let l = s.last, cutset.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
