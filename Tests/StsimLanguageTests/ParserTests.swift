import StsimEngine
import XCTest

@testable import StsimLanguage

/// What commands mean once parsed: the typed `Command` values, with the locations of their words.
final class ParserTests: XCTestCase {
    private func getCommand(
        _ kinds: [ResourceKind], names: [Argument] = [], output: OutputFormat = .table,
        selector: String? = nil, watch: Bool = false, allNamespaces: Bool = false,
        showLabels: Bool = false, namespace: String? = nil
    ) -> Command {
        .get(
            GetCommand(
                kinds: kinds, names: names, output: output, selector: selector, watch: watch,
                allNamespaces: allNamespaces, showLabels: showLabels, namespace: namespace))
    }

    func testNothingToDo() throws {
        XCTAssertNil(try Parser.parse(CommandText(words: [], location: at(1, 1), text: ""), variables: [:]))
        XCTAssertNil(parsed("kubectl"))
    }

    // MARK: - get

    func testGet() {
        XCTAssertEqual(parsed("get pods"), getCommand([.pod]))
        XCTAssertEqual(parsed("get po"), getCommand([.pod]))
        XCTAssertEqual(parsed("get statefulsets.apps"), getCommand([.statefulSet]))
        XCTAssertEqual(parsed("get sts,pvc"), getCommand([.statefulSet, .persistentVolumeClaim]))
        XCTAssertEqual(parsed("get all"), getCommand([.pod, .service, .daemonSet, .replicaSet, .statefulSet]))
        XCTAssertEqual(
            parsed("get pod web-0 web-1"), getCommand([.pod], names: [arg("web-0", 1, 9), arg("web-1", 1, 15)]))
        XCTAssertEqual(
            parsed("get pod/web-0 po/web-1"), getCommand([.pod], names: [arg("web-0", 1, 9), arg("web-1", 1, 18)]))
        guard case .get(let g) = parsed("get sts/web pod/web-0") else { return XCTFail("not a get") }
        XCTAssertEqual(g.kinds, [.statefulSet, .pod])
        XCTAssertEqual(g.groups, [KindNames(.statefulSet, [arg("web", 1, 9)]), KindNames(.pod, [arg("web-0", 1, 17)])])
    }

    func testLeadingKubectlIsIgnored() {
        XCTAssertEqual(parsed("kubectl get pods"), getCommand([.pod]))
        XCTAssertEqual(parsed("kubectl get pod web-0"), getCommand([.pod], names: [arg("web-0", 1, 17)]))
    }

    func testOutputFlagSpellings() {
        for source in [
            "get pods -o json", "get pods -ojson", "get pods -o=json", "get pods --output json",
            "get pods --output=json", "get pods -o JSON", "get -o json pods",
        ] {
            XCTAssertEqual(parsed(source), getCommand([.pod], output: .json), source)
        }
        XCTAssertEqual(parsed("get pods -o wide"), getCommand([.pod], output: .wide))
        XCTAssertEqual(parsed("get pods -o name"), getCommand([.pod], output: .name))
        XCTAssertEqual(parsed("get pods -o yaml"), getCommand([.pod], output: .yaml))
        XCTAssertEqual(parsed("get pods -o json -o yaml"), getCommand([.pod], output: .yaml), "the last one wins")
    }

    func testGetSwitchesAndSelector() {
        XCTAssertEqual(
            parsed("get pods -l app=web -w -A --show-labels -n demo"),
            getCommand(
                [.pod], selector: "app=web", watch: true, allNamespaces: true, showLabels: true,
                namespace: "demo"))
        XCTAssertEqual(parsed("get pods --selector=app=web --watch=false"), getCommand([.pod], selector: "app=web"))
        XCTAssertEqual(parsed("get pods -w=true"), getCommand([.pod], watch: true))
        XCTAssertEqual(parsed("get pods --watch=TRUE"), getCommand([.pod], watch: true))
        XCTAssertEqual(parsed("get pods --namespace=kube-system"), getCommand([.pod], namespace: "kube-system"))
    }

    func testShortSwitchesCombine() {
        XCTAssertEqual(parsed("get pods -wA"), getCommand([.pod], watch: true, allNamespaces: true))
        XCTAssertEqual(parsed("get pods -Aw"), getCommand([.pod], watch: true, allNamespaces: true))
        XCTAssertEqual(parsed("get pods -wo json"), getCommand([.pod], output: .json, watch: true))
        XCTAssertEqual(parsed("get pods -wojson"), getCommand([.pod], output: .json, watch: true))
        XCTAssertEqual(parsed("settle -q"), .settle(timeout: nil, quiet: true))
    }

