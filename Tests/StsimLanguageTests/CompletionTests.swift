import StsimEngine
import XCTest

@testable import StsimLanguage

/// A cluster and a directory for completion to look at.
struct FakeCompletionContext: CompletionContext {
    var objects: [ResourceKind: [String]] = [
        .pod: ["web-0", "web-1", "db-0"], .statefulSet: ["web", "db"], .persistentVolumeClaim: ["data-web-0"],
    ]
    var nodes = ["node-1", "node-2"]
    /// Like a directory listing: the entries of the directory the prefix names, filtered.
    func fileNames(matching prefix: String) -> [String] {
        let entries =
            prefix.hasPrefix("examples/")
            ? ["examples/quickstart.sts", "examples/web.sts"]
            : ["examples/", "web.yaml"]
        return entries.filter { $0.hasPrefix(prefix) }
    }
    func objectNames(ofKind kind: ResourceKind) -> [String] { objects[kind] ?? [] }
    func nodeNames() -> [String] { nodes }
}

final class CompletionTests: XCTestCase {
    let completer = Completer(context: FakeCompletionContext())

    private func complete(_ line: String) -> [String] { completer.complete(line) }

    // MARK: - Command words

    func testCommandWords() {
        XCTAssertEqual(complete("sca"), ["scale"])
        XCTAssertEqual(
            complete("s"), ["save", "scale", "seed", "serve", "set", "settle", "skip", "snapshot", "solution"])
        XCTAssertEqual(complete("ex"), ["exec", "exit", "expect", "explain", "explore"])
        XCTAssertEqual(complete("rec"), ["reconnect"])
        XCTAssertEqual(complete("zzz"), [])
    }

    func testEmptyLineOffersEveryCommandAndKubectl() {
        let all = complete("")
        XCTAssertEqual(all, (CommandRegistry.standard.allNames + ["kubectl"]).sorted())
        XCTAssertEqual(complete("  "), all)
    }

    func testLeadingKubectl() {
        XCTAssertEqual(complete("kub"), ["kubectl"])
        XCTAssertEqual(complete("kubectl"), ["kubectl"])
        XCTAssertEqual(complete("kubectl sca"), ["scale"])
        XCTAssertFalse(complete("kubectl ").contains("kubectl"))
        XCTAssertEqual(complete("kubectl ").count, CommandRegistry.standard.allNames.count)
        XCTAssertEqual(complete("kubectl get po"), ["po", "pod", "poddisruptionbudget"])
        XCTAssertEqual(complete("kubectl scale sts "), ["db", "web"])
        XCTAssertEqual(complete("kubectl get sts/w"), ["sts/web"])
        XCTAssertEqual(complete("kubectl delete pod web-0 --gr"), ["--grace-period="])
    }

    func testAfterASemicolonANewCommandStarts() {
        XCTAssertEqual(complete("get pods; sca"), ["scale"])
        XCTAssertEqual(complete("get pods;scale sts "), ["db", "web"])
    }

    func testUnknownCommandOffersNothing() {
        XCTAssertEqual(complete("foo "), [])
        XCTAssertEqual(complete("foo --"), [])
    }

    // MARK: - Kinds

    func testKinds() {
        XCTAssertEqual(
            complete("get "),
            [
                "all", "cm", "configmap", "controllerrevision", "daemonset", "ds", "endpoints", "endpointslice", "ep",
                "ev",
                "event", "namespace", "no", "node", "ns", "pdb", "persistentvolume", "persistentvolumeclaim", "po",
                "pod", "poddisruptionbudget", "pv", "pvc", "replicaset", "rs", "sa", "sc", "secret", "service",
                "serviceaccount",
                "statefulset", "storageclass", "sts", "svc",
            ])
        XCTAssertEqual(complete("get st"), ["statefulset", "storageclass", "sts"])
        XCTAssertEqual(
            complete("describe p"),
            ["pdb", "persistentvolume", "persistentvolumeclaim", "po", "pod", "poddisruptionbudget", "pv", "pvc"])
        XCTAssertEqual(complete("delete pv"), ["pv", "pvc"])
        XCTAssertEqual(complete("scale "), ["rs", "sts"])
        XCTAssertEqual(
            complete("create "),
            ["configmap", "namespace", "node", "pdb", "pv", "secret", "serviceaccount", "sts", "svc"])
        XCTAssertEqual(complete("wait "), ["pod", "pvc", "sts"])
    }

