import StsimEngine
import StsimExport
import XCTest

/// Each command family's translation, as the exported script says it.
final class ExportTranslationTests: XCTestCase {
    /// The script's lines for `source` after the header (up to the final `echo`).
    private func body(_ source: String, cluster: RealCluster = .kind, files: [String: String] = [:]) throws -> String {
        let script = try ScriptExport.export(source, file: "t.sts", options: ExportOptions(cluster: cluster)) {
            files[$0]
        }
        let start = try XCTUnwrap(script.range(of: "\n# t.sts:"))
        return String(script[script.index(after: start.lowerBound)...])
    }

    private func assertContains(_ text: String, _ part: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(text.contains(part), "missing:\n\(part)\nin:\n\(text)", file: file, line: line)
    }

    func testHeaderSaysWhereItCameFromWhatItExpectsAndStopsOnErrors() throws {
        let script = try ScriptExport.export("get pods", file: "web.sts")
        assertContains(script, "#!/usr/bin/env bash\n# Exported by `stsim export web.sts`")
        assertContains(script, "# Expects: a kind cluster with three workers")
        assertContains(script, "# Needs: bash and kubectl (1.32)")
        assertContains(script, "set -euo pipefail\n")
        assertContains(
            try ScriptExport.export("", file: "x.sts", options: ExportOptions(cluster: .any)), "# Expects: any")
        XCTAssertTrue(script.hasSuffix("echo 'web.sts: done'\n"))
    }

    func testScriptArgumentsAreExpandedAndNamedInTheHeader() throws {
        let script = try ScriptExport.export(
            "scale sts ${set} ${n}", file: "s.sts", variables: ["set": "web", "n": "4"])
        assertContains(script, "# Exported by `stsim export s.sts n=4 set=web`")
        assertContains(script, "kubectl scale statefulset web --replicas=4\n")
        XCTAssertThrowsError(try ScriptExport.export("scale sts ${set} 2", file: "s.sts"))
    }

    func testManifestsAreInlinedAsHereDocuments() throws {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"
        let out = try body(
            "create -f web.yaml\napply -f missing.yaml\napply <<EOF\n\(yaml)EOF\ndelete -f web.yaml --wait=false",
            files: ["web.yaml": yaml])
        assertContains(out, "# web.yaml, inlined\nkubectl create -f - <<'EOF'\n\(yaml)EOF\nstsim_settle t.sts:1\n")
        assertContains(out, "# missing.yaml is read when the script runs")
        assertContains(out, "kubectl apply -f missing.yaml\n")
        assertContains(out, "# t.sts:3: apply <<EOF\nkubectl apply -f - <<'EOF'\n\(yaml)EOF\n")
        assertContains(out, "kubectl delete -f - --wait=false <<'EOF'\n")
        let url = "https://k8s.io/examples/application/web/web.yaml"
        assertContains(try body("apply -f \(url)"), "# kubectl downloads \(url) itself\nkubectl apply -f \(url)\n")
    }

    func testAHereDocumentHoldingEOFGetsAnotherDelimiter() throws {
        let out = try body("apply -f m.yaml", files: ["m.yaml": "data:\nEOF\n"])
        assertContains(out, "kubectl apply -f - <<'EOF1'\ndata:\nEOF\nEOF1\n")
    }

    func testCreateShortcutsBecomeManifests() throws {
        let out = try body(
            "create sts web --image nginx:1.25 --replicas 2 --storage 1Mi\n"
                + "create svc headless web --selector app=web --port 80\ncreate pv pv-1 --capacity 1Mi --access RWO")
        assertContains(out, "kind: StatefulSet\nmetadata:\n  name: web\n")
        assertContains(out, "  replicas: 2\n  serviceName: web\n")
        assertContains(out, "      - name: nginx\n        image: nginx:1.25\n")
        assertContains(out, "          storage: 1Mi\nEOF\n")
        assertContains(out, "  clusterIP: None\n  selector:\n    app: web\n")
        assertContains(out, "  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n")
    }