    func testKindSlashName() {
        XCTAssertEqual(parsed("get sts/web"), getCommand([.statefulSet], names: [arg("web", 1, 9)]))
        XCTAssertEqual(parsed("get pod/a pod/b"), getCommand([.pod], names: [arg("a", 1, 9), arg("b", 1, 15)]))
        XCTAssertEqual(parsed("get pods/a po/b"), getCommand([.pod], names: [arg("a", 1, 10), arg("b", 1, 15)]))
        XCTAssertEqual(
            parsed("describe sts/web"),
            .describe(
                kind: .statefulSet, names: [arg("web", 1, 14)],
                selector: nil))
    }

    func testDoubleDashEndsFlags() {
        XCTAssertEqual(parsed("get pods -- -x"), getCommand([.pod], names: [arg("-x", 1, 13)]))
    }

    // MARK: - scale

    func testScaleForms() {
        XCTAssertEqual(
            parsed("scale sts web 3"),
            .scale(
                ScaleCommand(
                    kind: .statefulSet, name: arg("web", 1, 11), replicas: 3,
                    replicasLocation: at(1, 15))))
        XCTAssertEqual(
            parsed("scale sts web --replicas=3"),
            .scale(
                ScaleCommand(
                    kind: .statefulSet, name: arg("web", 1, 11), replicas: 3,
                    replicasLocation: at(1, 15))))
        XCTAssertEqual(
            parsed("scale sts web --replicas 3"),
            .scale(
                ScaleCommand(
                    kind: .statefulSet, name: arg("web", 1, 11), replicas: 3,
                    replicasLocation: at(1, 26))))
        XCTAssertEqual(
            parsed("scale sts 3"),
            .scale(ScaleCommand(kind: .statefulSet, name: nil, replicas: 3, replicasLocation: at(1, 11))))
        XCTAssertEqual(
            parsed("scale sts --replicas=0"),
            .scale(ScaleCommand(kind: .statefulSet, name: nil, replicas: 0, replicasLocation: at(1, 11))))
        XCTAssertEqual(
            parsed("scale rs front 0"),
            .scale(
                ScaleCommand(
                    kind: .replicaSet, name: arg("front", 1, 10), replicas: 0,
                    replicasLocation: at(1, 16))))
    }

    func testScaleAsCopiedFromABook() {
        XCTAssertEqual(
            parsed("kubectl scale sts kubia --replicas=3"),
            .scale(
                ScaleCommand(
                    kind: .statefulSet, name: arg("kubia", 1, 19), replicas: 3,
                    replicasLocation: at(1, 25))))
    }

    func testScaleKindSlashName() {
        XCTAssertEqual(
            parsed("scale sts/web 3"),
            .scale(
                ScaleCommand(
                    kind: .statefulSet, name: arg("web", 1, 11), replicas: 3,
                    replicasLocation: at(1, 15))))
        XCTAssertEqual(
            parsed("scale statefulset/web --replicas=2"),
            .scale(
                ScaleCommand(
                    kind: .statefulSet, name: arg("web", 1, 19), replicas: 2,
                    replicasLocation: at(1, 23))))
    }

    func testScaleWithAVariable() {
        guard let cs = commands(count: 2, "let n = 3\nscale sts web ${n}") else { return }
        XCTAssertEqual(try Parser.parse(cs[0], variables: [:]), .define(name: "n", value: "3"))
        XCTAssertEqual(
            try Parser.parse(cs[1], variables: ["n": "3"]),
            .scale(
                ScaleCommand(
                    kind: .statefulSet, name: arg("web", 2, 11), replicas: 3,
                    replicasLocation: at(2, 15))))
    }

    func testVariablesAnywhere() {
        XCTAssertEqual(
            parsed(
                "${verb} sts/${name} -o ${fmt}",
                variables: ["verb": "get", "name": "web", "fmt": "yaml"]),
            getCommand([.statefulSet], names: [arg("web", 1, 13)], output: .yaml))
    }

    // MARK: - delete

    func testDeleteForce() {
        let expected = Command.delete(
            DeleteCommand(
                target: .objects([KindNames(.pod, [arg("web-0", 1, 12)])]), force: true,
                gracePeriodSeconds: 0, wait: true, now: false, namespace: nil))
        XCTAssertEqual(parsed("delete pod web-0 --force --grace-period 0"), expected)
        XCTAssertEqual(parsed("delete pod web-0 --force --grace-period=0"), expected)
        XCTAssertEqual(
            parsed("kubectl delete po kubia-0 --force --grace-period 0"),
            .delete(
                DeleteCommand(
                    target: .objects([KindNames(.pod, [arg("kubia-0", 1, 19)])]), force: true,
                    gracePeriodSeconds: 0, wait: true, now: false, namespace: nil)))
    }