    // MARK: - Flags

    func testFlagNames() {
        XCTAssertEqual(complete("scale sts web --rep"), ["--replicas="])
        XCTAssertEqual(complete("delete pod web-0 --f"), ["--filename=", "--force"])
        XCTAssertEqual(
            complete("get pods --"),
            [
                "--all-namespaces", "--field-selector=", "--filename=", "--ignore-not-found", "--label-columns=",
                "--namespace=", "--no-headers", "--output=", "--recursive", "--selector=", "--show-kind",
                "--show-labels", "--sort-by=", "--template=", "--watch", "--watch-only",
            ])
        XCTAssertEqual(complete("get pods -"), complete("get pods --"))
        XCTAssertEqual(complete("clock -"), [])
        XCTAssertEqual(complete("settle --q"), ["--quiet"])
    }

    /// A sub-command's word narrows the flags to its own: `create sts` has no --capacity.
    func testSubCommandFlags() {
        XCTAssertEqual(
            complete("create sts web --"),
            ["--image=", "--namespace=", "--policy=", "--replicas=", "--service=", "--storage="])
        XCTAssertEqual(complete("create pv a --"), ["--access=", "--capacity=", "--class=", "--reclaim="])
        XCTAssertEqual(
            complete("create "),
            ["configmap", "namespace", "node", "pdb", "pv", "secret", "serviceaccount", "sts", "svc"])
        XCTAssertEqual(complete("rollout "), ["history", "pause", "restart", "resume", "status", "undo"])
        XCTAssertEqual(complete("rollout undo sts web --"), ["--namespace=", "--to-revision="])
        XCTAssertEqual(
            complete("set "),
            [
                "feature-gate", "image", "max-command", "max-events", "max-line", "max-objects", "max-replicas",
                "max-word",
                "settle-limit", "watch-limit",
            ])
    }

    func testFlagValues() {
        let formats = [
            "custom-columns", "custom-columns-file", "go-template", "go-template-file", "json", "jsonpath",
            "jsonpath-as-json", "jsonpath-file", "name", "template", "templatefile", "wide", "yaml",
        ]
        XCTAssertEqual(complete("get pods -o "), formats)
        XCTAssertEqual(complete("get pods -o y"), ["yaml"])
        XCTAssertEqual(complete("get pods --output "), formats)
        XCTAssertEqual(
            complete("get pods --output=j"),
            ["--output=json", "--output=jsonpath", "--output=jsonpath-as-json", "--output=jsonpath-file"])
        XCTAssertEqual(complete("get pods -o="), formats.map { "-o=\($0)" })
        XCTAssertEqual(complete("create sts web --policy "), ["OrderedReady", "Parallel"])
        XCTAssertEqual(complete("create pv a --reclaim R"), ["Recycle", "Retain"])
        XCTAssertEqual(complete("create pv a --access=RW"), ["--access=RWO", "--access=RWOP", "--access=RWX"])
        XCTAssertEqual(complete("snapshot -o "), ["dot", "json", "tree", "yaml"])
        XCTAssertEqual(complete("delete pod web-0 --grace-period "), [], "a number: nothing to offer")
        XCTAssertEqual(complete("scale sts web --replicas "), [])
    }

    // MARK: - Names

    func testObjectNames() {
        XCTAssertEqual(complete("get pods "), ["db-0", "web-0", "web-1"])
        XCTAssertEqual(complete("get pods w"), ["web-0", "web-1"])
        XCTAssertEqual(complete("get po web-0 "), ["db-0", "web-0", "web-1"])
        XCTAssertEqual(complete("describe sts "), ["db", "web"])
        XCTAssertEqual(complete("scale sts "), ["db", "web"])
        XCTAssertEqual(complete("delete pvc d"), ["data-web-0"])
        XCTAssertEqual(complete("get services "), [])
        XCTAssertEqual(complete("get bogus "), [])
        XCTAssertEqual(complete("scale sts web "), [], "the number of replicas")
    }