    func testFilesAConfigMapReadsTravelWithTheScript() throws {
        let out = try body(
            "create configmap web --from-literal mode=prod --from-file conf/app.properties\n"
                + "create secret generic s --from-file=key=tls.crt --from-file=missing.txt",
            files: ["conf/app.properties": "a=1\n", "tls.crt": "CERT\n"])
        assertContains(
            out,
            "# conf/app.properties, written out for kubectl to read\nmkdir -p \"$STSIM_FILES/1\"\n"
                + "cat > \"$STSIM_FILES/1/\"app.properties <<'EOF'\na=1\nEOF\n"
                + "kubectl create configmap web --from-literal mode=prod --from-file=\"$STSIM_FILES/1/\"app.properties\n"
        )
        assertContains(out, "cat > \"$STSIM_FILES/2/\"tls.crt <<'EOF'\nCERT\nEOF\n")
        assertContains(
            out, "kubectl create secret generic s --from-file=key=\"$STSIM_FILES/2/\"tls.crt --from-file=missing.txt\n")
        assertContains(out, "# missing.txt is read when the script runs")
        let copied = try body(
            "cp page.html web-0:/tmp\ncp web-0:/etc/hostname here.txt", files: ["page.html": "<p>hi</p>\n"])
        assertContains(
            copied,
            "mkdir -p \"$STSIM_FILES/1\"\ncat > \"$STSIM_FILES/1/\"page.html <<'EOF'\n<p>hi</p>\nEOF\n"
                + "kubectl cp \"$STSIM_FILES/1/\"page.html web-0:/tmp\n")
        assertContains(copied, "kubectl cp web-0:/etc/hostname here.txt\n")
        let checked = try body(
            "create configmap c --from-file a.txt\nexpect output contains \"created\"", files: ["a.txt": "x\n"])
        assertContains(checked, "\nstsim_capture kubectl create configmap c --from-file=")
    }

    func testScaleShortcutsBecomeKubectlScale() throws {
        let out = try body("scale sts web 3\nscale sts 2\nmode step\nscale statefulset web --replicas=5 -n team")
        assertContains(out, "kubectl scale statefulset web --replicas=3\nstsim_settle t.sts:1\n")
        assertContains(out, "kubectl scale statefulset --all --replicas=2\nstsim_settle t.sts:2\n")
        assertContains(out, "# (mode step: from here the script waits only where it says")
        assertContains(out, "kubectl scale statefulset web -n team --replicas=5\n\n")
    }

    func testKubectlWordsStayAsWritten() throws {
        let out = try body(
            """
            kubectl get pods -o wide -l app=web
            describe sts web
            logs web-0 -c nginx
            exec web-0 -- cat /usr/share/nginx/html/index.html
            label pod web-0 tier=front
            rollout status sts web
            rollout undo sts web
            patch sts web -p '{"spec":{"replicas":2}}'
            delete pod web-0 --grace-period 0 --force
            """)
        assertContains(out, "kubectl get pods -o wide -l app=web\n\n")
        assertContains(out, "kubectl describe sts web\n\n")
        assertContains(out, "kubectl logs web-0 -c nginx\n\n")
        assertContains(out, "kubectl exec web-0 -- cat /usr/share/nginx/html/index.html\n\n")
        assertContains(out, "kubectl label pod web-0 tier=front\nstsim_settle")
        assertContains(out, "kubectl rollout status sts web\n\n")
        assertContains(out, "kubectl rollout undo sts web\nstsim_settle")
        assertContains(out, "kubectl patch sts web -p '{\"spec\":{\"replicas\":2}}'\nstsim_settle")
        assertContains(out, "kubectl delete pod web-0 --grace-period 0 --force\nstsim_settle")
    }

    func testPatchShortcutsBecomePatchAndSetImage() throws {
        let out = try body("patch sts web --replicas 4\npatch sts web --image nginx=nginx:1.26")
        assertContains(out, "kubectl patch statefulset web -p '{\"spec\":{\"replicas\":4}}'\n")
        assertContains(out, "kubectl set image statefulset/web nginx=nginx:1.26\n")
    }