    func testDeleteOptions() {
        XCTAssertEqual(
            parsed("delete pod web-0 web-1 --wait=false --now -n demo"),
            .delete(
                DeleteCommand(
                    target: .objects([KindNames(.pod, [arg("web-0", 1, 12), arg("web-1", 1, 18)])]),
                    force: false, gracePeriodSeconds: nil, wait: false, now: true,
                    namespace: "demo")))
        XCTAssertEqual(
            parsed("delete pod web-0 --force=false"),
            .delete(
                DeleteCommand(
                    target: .objects([KindNames(.pod, [arg("web-0", 1, 12)])]), force: false,
                    gracePeriodSeconds: nil, wait: true, now: false, namespace: nil)))
    }

    func testDeleteTargets() {
        func target(_ source: String) -> DeleteCommand.Target? {
            guard case .delete(let d) = parsed(source) else { return nil }
            return d.target
        }
        XCTAssertEqual(target("delete pvc -l app=kubia"), .selector([.persistentVolumeClaim], "app=kubia"))
        XCTAssertEqual(target("delete pods --all"), .all([.pod]))
        XCTAssertEqual(target("delete pod,pvc -l app=nginx"), .selector([.pod, .persistentVolumeClaim], "app=nginx"))
        XCTAssertEqual(target("delete -f web.yaml"), .manifests(.file(arg("web.yaml", 1, 11))))
        XCTAssertEqual(
            target("delete pod/web-0 pod/web-1"),
            .objects([KindNames(.pod, [arg("web-0", 1, 12), arg("web-1", 1, 22)])]))
        // Several kinds, in the order typed, consecutive names of one kind together (kubectl's builder).
        XCTAssertEqual(
            target("delete pvc/data-web-1 pod/web-1 pod/web-2"),
            .objects([
                KindNames(.persistentVolumeClaim, [arg("data-web-1", 1, 12)]),
                KindNames(.pod, [arg("web-1", 1, 27), arg("web-2", 1, 37)]),
            ]))
        XCTAssertEqual(
            target("delete -f - <<EOF\nkind: X\nEOF"),
            .manifests(.inline(text: "kind: X\n", name: testFile, firstLine: 2)))
    }

    // MARK: - create and apply

    func testCreateFromAFile() {
        XCTAssertEqual(
            parsed("create -f kubia.yaml"), .create(.manifests(.file(arg("kubia.yaml", 1, 11)), WriteOptions())))
        XCTAssertEqual(
            parsed("create --filename=kubia.yaml"), .create(.manifests(.file(arg("kubia.yaml", 1, 8)), WriteOptions())))
    }

    func testCreateStatefulSet() {
        XCTAssertEqual(
            parsed("create sts web --image nginx --replicas 3 --service nginx --storage 1Mi --policy parallel"),
            .create(
                .statefulSet(
                    name: arg("web", 1, 12), image: "nginx", replicas: 3, service: "nginx",
                    storage: "1Mi", policy: "Parallel")))
        XCTAssertEqual(
            parsed("create statefulset web --image=nginx:1.25"),
            .create(
                .statefulSet(
                    name: arg("web", 1, 20), image: "nginx:1.25", replicas: 1, service: nil,
                    storage: nil, policy: nil)))
    }

    func testCreateHeadlessService() {
        XCTAssertEqual(
            parsed("create svc headless nginx --selector app=web,tier=fe --port 8080"),
            .create(
                .headlessService(
                    name: arg("nginx", 1, 21), selector: ["app": "web", "tier": "fe"],
                    port: 8080)))
        XCTAssertEqual(
            parsed("create service headless nginx --selector app=web"),
            .create(.headlessService(name: arg("nginx", 1, 25), selector: ["app": "web"], port: 80)))
    }

    func testCreatePersistentVolume() {
        XCTAssertEqual(
            parsed("create pv pv-a --capacity 1Mi"),
            .create(
                .persistentVolume(
                    name: arg("pv-a", 1, 11), capacity: "1Mi", accessModes: ["RWO"],
                    reclaimPolicy: "Retain", storageClass: nil)))
        XCTAssertEqual(
            parsed("create pv pv-a --capacity 1Mi --access RWO,ROX --reclaim recycle --class fast"),
            .create(
                .persistentVolume(
                    name: arg("pv-a", 1, 11), capacity: "1Mi",
                    accessModes: ["RWO", "ROX"], reclaimPolicy: "Recycle",
                    storageClass: "fast")))
    }

    func testCreateNode() {
        XCTAssertEqual(parsed("create node n1 --zone a"), .create(.node(name: arg("n1", 1, 13), zone: "a")))
        XCTAssertEqual(parsed("create no n1"), .create(.node(name: arg("n1", 1, 11), zone: nil)))
    }