    func testNamesAfterFlags() {
        XCTAssertEqual(complete("get pods -l app=web "), ["db-0", "web-0", "web-1"])
        XCTAssertEqual(complete("get pods -o wide w"), ["web-0", "web-1"])
        XCTAssertEqual(complete("get pods -ojson w"), ["web-0", "web-1"])
        XCTAssertEqual(complete("delete pod --grace-period 0 w"), ["web-0", "web-1"])
        XCTAssertEqual(complete("delete pod web-0 --force "), ["db-0", "web-0", "web-1"])
        XCTAssertEqual(complete("get -o wide pods w"), ["web-0", "web-1"])
    }

    func testNodes() {
        XCTAssertEqual(complete("get nodes "), ["node-1", "node-2"])
        XCTAssertEqual(complete("describe node n"), ["node-1", "node-2"])
        XCTAssertEqual(complete("crash "), ["node-1", "node-2"])
        XCTAssertEqual(complete("partition node-1 node-"), ["node-1", "node-2"])
        XCTAssertEqual(complete("cordon node-2"), ["node-2"])
    }

    func testKindSlashName() {
        XCTAssertEqual(complete("get sts/"), ["sts/db", "sts/web"])
        XCTAssertEqual(complete("describe pod/web"), ["pod/web-0", "pod/web-1"])
        XCTAssertEqual(complete("delete statefulset/d"), ["statefulset/db"])
        XCTAssertEqual(complete("get foo/"), [])
    }

    func testChoicesOfPositionals() {
        XCTAssertEqual(complete("wait pod web-0 "), ["Bound", "Deleted", "Ready", "Running"])
        XCTAssertEqual(complete("expect pod web-0 R"), ["Ready", "Released", "Running"])
        XCTAssertEqual(complete("expect c"), ["count"])
        XCTAssertEqual(complete("mode "), ["auto", "step"])
        XCTAssertEqual(
            complete("set feature-gate M"), ["MaxUnavailableStatefulSet=false", "MaxUnavailableStatefulSet=true"])
        XCTAssertEqual(complete("tick "), ["10s", "1m", "1s", "30s", "5m"])
        XCTAssertEqual(complete("kill "), ["pod"])
        XCTAssertEqual(complete("kill pod w"), ["web-0", "web-1"])
        XCTAssertEqual(
            complete("set "),
            [
                "feature-gate", "image", "max-command", "max-events", "max-line", "max-objects", "max-replicas",
                "max-word",
                "settle-limit", "watch-limit",
            ])
        XCTAssertEqual(complete("dig "), ["+search", "A", "SRV"])
        XCTAssertEqual(complete("clock "), [])
    }

    func testHelpTopics() {
        XCTAssertEqual(complete("help sc"), ["scale"])
        XCTAssertEqual(complete("help ").count, CommandRegistry.standard.specs.count)
    }

    // MARK: - Files

    func testFiles() {
        XCTAssertEqual(complete("run ex"), ["examples/"])
        XCTAssertEqual(complete("run examples/q"), ["examples/quickstart.sts"])
        XCTAssertEqual(complete("apply -f "), ["examples/", "web.yaml"])
        XCTAssertEqual(complete("apply -f w"), ["web.yaml"])
        XCTAssertEqual(complete("apply -f examples/w"), ["examples/web.sts"])
        XCTAssertEqual(complete("create --filename examples/"), ["examples/quickstart.sts", "examples/web.sts"])
        XCTAssertEqual(complete("apply --filename=examples/w"), ["--filename=examples/web.sts"])
        XCTAssertEqual(complete("load "), ["examples/", "web.yaml"])
    }

    // MARK: - Splitting a partial line

    func testSplit() {
        XCTAssertEqual(Completer.split(""), [""])
        XCTAssertEqual(Completer.split("get "), ["get", ""])
        XCTAssertEqual(Completer.split("get  pods"), ["get", "pods"])
        XCTAssertEqual(Completer.split("get\tpods "), ["get", "pods", ""])
        XCTAssertEqual(
            Completer.split("expect output contains 'a b' \"c"), ["expect", "output", "contains", "a b", "c"])
        XCTAssertEqual(Completer.split("a;b c"), ["b", "c"])
    }

    func testQuotedWordIsCompletedAsItsText() {
        XCTAssertEqual(complete("get pods 'w"), ["web-0", "web-1"])
    }
}