    func testWatchesRunForAWhile() throws {
        let out = try body("get pods -w\nlogs web-0 -f")
        assertContains(out, "stsim_watch kubectl get pods -w\n")
        assertContains(out, "stsim_watch kubectl logs web-0 -f\n")
    }

    func testSettleWaitAndTickWaitInRealTime() throws {
        let out = try body(
            "settle\nsettle --timeout 90s\nwait pod web-0 Ready --timeout 1m\nwait pod web-1 Deleted\nwait sts web ready\ntick 30s"
        )
        assertContains(out, "# t.sts:1: settle\nstsim_settle t.sts:1\n")
        assertContains(out, "stsim_settle t.sts:2 90s\n")
        assertContains(
            out,
            "kubectl wait --for=create pod/web-0 --timeout=60s\nkubectl wait --for=condition=Ready pod/web-0 --timeout=60s\n"
        )
        assertContains(out, "kubectl wait --for=delete pod/web-1 --timeout=\"$STSIM_SETTLE_TIMEOUT\"\n")
        assertContains(out, "kubectl rollout status statefulset/web --timeout=\"$STSIM_SETTLE_TIMEOUT\"\n")
        assertContains(out, "stsim_tick t.sts:6 30\n")
    }

    func testExpectationsAreChecksThatStopTheScriptWhereTheyFail() throws {
        let out = try body(
            """
            get pods
            expect output contains "web-0"
            expect pod web-0 Ready on node-1
            expect pod web-1 Deleted
            expect pvc data-web-0 Bound
            expect count pods -l app=web >= 2
            expect sts web Ready
            expect error delete pod nosuch
            expect never two pod/web-0
            expect within 30s pod web-0 Ready
            """)
        assertContains(out, "stsim_capture kubectl get pods\n")
        assertContains(out, "stsim_expect_output t.sts:2 web-0\n")
        assertContains(
            out,
            "stsim_expect t.sts:3 'pod web-0 Ready' is True -- kubectl get pod web-0 -o 'jsonpath={.status.conditions[?(@.type==\"Ready\")].status}'\n"
        )
        assertContains(
            out,
            "stsim_expect t.sts:3 'pod web-0 on kind-worker' is kind-worker -- kubectl get pod web-0 -o 'jsonpath={.spec.nodeName}'\n"
        )
        assertContains(
            out,
            "stsim_expect t.sts:4 'pod web-1 Deleted' unset '' -- kubectl get pod web-1 --ignore-not-found -o name\n")
        assertContains(
            out,
            "stsim_expect t.sts:5 'persistentvolumeclaim data-web-0 Bound' is Bound -- kubectl get persistentvolumeclaim"
        )
        assertContains(
            out, "stsim_expect t.sts:6 'count pods -l app=web >= 2' '>=' 2 -- kubectl get pods -l app=web -o name\n")
        assertContains(
            out,
            "'statefulset web Ready' ready '' -- kubectl get statefulset web -o 'jsonpath={.status.readyReplicas}/{.spec.replicas}'"
        )
        assertContains(
            out, "if kubectl delete pod nosuch\nthen stsim_unexpected_success t.sts:8 'delete pod nosuch'; fi\n")
        assertContains(out, "stsim_skip t.sts:9 'expect never two pod/web-0'\n")
        assertContains(
            out,
            "# the state is checked; how soon it came is stsim's to measure\nstsim_expect t.sts:10 'pod web-0 Ready'")
    }

    func testFaultsRunOnKindOnlyWhenAskedAndSayHowElsewhere() throws {
        let kind = try body(
            "crash kind-worker\nboot kind-worker\npartition kind-worker2\nheal kind-worker2\nkill pod web-0")
        assertContains(kind, "stsim_fault t.sts:1 'crash kind-worker' docker stop kind-worker\n")
        assertContains(kind, "stsim_fault t.sts:2 'boot kind-worker' docker start kind-worker\n")
        assertContains(
            kind, "stsim_fault t.sts:3 'partition kind-worker2' docker network disconnect kind kind-worker2\n")
        assertContains(kind, "stsim_fault t.sts:4 'heal kind-worker2' docker network connect kind kind-worker2\n")
        assertContains(kind, "# stsim only; on a real cluster: kill the container's main process")
        assertContains(kind, "stsim_skip t.sts:5 'kill pod web-0'\n")
        let any = try body("crash node-1\nbreak image nginx:9", cluster: .any)
        assertContains(
            any, "# stsim only; on a real cluster: power the node's machine off\nstsim_skip t.sts:1 'crash node-1'\n")
        assertContains(any, "stsim_skip t.sts:2 'break image nginx:9'\n")
        let minikube = try body("crash minikube", cluster: .minikube)
        assertContains(minikube, "stsim_fault t.sts:1 'crash minikube' minikube node stop minikube\n")
    }