    func testApply() {
        XCTAssertEqual(parsed("apply -f web.yaml"), .apply(.file(arg("web.yaml", 1, 10)), WriteOptions()))
        XCTAssertEqual(
            parsed("apply -f ./dir/web.yaml -n demo"), .apply(.file(arg("./dir/web.yaml", 1, 10)), WriteOptions()))
        XCTAssertEqual(
            parsed("apply -f web.yaml --dry-run=server -o yaml"),
            .apply(.file(arg("web.yaml", 1, 10)), WriteOptions(dryRun: .server, output: .yaml)))
        XCTAssertEqual(
            parsed("replace -f web.yaml --dry-run client"),
            .replace(.file(arg("web.yaml", 1, 12)), WriteOptions(dryRun: .client)))
        XCTAssertEqual(parsed("diff -f web.yaml"), .diff(.file(arg("web.yaml", 1, 9))))
        XCTAssertEqual(
            parseError("apply -f web.yaml --dry-run=maybe")?.message,
            "--dry-run must be one of none, client, server, not \"maybe\"")
        XCTAssertEqual(
            parseError("create -f web.yaml -o wide")?.message, "--output must be one of yaml, json, name, not \"wide\"")
    }

    func testHereDocumentManifests() {
        XCTAssertEqual(
            parsed("apply <<EOF\napiVersion: v1\nkind: Service\nEOF"),
            .apply(.inline(text: "apiVersion: v1\nkind: Service\n", name: testFile, firstLine: 2), WriteOptions()))
        XCTAssertEqual(
            parsed("create -f - <<EOF\nkind: X\nEOF"),
            .create(.manifests(.inline(text: "kind: X\n", name: testFile, firstLine: 2), WriteOptions())))
        XCTAssertEqual(
            parsed("create <<EOF\nkind: X\nEOF"),
            .create(.manifests(.inline(text: "kind: X\n", name: testFile, firstLine: 2), WriteOptions())))
        XCTAssertEqual(
            parsed("kubectl apply -f - <<'EOF'\nname: ${N}\nEOF"),
            .apply(.inline(text: "name: ${N}\n", name: testFile, firstLine: 2), WriteOptions()))
    }

    func testHereDocumentVariables() {
        XCTAssertEqual(
            parsed("apply <<EOF\nname: ${N}\nreplicas: ${R}\nEOF", variables: ["N": "web", "R": "3"]),
            .apply(.inline(text: "name: web\nreplicas: 3\n", name: testFile, firstLine: 2), WriteOptions()))
    }

    func testHereDocumentBodyLineAfterFirstLine() throws {
        let items = Lexer.lex("apply <<EOF\nkind: X\nEOF", file: "lesson.sts", firstLine: 40)
        guard case .command(let c) = items.first else { return XCTFail("\(items)") }
        XCTAssertEqual(
            try Parser.parse(c, variables: [:]),
            .apply(.inline(text: "kind: X\n", name: "lesson.sts", firstLine: 41), WriteOptions()))
    }

    func testDescribe() {
        XCTAssertEqual(
            parsed("describe sts web"), .describe(kind: .statefulSet, names: [arg("web", 1, 14)], selector: nil))
        XCTAssertEqual(parsed("describe pods -l app=web"), .describe(kind: .pod, names: [], selector: "app=web"))
    }

    // MARK: - time

    func testTime() {
        XCTAssertEqual(parsed("tick 500ms"), .tick(VirtualDuration(milliseconds: 500)))
        XCTAssertEqual(parsed("tick 1m30s"), .tick(VirtualDuration(milliseconds: 90_000)))
        XCTAssertEqual(parsed("tick 10"), .tick(.seconds(10)))
        XCTAssertEqual(parsed("settle"), .settle(timeout: nil, quiet: false))
        XCTAssertEqual(parsed("settle --timeout 2m -q"), .settle(timeout: .seconds(120), quiet: true))
        XCTAssertEqual(parsed("settle --quiet"), .settle(timeout: nil, quiet: true))
        XCTAssertEqual(parsed("clock"), .clock)
        XCTAssertEqual(parsed("mode auto"), .mode(auto: true))
        XCTAssertEqual(parsed("mode STEP"), .mode(auto: false))
    }

    func testWait() {
        XCTAssertEqual(
            parsed("wait pod web-1 Ready"),
            .wait(kind: .pod, name: arg("web-1", 1, 10), condition: .ready, timeout: nil))
        XCTAssertEqual(
            parsed("wait pod web-0 Deleted --timeout 2m"),
            .wait(kind: .pod, name: arg("web-0", 1, 10), condition: .deleted, timeout: .seconds(120)))
        XCTAssertEqual(
            parsed("wait sts web ready"),
            .wait(kind: .statefulSet, name: arg("web", 1, 10), condition: .ready, timeout: nil))
        XCTAssertEqual(
            parsed("wait pvc data-web-0 Bound"),
            .wait(
                kind: .persistentVolumeClaim, name: arg("data-web-0", 1, 10), condition: .bound,
                timeout: nil))
        XCTAssertEqual(
            parsed("wait pod/web-0 running"),
            .wait(kind: .pod, name: arg("web-0", 1, 10), condition: .running, timeout: nil))
    }

