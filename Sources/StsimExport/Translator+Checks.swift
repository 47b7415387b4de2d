import StsimEngine
import StsimLanguage

/// `expect` and `wait`: checks that poll the real cluster with `kubectl get -o jsonpath` and
/// stop the script where they fail, and waits that are kubectl wait or rollout status.
extension Translator {
    func expect(_ e: Expectation) -> Translation {
        switch e {
        case .objectState(let kind, let name, let state, let node):
            var lines = [stateCheck(kind, kind == .node ? options.realNodeName(name.text) : name.text, state)]
            if let node = node.map(options.realNodeName) {
                lines.append(
                    check(
                        "\(KindWord.of(kind)) \(name.text) on \(node)", "is", node,
                        get(kind, name.text) + ["-o", "jsonpath={.spec.nodeName}"]))
            }
            return .command(lines)
        case .count(let kind, let selector, let comparison, let value):
            let what =
                "count \(kind.plural)" + (selector.map { " -l \($0)" } ?? "") + " \(comparison.rawValue) \(value)"
            return .command([
                check(
                    what, comparison.rawValue, "\(value)",
                    ["kubectl", "get", kind.plural] + (selector.map { ["-l", $0] } ?? []) + namespaceFlag + [
                        "-o", "name",
                    ])
            ])
        case .dnsAnswerCount(let type, let name, let count):
            return .command(
                [
                    check(
                        "dns \(type.rawValue) \(name) has \(count)", "==", "\(count)",
                        digPod(type, name, search: false, short: true))
                ],
                notes: ["a throwaway pod asks the cluster's DNS"])
        case .outputContains(let text):
            return .command(["stsim_expect_output \(BashText.word(whereText)) \(BashText.word(text))"])
        case .error(let inner): return expectError(inner)
        case .history(let check, _): return history(check)
        }
    }

    /// One `stsim_expect` line: WHERE WHAT TEST WANT -- the command whose output is tested.
    func check(_ what: String, _ test: String, _ want: String, _ command: [String]) -> String {
        "stsim_expect " + BashText.words([whereText, what, test, want, "--"] + command)
    }

    private func get(_ kind: ResourceKind, _ name: String) -> [String] {
        ["kubectl", "get", KindWord.of(kind), name] + namespaceFlag
    }

    /// stsim's states, in the fields kubectl shows them from (kubectl get's STATUS column is
    /// made of these).
    private func stateCheck(_ kind: ResourceKind, _ name: String, _ state: String) -> String {
        let what = "\(KindWord.of(kind)) \(name) \(state)"
        let ready = "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"
        if state == "Deleted" {
            return check(what, "unset", "", get(kind, name) + ["--ignore-not-found", "-o", "name"])
        }
        if state == "Terminating" {
            return check(what, "set", "", get(kind, name) + ["-o", "jsonpath={.metadata.deletionTimestamp}"])
        }
        switch kind {
        case .pod:
            switch state {
            case "Ready": return check(what, "is", "True", get(kind, name) + ["-o", ready])
            case "NotReady": return check(what, "isnot", "True", get(kind, name) + ["-o", ready])
            case "Running", "Pending", "Succeeded", "Failed":
                // A pod being deleted is Terminating, not Running: the timestamp spoils the match.
                return check(
                    what, "is", state,
                    get(kind, name) + ["-o", "jsonpath={.status.phase}{.metadata.deletionTimestamp}"])
            case "Unknown":
                return check(what, "has", "NodeLost", get(kind, name) + ["-o", "jsonpath={.status.reason}"])
            default:
                // CrashLoopBackOff, ErrImagePull, Completed, ...: a container's waiting or terminated reason.
                return check(
                    what, "has", state,
                    get(kind, name) + [
                        "-o",
                        "jsonpath={.status.containerStatuses[*].state.waiting.reason} {.status.containerStatuses[*].state.terminated.reason}",
                    ])
            }
        case .statefulSet:
            return check(
                what, state == "Ready" ? "ready" : "notready", "",
                get(kind, name) + ["-o", "jsonpath={.status.readyReplicas}/{.spec.replicas}"])
        case .node:
            return check(what, state == "Ready" ? "is" : "isnot", "True", get(kind, name) + ["-o", ready])
        default:
            return check(what, "is", state, get(kind, name) + ["-o", "jsonpath={.status.phase}"])
        }
    }

    /// `expect error COMMAND`: the command must fail; a success stops the script.
    private func expectError(_ inner: CommandText) -> Translation {
        let innerText = String(inner.text.split(separator: "\n", maxSplits: 1).first ?? "")
        guard let statement = try? Parser.parseStatement(inner, variables: variables),
            let translator = try? Translator(
                statement: statement, text: inner, variables: variables, options: options, read: read)
        else {
            return Translation(
                notes: ["stsim refuses `\(innerText)` before it reaches the cluster: nothing to run here"])
        }
        let t = translator.translate()
        guard t.runs, t.single, let first = t.lines.first else {
            return .skip(whereText, written, how: "check by hand that `\(innerText)` fails")
        }
        return .command(
            ["if " + first] + t.lines.dropFirst()
                + ["then stsim_unexpected_success \(BashText.word(whereText)) \(BashText.word(innerText)); fi"])
    }

    /// History checks need stsim's record of everything that happened; `within` keeps its
    /// state check (the time bound is not measured here).
    private func history(_ check: HistoryCheck) -> Translation {
        if case .within(_, let state) = check {
            var t = Translation.command([stateCheck(state.kind, state.name.text, state.state)])
            t.notes = ["the state is checked; how soon it came is stsim's to measure"]
            return t
        }
        return .skip(
            whereText, written,
            how: "read what happened in kubectl get events --sort-by=.lastTimestamp (or watch kubectl get pods -w)")
    }

    /// `wait`: kubectl wait (after --for=create: the object may not be there yet, where stsim
    /// waits for it too), or kubectl rollout status for `wait sts NAME ready`.
    func wait(_ kind: ResourceKind, _ name: String, _ condition: WaitCondition, _ timeout: VirtualDuration?)
        -> Translation
    {
        let limit =
            timeout.map { "--timeout=" + BashText.seconds($0.milliseconds) } ?? "--timeout=\"$STSIM_SETTLE_TIMEOUT\""
        let object = BashText.words(["\(KindWord.of(kind))/\(name)"] + namespaceFlag)
        let wait: String
        switch condition {
        case .deleted: return .command(["kubectl wait --for=delete \(object) \(limit)"])
        case .ready where kind == .statefulSet:
            return .command(["kubectl rollout status \(object) \(limit)"])
        case .ready: wait = "kubectl wait --for=condition=Ready \(object) \(limit)"
        case .running: wait = "kubectl wait --for=jsonpath='{.status.phase}'=Running \(object) \(limit)"
        case .bound: wait = "kubectl wait --for=jsonpath='{.status.phase}'=Bound \(object) \(limit)"
        }
        var t = Translation.command(["kubectl wait --for=create \(object) \(limit)", wait])
        t.single = false
        t.outputLine = 1
        return t
    }
}