    func testStsimNodeNamesBecomeKindsOnKind() throws {
        let out = try body(
            "partition node-2\nexpect pod web-0 Running on node-1\nget node/node-3\nget nodes control-plane\nexpect node node-12 Ready"
        )
        assertContains(out, "'partition node-2' docker network disconnect kind kind-worker2\n")
        assertContains(out, "'pod web-0 on kind-worker' is kind-worker --")
        assertContains(out, "kubectl get node/kind-worker3\n")
        assertContains(out, "kubectl get nodes kind-control-plane\n")
        assertContains(out, "stsim_expect t.sts:5 'node kind-worker12 Ready' is True --")
        let any = try body("cordon node-1\nget pods node-x", cluster: .any)
        assertContains(any, "kubectl cordon node-1\n")
        assertContains(try body("get pods node-x node-01"), "kubectl get pods node-x node-01\n")
    }

    func testNodeCommandsAreKubectlsAndDrainIgnoresDaemonSets() throws {
        let out = try body("cordon kind-worker\ndrain kind-worker\nuncordon kind-worker")
        assertContains(out, "kubectl cordon kind-worker\n")
        assertContains(out, "kubectl drain kind-worker --ignore-daemonsets\n")
        assertContains(out, "kubectl uncordon kind-worker\n")
    }

    func testStsimOnlyCommandsAreSkippedAloud() throws {
        let out = try body("clock\nseed 7\nsnapshot\ntimeline\nundo\nlet app = web\nget sts ${app}")
        for (line, text) in [(1, "clock"), (2, "seed 7"), (4, "timeline"), (5, "undo")] {
            assertContains(out, "stsim_skip t.sts:\(line) \(text.contains(" ") ? "'\(text)'" : text)\n")
        }
        assertContains(
            out, "kubectl get nodes,statefulsets,pods,persistentvolumeclaims,persistentvolumes,services -o wide\n")
        assertContains(out, "# (${app} is expanded in the commands below)\n")
        assertContains(out, "kubectl get sts web\n")
    }

    func testInsideTheClusterFromAThrowawayPod() throws {
        let out = try body(
            "dig SRV web.default.svc.cluster.local\ncurl http://web/\nexec -it web-0 -- sh\nhostname\nexit")
        assertContains(
            out,
            "kubectl run stsim-dig-1 --rm -i --quiet --restart=Never --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- dig SRV web.default.svc.cluster.local\n"
        )
        assertContains(out, "--image=curlimages/curl:8.11.1 -- curl http://web/\n")
        assertContains(out, "kubectl exec -i web-0 -- sh <<'EOF'\nhostname\nexit\nEOF\n")
    }

    func testLoopsAreExpanded() throws {
        let out = try body("for i in 0 1; do kubectl delete pod web-$i; done")
        assertContains(out, "# (the loop, expanded: its commands once per value)")
        assertContains(out, "kubectl delete pod web-0\n")
        assertContains(out, "kubectl delete pod web-1\n")
    }

    func testAParseErrorIsLocatedInTheScript() {
        XCTAssertThrowsError(try ScriptExport.export("get pods\nscael sts web 3\n", file: "bad.sts")) { error in
            guard let d = error as? Diagnostic else { return XCTFail("\(error)") }
            let text = ScriptExport.render(d, source: "get pods\nscael sts web 3\n")
            XCTAssertTrue(
                text.hasPrefix("bad.sts:2:1: error: unknown command \"scael\"\n  scael sts web 3\n  ^\n"), text)
        }
    }
}