    // MARK: - inside and whole

    func testDig() {
        XCTAssertEqual(parsed("dig SRV web"), .dig(type: .srv, name: arg("web", 1, 9), search: false))
        XCTAssertEqual(parsed("dig srv web"), .dig(type: .srv, name: arg("web", 1, 9), search: false))
        XCTAssertEqual(parsed("dig web.default A"), .dig(type: .a, name: arg("web.default", 1, 5), search: false))
        XCTAssertEqual(parsed("dig web"), .dig(type: .a, name: arg("web", 1, 5), search: false))
        XCTAssertEqual(parsed("dig AAAA web"), .dig(type: .aaaa, name: arg("web", 1, 10), search: false))
        XCTAssertEqual(parsed("dig +search SRV web"), .dig(type: .srv, name: arg("web", 1, 17), search: true))
        XCTAssertEqual(parsed("dig SRV web +search"), .dig(type: .srv, name: arg("web", 1, 9), search: true))
    }

    func testSnapshotAndEvents() {
        XCTAssertEqual(parsed("snapshot"), .snapshot(format: .tree, svg: nil))
        XCTAssertEqual(parsed("snapshot -o tree"), .snapshot(format: .tree, svg: nil))
        XCTAssertEqual(parsed("snapshot -o YAML"), .snapshot(format: .yaml, svg: nil))
        XCTAssertEqual(parsed("events"), .events(EventsCommand()))
        XCTAssertEqual(parsed("events --since 1m"), .events(EventsCommand(since: .seconds(60))))
        var forPod = EventsCommand()
        forPod.regarding = .init(kind: .pod, name: "web-0")
        forPod.types = ["Warning"]
        XCTAssertEqual(parsed("events --for pod/web-0 --types warning"), .events(forPod))
        XCTAssertEqual(parseError("events --for web-0")?.message, "--for must be in resource/name form")
    }

    // MARK: - expect

    func testExpectState() {
        XCTAssertEqual(
            parsed("expect pod web-0 Running on node-2"),
            .expect(.objectState(kind: .pod, name: arg("web-0", 1, 12), state: "Running", node: "node-2")))
        XCTAssertEqual(
            parsed("expect pod web-0 ready"),
            .expect(.objectState(kind: .pod, name: arg("web-0", 1, 12), state: "Ready", node: nil)))
        XCTAssertEqual(
            parsed("expect pvc data-web-1 Bound"),
            .expect(
                .objectState(
                    kind: .persistentVolumeClaim, name: arg("data-web-1", 1, 12),
                    state: "Bound", node: nil)))
    }

    func testExpectCountDnsOutput() {
        XCTAssertEqual(
            parsed("expect count pods -l app=web == 3"),
            .expect(.count(kind: .pod, selector: "app=web", comparison: .equal, value: 3)))
        XCTAssertEqual(
            parsed("expect count pvc >= 1"),
            .expect(.count(kind: .persistentVolumeClaim, selector: nil, comparison: .atLeast, value: 1)))
        XCTAssertEqual(
            parsed("expect count pods < 0"),
            .expect(.count(kind: .pod, selector: nil, comparison: .below, value: 0)))
        XCTAssertEqual(
            parsed("expect dns SRV web.default.svc.cluster.local has 3"),
            .expect(.dnsAnswerCount(type: .srv, name: "web.default.svc.cluster.local", count: 3)))
        XCTAssertEqual(
            parsed("expect dns a web-0.web has 1"),
            .expect(.dnsAnswerCount(type: .a, name: "web-0.web", count: 1)))
        XCTAssertEqual(parsed("expect output contains \"force deleted\""), .expect(.outputContains("force deleted")))
        XCTAssertEqual(parsed("expect output contains ''"), .expect(.outputContains("")))
        XCTAssertEqual(
            parsed("expect output contains -- --force"), .expect(.outputContains("--force")),
            "as in the shell, -- ends the flags")
    }

    func testExpectErrorCarriesACommandWithItsOwnFlags() throws {
        guard case .expect(.error(let inner)) = parsed("expect error delete pod web-0 --force --grace-period 0")
        else { return XCTFail("not expect error") }
        XCTAssertEqual(texts(inner), ["delete", "pod", "web-0", "--force", "--grace-period", "0"])
        XCTAssertEqual(inner.location, at(1, 14))
        XCTAssertEqual(inner.text, "delete pod web-0 --force --grace-period 0")
        XCTAssertEqual(
            try Parser.parse(inner, variables: [:]),
            .delete(
                DeleteCommand(
                    target: .objects([KindNames(.pod, [arg("web-0", 1, 25)])]), force: true,
                    gracePeriodSeconds: 0, wait: true, now: false, namespace: nil)))
    }

    func testExpectErrorKeepsFlagsTheOuterCommandDoesNotKnow() {
        guard case .expect(.error(let inner)) = parsed("kubectl expect error get pods -o xml --bogus")
        else { return XCTFail("not expect error") }
        XCTAssertEqual(texts(inner), ["get", "pods", "-o", "xml", "--bogus"])
        XCTAssertEqual(inner.location, at(1, 22))
        XCTAssertEqual(inner.text, "get pods -o xml --bogus")
        XCTAssertThrowsError(try Parser.parse(inner, variables: [:]))
    }

    func testExpectErrorTextWithAnySpacing() {
        for (source, text) in [
            ("expect  error\t scale sts x 3", "scale sts x 3"),
            ("  expect error 'scale' sts x 3 # why", "'scale' sts x 3 # why"),
            ("expect error scale sts x 3 # why\nclock", "scale sts x 3 # why"),
            ("clock; expect error scale sts x 3; clock", "scale sts x 3"),
            ("expect error \\\n  scale sts x 3", "scale sts x 3"),
        ] {
            let items = Lexer.lex(source, file: testFile)
            guard
                let c = items.compactMap({ item -> CommandText? in
                    if case .command(let c) = item, c.words.first.map(literal) == "expect" { return c }
                    return nil
                }).first, case .expect(.error(let inner)) = try? Parser.parse(c, variables: [:])
            else {
                XCTFail(source)
                continue
            }
            XCTAssertEqual(inner.text, text, source)
        }
    }

    func testExpectErrorKeepsVariablesForLater() {
        guard case .expect(.error(let inner)) = parsed("expect error scale sts ${name} 3", variables: ["name": "x"])
        else { return XCTFail("not expect error") }
        XCTAssertEqual(inner.words[2].parts, [.variable(name: "name", at: at(1, 24))])
    }

    // MARK: - session

    func testSession() {
        XCTAssertEqual(parsed("help"), .help(topic: nil))
        XCTAssertEqual(parsed("help scale"), .help(topic: arg("scale", 1, 6)))
        XCTAssertEqual(parsed("history"), .history)
        XCTAssertEqual(parsed("reset"), .reset(profile: nil, nodes: nil))
        XCTAssertEqual(parsed("reset --cluster kind --nodes 2"), .reset(profile: .kind, nodes: 2))
        XCTAssertEqual(parsed("seed 42"), .seed(42))
        XCTAssertEqual(parsed("seed 18446744073709551615"), .seed(UInt64.max))
        XCTAssertEqual(
            parsed("set settle-limit 30m"), .setting(.settleLimit(.seconds(1800))))
        XCTAssertEqual(parsed("set watch-limit 100"), .setting(.watchLimit(100)))
        XCTAssertEqual(parsed("set watch-limit 100,000"), .setting(.watchLimit(100_000)))
        XCTAssertEqual(parseError("set watch-limit 0")?.message, "watch-limit must be a whole number above 0")
        XCTAssertEqual(parsed("quit"), .quit)
        XCTAssertEqual(parsed("exit"), .quit)
        XCTAssertEqual(parsed("run examples/quickstart.sts"), .run(path: arg("examples/quickstart.sts", 1, 5)))
    }

    func testLetForms() {
        for source in ["let n = 3", "let n=3", "let n= 3", "let n =3", "let n = '3'"] {
            XCTAssertEqual(parsed(source), .define(name: "n", value: "3"), source)
        }
        XCTAssertEqual(parsed("let msg = \"a b\""), .define(name: "msg", value: "a b"))
        XCTAssertEqual(parsed("let empty="), .define(name: "empty", value: ""))
        XCTAssertEqual(parsed("let x = a=b"), .define(name: "x", value: "a=b"))
        XCTAssertEqual(parsed("let _N2 = ${n}", variables: ["n": "7"]), .define(name: "_N2", value: "7"))
    }

    func testRolloutSubCommands() {
        let l = { (c: Int) in SourceLocation(file: "t.sts", line: 1, column: c) }
        let web = { (c: Int) in Argument("web", at: l(c)) }
        func rollout(_ action: RolloutAction, _ c: Int, kind: ResourceKind = .statefulSet) -> Command {
            .rollout(RolloutCommand(kind: kind, name: web(c), namespace: nil, action: action))
        }
        XCTAssertEqual(
            parsed("rollout status sts/web"), rollout(.status(watch: true, timeout: nil, revision: nil), 20))
        XCTAssertEqual(
            parsed("rollout status sts web -w=false --timeout 5m"),
            rollout(.status(watch: false, timeout: .minutes(5), revision: nil), 20))
        // kubectl's --timeout=0 means no limit.
        XCTAssertEqual(
            parsed("rollout status sts web --timeout 0s"),
            rollout(.status(watch: true, timeout: nil, revision: nil), 20))
        XCTAssertEqual(parsed("rollout history sts web --revision 2"), rollout(.history(revision: 2), 21))
        XCTAssertEqual(parsed("rollout undo sts web"), rollout(.undo(toRevision: 0), 18))
        XCTAssertEqual(parsed("rollout undo sts web --to-revision 1"), rollout(.undo(toRevision: 1), 18))
        XCTAssertEqual(parsed("rollout restart rs/web"), rollout(.restart, 20, kind: .replicaSet))
        XCTAssertEqual(parsed("rollout pause sts web"), rollout(.pause, 19))
        XCTAssertEqual(
            parseError("rollout undo sts web --revision 1")?.message, "unknown flag --revision for rollout undo")
        XCTAssertEqual(parseError("rollout stats sts web")?.hint, "did you mean \"status\"?")
        XCTAssertEqual(parseError("rollout status sts")?.message, "rollout status: name the statefulset")
    }

    func testKubectlWaitForms() throws {
        struct NotKubectlWait: Error {}
        func wait(_ source: String) throws -> KubectlWaitCommand {
            guard case .kubectlWait(let w) = parsed(source) else {
                XCTFail("not kubectl's wait: \(source)")
                throw NotKubectlWait()
            }
            return w
        }
        let ready = try wait("wait --for=condition=Ready pod/web-0")
        XCTAssertEqual(ready.condition, .condition(type: "Ready", status: "true"))
        XCTAssertEqual(
            ready.targets, .names([Argument("web-0", at: SourceLocation(file: "t.sts", line: 1, column: 32))]))
        XCTAssertEqual(ready.timeout, .seconds(30))
        XCTAssertEqual(
            try wait("wait --for=condition=Ready=False pod -l app=web").condition,
            .condition(type: "Ready", status: "False"))
        XCTAssertEqual(try wait("wait --for=condition=Ready pod -l app=web").targets, .selector("app=web"))
        XCTAssertEqual(try wait("wait --for=Delete pod --all --timeout 2m").targets, .all)
        XCTAssertEqual(try wait("wait --for=delete pod --all --timeout 2m").timeout, .minutes(2))
        let jp = try wait("wait --for=jsonpath='{.status.readyReplicas}'=3 sts/web")
        guard case .jsonPath(let path, let value) = jp.condition else { return XCTFail("\(jp.condition)") }
        XCTAssertEqual(path.steps, [.field("status"), .field("readyReplicas")])
        XCTAssertEqual(value, "3")
        XCTAssertEqual(parseError("wait --for=ready pod/web-0")?.message, "unrecognized condition: \"ready\"")
        XCTAssertEqual(
            parseError("wait --for=jsonpath={.a}= pod/web-0")?.message, "jsonpath wait value cannot be empty")
        XCTAssertEqual(
            parseError("wait --for=condition=Ready pod")?.message,
            "resource(s) were provided, but no name was specified")
        XCTAssertEqual(
            parseError("wait --for=condition=Ready pod web-0 -l app=web")?.message,
            "name cannot be provided when a selector is specified")
        XCTAssertEqual(
            parseError("wait pod web-0 Ready --all")?.message, "wait: -l and --all go with kubectl's --for form")
    }

    func testEditPatchAndSetImage() {
        let l = { (c: Int) in SourceLocation(file: "t.sts", line: 1, column: c) }
        XCTAssertEqual(
            parsed("edit sts/web"),
            .edit(kind: .statefulSet, name: Argument("web", at: l(10)), namespace: nil, replacement: nil))
        XCTAssertEqual(
            parsed("patch sts web --replicas 3"),
            .patch(kind: .statefulSet, name: Argument("web", at: l(11)), change: .replicas(3), namespace: nil))
        XCTAssertEqual(
            parsed("patch sts web --image web=nginx:2"),
            .patch(
                kind: .statefulSet, name: Argument("web", at: l(11)),
                change: .image(ContainerImage(container: "web", image: "nginx:2", location: l(23))), namespace: nil))
        XCTAssertEqual(
            parsed("patch sts web --type merge -p '{}'"),
            .patch(
                kind: .statefulSet, name: Argument("web", at: l(11)), change: .document("{}", type: .merge),
                namespace: nil))
        XCTAssertEqual(
            parsed("kubectl set image sts/web nginx=nginx:1.25"),
            .setImage(
                kind: .statefulSet, name: Argument("web", at: l(23)),
                images: [ContainerImage(container: "nginx", image: "nginx:1.25", location: l(27))], namespace: nil))
        XCTAssertEqual(parseError("patch sts web")?.message, "patch needs -p PATCH, --replicas N or --image C=IMG")
        XCTAssertEqual(
            parsed("patch sts web --type=json -p '[]'"),
            .patch(
                kind: .statefulSet, name: Argument("web", at: l(11)), change: .document("[]", type: .json),
                namespace: nil))
        XCTAssertEqual(
            parseError("patch sts web --type jsonpatch -p '[]'")?.message,
            "--type must be one of strategic, merge, json, not \"jsonpatch\"")
        XCTAssertEqual(parseError("set image sts/web nginx")?.message, "expected CONTAINER=IMAGE, not \"nginx\"")
        // An image with a registry or a user in it has a `/`; CONTAINER=IMAGE is never KIND/NAME.
        XCTAssertEqual(
            parsed("kubectl set image statefulset/kubia kubia=luksa/kubia-pet-peers"),
            .setImage(
                kind: .statefulSet, name: Argument("kubia", at: l(31)),
                images: [ContainerImage(container: "kubia", image: "luksa/kubia-pet-peers", location: l(37))],
                namespace: nil))
        XCTAssertEqual(
            parsed("set image sts web nginx=registry.k8s.io/nginx-slim:0.8"),
            .setImage(
                kind: .statefulSet, name: Argument("web", at: l(15)),
                images: [ContainerImage(container: "nginx", image: "registry.k8s.io/nginx-slim:0.8", location: l(19))],
                namespace: nil))
    }

    func testTimeline() {
        XCTAssertEqual(parsed("timeline"), .timeline(TimelineCommand()))
        var t = TimelineCommand()
        t.since = .at(VirtualTime(milliseconds: 60_000))
        t.until = VirtualTime(milliseconds: 7 * 60_000)
        t.selector = "app=nginx"
        t.width = 120
        XCTAssertEqual(parsed("timeline --since 00:01:00 --until 07:00 -l app=nginx --width 120"), .timeline(t))
        var last = TimelineCommand()
        last.since = .last(.seconds(300))
        XCTAssertEqual(parsed("timeline --since 5m"), .timeline(last))
        var files = TimelineCommand()
        files.html = arg("t.html", 1, 17)
        files.svg = arg("t.svg", 1, 30)
        XCTAssertEqual(parsed("timeline --html t.html --svg t.svg"), .timeline(files))
        XCTAssertEqual(ClockText.parse("1:02:03"), VirtualTime(milliseconds: 3_723_000))
        XCTAssertNil(ClockText.parse("00:61:00"))
        XCTAssertNil(ClockText.parse("5m"))
    }

    func testTimelineRejectsBadTimes() {
        XCTAssertTrue((parseError("timeline --until 5m")?.message ?? "").contains("is not a clock reading"))
        XCTAssertTrue(
            (parseError("timeline --since soon")?.message ?? "").contains("neither a clock reading nor a duration"))
        XCTAssertTrue(
            (parseError("timeline --since 00:05:00 --until 00:01:00")?.message ?? "").contains("is before --since"))
        XCTAssertTrue((parseError("timeline --width 5")?.message ?? "").contains("from 20 to 1000"))
        XCTAssertTrue((parseError("snapshot -o dot --svg x.svg")?.message ?? "").contains("choose one"))
    }

    // MARK: - ParsedArguments

    func testParsedArgumentsHelpers() throws {
        let c = command("get a b -l x")!
        var args = try Parser.splitFlags(
            c.words.dropFirst().map { Argument(literal($0), at: $0.location) },
            spec: CommandRegistry.standard.spec(named: "get")!,
            head: arg("get", 1, 1), hereDocument: nil, command: c)
        XCTAssertEqual(args.remaining, 2)
        XCTAssertEqual(args.file, testFile)
        XCTAssertEqual(args.peek(), arg("a", 1, 5))
        XCTAssertEqual(args.flag("selector"), arg("x", 1, 12))
        XCTAssertTrue(args.has("selector"))
        XCTAssertFalse(args.has("watch"))
        XCTAssertEqual(try args.next("A"), arg("a", 1, 5))
        args.pushBack(arg("z", 1, 1))
        XCTAssertEqual(args.rest(), [arg("z", 1, 1), arg("b", 1, 7)])
        XCTAssertNil(args.nextIfAny())
        XCTAssertNoThrow(try args.finish())
        XCTAssertEqual(args.endLocation, at(1, 9), "just past the last positional word")
    }
}
