import StsimEngine
import XCTest

@testable import StsimLanguage

/// Every error of the parser, the flag pass and `ParsedArguments`: exact message, location and hint.
final class ParserErrorTests: XCTestCase {
    // MARK: - Parser

    func testUndefinedVariable() {
        assertParseError("scale sts web ${n}", "undefined variable ${n}", 1, 15, hint: "define it first: let n = VALUE")
        assertParseError(
            "expect output contains \"x ${m}\"", "undefined variable ${m}", 1, 27,
            hint: "define it first: let m = VALUE", variables: ["n": "1"])
    }

    func testUndefinedVariableInAHereDocument() {
        assertParseError(
            "apply <<EOF\nkind: X\nname: ${N}\nEOF", "undefined variable ${N}", 3, 7,
            hint: "define it first: let N = VALUE")
    }

    func testHereDocumentWithoutACommand() {
        guard let cs = commands(count: 2, "<<EOF\nkind: X\nEOF\nget pods") else { return }
        XCTAssertThrowsError(try Parser.parse(cs[0], variables: [:])) { error in
            assertDiagnostic(
                error as? Diagnostic, "a here-document needs a command, as in: apply <<EOF", 1, 1,
                hint: nil)
        }
        XCTAssertEqual(
            try Parser.parse(cs[1], variables: [:]),
            .get(
                GetCommand(
                    kinds: [.pod], names: [], output: .table, selector: nil, watch: false,
                    allNamespaces: false, showLabels: false, namespace: nil)))
        assertParseError(
            "kubectl <<EOF\nkind: X\nEOF", "a here-document needs a command, as in: apply <<EOF", 1, 9,
            hint: nil)
    }

    func testUnknownCommand() {
        assertParseError("sclae sts web 3", "unknown command \"sclae\"", 1, 1, hint: "did you mean \"scale\"?")
        assertParseError("foo", "unknown command \"foo\"", 1, 1, hint: "type help for the list of commands")
        assertParseError("kubectl foo", "unknown command \"foo\"", 1, 9, hint: "type help for the list of commands")
        assertParseError("de pod x", "unknown command \"de\"", 1, 1, hint: "did you mean \"delete\" or \"describe\"?")
        assertParseError("  exti", "unknown command \"exti\"", 1, 3, hint: "did you mean \"exit\"?")
    }

    func testCommandThatReadsNoHereDocument() {
        assertParseError("get pods <<EOF\nkind: X\nEOF", "get does not read a here-document", 1, 10, hint: nil)
        assertParseError("scale sts web 3 <<EOF\nEOF", "scale does not read a here-document", 1, 17, hint: nil)
    }

    // MARK: - The flag pass

    func testUnknownLongFlag() {
        assertParseError(
            "get pods --outptu json", "unknown flag --outptu for get", 1, 10,
            hint: "did you mean \"--output\"?")
        assertParseError(
            "delete pod x --forse", "unknown flag --forse for delete", 1, 14,
            hint: "did you mean \"--force\"?")
        assertParseError(
            "scale sts web --foo 3", "unknown flag --foo for scale", 1, 15,
            hint: "scale takes --replicas, --namespace")
        assertParseError(
            "scale sts web --foo=3", "unknown flag --foo for scale", 1, 15,
            hint: "scale takes --replicas, --namespace")
        assertParseError("clock --utc", "unknown flag --utc for clock", 1, 7, hint: "clock takes no flags")
    }

    func testUnknownShortFlag() {
        assertParseError(
            "get pods -x", "unknown flag -x for get", 1, 10, hint: "did you mean \"-A\", \"-L\" or \"-R\"?")
        assertParseError(
            "get pods -wx", "unknown flag -x for get", 1, 12, hint: "did you mean \"-A\", \"-L\" or \"-R\"?")
        assertParseError(
            "get pods -wAx", "unknown flag -x for get", 1, 13, hint: "did you mean \"-A\", \"-L\" or \"-R\"?")
        assertParseError(
            "get pods -wAo", "flag -o, --output FORMAT needs a value", 1, 13,
            hint: "for example: get --output FORMAT")
        assertParseError("tick -v 1s", "unknown flag -v for tick", 1, 6, hint: "tick takes no flags")
        assertParseError("let x = -y", "unknown flag -y for let", 1, 9, hint: "let takes no flags")
    }

    func testFlagWithoutItsValue() {
        assertParseError(
            "get pods -o", "flag -o, --output FORMAT needs a value", 1, 10,
            hint: "for example: get --output FORMAT")
        assertParseError(
            "scale sts web --replicas", "flag --replicas N needs a value", 1, 15,
            hint: "for example: scale --replicas N")
        assertParseError(
            "apply -f", "flag -f, --filename FILE needs a value", 1, 7,
            hint: "for example: apply --filename FILE")
    }

    // MARK: - ParsedArguments

    func testBooleanFlagValue() {
        assertParseError("delete pod x --force=maybe", "--force takes true or false, not \"maybe\"", 1, 14, hint: nil)
        assertParseError("get pods -w=no", "--watch takes true or false, not \"no\"", 1, 10, hint: nil)
        assertParseError("settle -q=1", "--quiet takes true or false, not \"1\"", 1, 8, hint: nil)
    }

    func testWholeNumberFlagValue() {
        assertParseError(
            "delete pod x --grace-period soon", "--grace-period must be a whole number, not \"soon\"",
            1, 29, hint: nil)
    }

    func testDurationValue() {
        let hint = "write it like 500ms, 30s, 5m, 1h or 1m30s"
        assertParseError("tick 5x", "\"5x\" is not a duration", 1, 6, hint: hint)
        assertParseError("tick 99999999999999999999s", "\"99999999999999999999s\" is not a duration", 1, 6, hint: hint)
        assertParseError("tick 9223372036854775807", "\"9223372036854775807\" is not a duration", 1, 6, hint: hint)
    }

    func testUnknownKind() {
        assertParseError(
            "get podz", "the server doesn't have a resource type \"podz\"", 1, 5,
            hint: "did you mean \"pod\" or \"pods\"?")
        assertParseError("get foo", "the server doesn't have a resource type \"foo\"", 1, 5, hint: nil)
        assertParseError("get pods,foo", "the server doesn't have a resource type \"foo\"", 1, 10, hint: nil)
        assertParseError("get foo/bar", "the server doesn't have a resource type \"foo\"", 1, 5, hint: nil)
        assertParseError(
            "get pod/a /", "arguments in resource/name form must have a single resource and name", 1, 11, hint: nil)
        assertParseError(
            "get pod/a /b", "arguments in resource/name form must have a single resource and name", 1, 11, hint: nil)
        assertParseError(
            "get /b", "arguments in resource/name form must have a single resource and name", 1, 5, hint: nil)
        assertParseError(
            "get pod/a/b", "arguments in resource/name form may not have more than one slash", 1, 5, hint: nil)
        assertParseError(
            "get pod/a stz/b", "the server doesn't have a resource type \"stz\"", 1, 11,
            hint: "did you mean \"sts\"?")
    }

    func testChoice() {
        let allowed =
            "allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,"
            + "jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
        assertParseError(
            "get pods -o jsn", "unable to match a printer suitable for the output format \"jsn\", \(allowed)", 1, 13,
            hint: "did you mean \"json\"?")
        assertParseError(
            "get pods -ojsn", "unable to match a printer suitable for the output format \"jsn\", \(allowed)", 1, 10,
            hint: "did you mean \"json\"?")
        assertParseError(
            "get pods -o xml", "unable to match a printer suitable for the output format \"xml\", \(allowed)", 1, 13,
            hint: nil)
        assertParseError("get pods -o jsonpath", "template format specified but no template given", 1, 13, hint: nil)
    }

    func testMissingArgumentPointsPastTheLastWord() {
        assertParseError("tick", "tick: missing DURATION", 1, 6, hint: "usage: tick DURATION")
        assertParseError("  tick   ", "tick: missing DURATION", 1, 8, hint: "usage: tick DURATION")
    }

    func testUnexpectedArgument() {
        assertParseError("tick 1s 2s", "tick: unexpected argument \"2s\"", 1, 9, hint: "usage: tick DURATION")
    }

    // MARK: - create

    func testCreateErrors() {
        assertParseError(
            "create", "create needs -f FILE or what to create", 1, 1,
            hint: "try: create -f FILE, create sts NAME --image IMG, help create")
        assertParseError(
            "create sts", "create sts: missing NAME", 1, 12,
            hint:
                "usage: create sts NAME --image IMG [--replicas N] [--service SVC] [--storage SIZE] [--policy OrderedReady|Parallel]"
        )
        assertParseError(
            "create sts web", "create sts needs --image IMG", 1, 12,
            hint: "for example: create sts web --image nginx")
        assertParseError("create sts web --image nginx --replicas -1", "--replicas must be 0 or more", 1, 41, hint: nil)
        assertParseError("create sts web --image nginx --replicas=-1", "--replicas must be 0 or more", 1, 30, hint: nil)
        assertParseError(
            "create sts web --image nginx --replicas three",
            "--replicas must be a whole number, not \"three\"", 1, 41, hint: nil)
        assertParseError(
            "create sts web --image nginx --policy Paralel",
            "--policy must be one of OrderedReady, Parallel, not \"Paralel\"", 1, 39,
            hint: "did you mean \"Parallel\"?")
        assertParseError(
            "create sts web extra --image nginx", "create sts: unexpected argument \"extra\"", 1, 16,
            hint:
                "usage: create sts NAME --image IMG [--replicas N] [--service SVC] [--storage SIZE] [--policy OrderedReady|Parallel]"
        )
    }

    func testCreateServiceErrors() {
        let usage =
            "usage: create svc headless|clusterip NAME [--selector k=v] [--port PORT] [--tcp PORT:TARGET] "
            + "[--clusterip IP] [--dry-run none|client|server] [--output yaml|json|name]"
        assertParseError(
            "create svc", "create svc: missing the service type (headless or clusterip)", 1, 12,
            hint: usage)
        assertParseError(
            "create svc clusterip web", "at least one tcp port specifier must be provided", 1, 22,
            hint: "create service clusterip web --tcp=80:80")
        assertParseError(
            "create svc headles nginx", "create svc makes headless and clusterip services: create svc headless NAME",
            1, 12, hint: "did you mean \"headless\"?")
        assertParseError(
            "create svc nodeport x", "create svc makes headless and clusterip services: create svc headless NAME",
            1, 12, hint: nil)
        assertParseError(
            "create svc headless", "create svc: missing NAME", 1, 21,
            hint: usage)
        assertParseError("create svc headless nginx", "create svc headless needs --selector k=v", 1, 21, hint: nil)
        assertParseError(
            "create svc headless nginx --selector app", "--selector takes k=v pairs separated by commas",
            1, 38, hint: nil)
        assertParseError(
            "create svc headless nginx --selector =web", "--selector takes k=v pairs separated by commas",
            1, 38, hint: nil)
        assertParseError(
            "create svc headless nginx --selector app=web --port http",
            "--port must be a whole number, not \"http\"", 1, 53, hint: nil)
        assertParseError(
            "create svc headless nginx x --selector app=web", "create svc: unexpected argument \"x\"", 1, 27,
            hint: usage)
    }

    /// A flag of another sub-command is not silently ignored: `create pv` has no --replicas.
    func testASubCommandTakesOnlyItsOwnFlags() {
        assertParseError(
            "create pv pv-a --capacity 1Mi --replicas 3", "unknown flag --replicas for create pv", 1, 31,
            hint: "create pv takes --capacity, --access, --reclaim, --class")
        assertParseError(
            "create node n4 --image nginx", "unknown flag --image for create node", 1, 16,
            hint: "create node takes --zone")
        assertParseError(
            "create sts web --image nginx --replica 2", "unknown flag --replica for create sts", 1, 30,
            hint: "did you mean \"--replicas\"?")
    }

    /// stsim has no pipes: an unquoted `|` is refused where it stands; a quoted one is data.
    func testPipesAreRefusedOnce() {
        let hint =
            "stsim prints the whole answer; to narrow it: get pods -l app=web, get pods -o name, or name the objects: get pod web-0"
        assertParseError(
            "get pods | head", "stsim has no pipes: \"|\" and the words after it are not run", 1, 10, hint: hint)
        assertParseError(
            "get pods|head -3", "stsim has no pipes: \"|\" and the words after it are not run", 1, 9, hint: hint)
        guard case .exec(_, _, let words) = parsed("exec web-0 -- sh -c 'ls | wc -l'") else {
            return XCTFail("a quoted | is refused")
        }
        XCTAssertEqual(words.map(\.text), ["sh", "-c", "ls | wc -l"])
    }

    func testCreateVolumeNodeAndOtherErrors() {
        assertParseError("create pv a", "create pv needs --capacity SIZE, e.g. --capacity 1Mi", 1, 11, hint: nil)
        assertParseError(
            "create pv a --capacity 1Mi --reclaim Keep",
            "--reclaim must be one of Retain, Delete, Recycle, not \"Keep\"", 1, 38, hint: nil)
        assertParseError(
            "create pv a --capacity 1Mi --reclaim Retian",
            "--reclaim must be one of Retain, Delete, Recycle, not \"Retian\"", 1, 38,
            hint: "did you mean \"Retain\"?")
        assertParseError(
            "create pv", "create pv: missing NAME", 1, 11,
            hint:
                "usage: create pv NAME --capacity SIZE [--access RWO|ROX|RWX|RWOP] [--reclaim Retain|Delete|Recycle] [--class CLASS]"
        )
        assertParseError(
            "create pv a b --capacity 1Mi", "create pv: unexpected argument \"b\"", 1, 13,
            hint:
                "usage: create pv NAME --capacity SIZE [--access RWO|ROX|RWX|RWOP] [--reclaim Retain|Delete|Recycle] [--class CLASS]"
        )
        assertParseError(
            "create node", "create node: missing NAME", 1, 13, hint: "usage: create node NAME [--zone ZONE]")
        assertParseError(
            "create node n1 n2", "create node: unexpected argument \"n2\"", 1, 16,
            hint: "usage: create node NAME [--zone ZONE]")
        assertParseError(
            "create pod x",
            "create makes sts, svc, pv, node, namespace, pdb, configmap, secret or serviceaccount, not \"pod\"", 1, 8,
            hint: "for other kinds write a manifest: create -f FILE")
        assertParseError(
            "create stz x",
            "create makes sts, svc, pv, node, namespace, pdb, configmap, secret or serviceaccount, not \"stz\"", 1, 8,
            hint: "did you mean \"sts\"?")
    }

    func testManifestSourceErrors() {
        assertParseError(
            "create -f -", "-f - reads a here-document, and this command has none", 1, 11,
            hint: "write: create -f - <<EOF, the manifest, then EOF")
        assertParseError(
            "apply -f -", "-f - reads a here-document, and this command has none", 1, 10,
            hint: "write: apply -f - <<EOF, the manifest, then EOF")
        assertParseError(
            "delete -f -", "-f - reads a here-document, and this command has none", 1, 11,
            hint: "write: delete -f - <<EOF, the manifest, then EOF")
        assertParseError(
            "create -f a.yaml b", "create: unexpected argument \"b\"", 1, 18, hint: "usage: create -f FILE")
        assertParseError(
            "create <<EOF b\nkind: X\nEOF", "create: unexpected argument \"b\"", 1, 14,
            hint: "usage: create -f FILE")
    }

    func testApplyErrors() {
        assertParseError(
            "apply", "apply needs -f FILE or a here-document", 1, 1, hint: "for example: apply -f web.yaml")
        assertParseError("apply -f x.yaml y", "apply: unexpected argument \"y\"", 1, 17, hint: "usage: apply -f FILE")
    }

    // MARK: - get, describe, scale, delete

    func testGetErrors() {
        assertParseError(
            "get", "get: missing KIND", 1, 5,
            hint: "usage: get KIND[,KIND...] [NAME...] [-o wide|yaml|json|name] [-l SELECTOR] [-w]")
        assertParseError(
            "get pod/a b",
            "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
            1, 11, hint: nil)
        assertParseError(
            "get pod a svc/b",
            "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
            1, 11, hint: nil)
        assertParseError(
            "get pods --show-labels=sure", "--show-labels takes true or false, not \"sure\"", 1, 10,
            hint: nil)
        assertParseError("get pods -A=x", "--all-namespaces takes true or false, not \"x\"", 1, 10, hint: nil)
    }

    func testDescribeErrors() {
        assertParseError("describe", "describe: missing KIND", 1, 10, hint: "usage: describe KIND [NAME...]")
        assertParseError(
            "describe stateful web", "the server doesn't have a resource type \"stateful\"", 1, 10,
            hint: "did you mean \"statefulset\" or \"statefulsets\"?")
    }

    func testScaleErrors() {
        assertParseError("scale", "scale: missing KIND (sts or rs)", 1, 7, hint: "usage: scale sts NAME N")
        assertParseError("scale pod web 3", "scale works on sts and rs, not pods", 1, 7, hint: nil)
        assertParseError("kubectl scale po/web 3", "scale works on sts and rs, not pods", 1, 15, hint: nil)
        let usage = "usage: scale sts NAME N, or scale sts NAME --replicas=N"
        assertParseError("scale sts web", "scale: missing the number of replicas", 1, 15, hint: usage)
        assertParseError("scale sts", "scale: missing the number of replicas", 1, 11, hint: usage)
        assertParseError("scale sts/web", "scale: missing the number of replicas", 1, 15, hint: usage)
        assertParseError("scale sts a b 3", "scale: unexpected argument \"b\"", 1, 13, hint: "usage: scale sts NAME N")
        assertParseError(
            "scale sts web 3 --replicas=4", "scale: unexpected argument \"3\"", 1, 15,
            hint: "usage: scale sts NAME N")
        assertParseError(
            "scale sts web --replicas=many",
            "the number of replicas must be a whole number, not \"many\"", 1, 15, hint: nil)
        assertParseError(
            "scale sts web -1", "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
            1, 15, hint: nil)
        assertParseError(
            "scale sts web --replicas=-2",
            "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0", 1, 15, hint: nil)
    }

    func testDeleteErrors() {
        assertParseError(
            "delete", "delete: missing KIND", 1, 8,
            hint: "usage: delete KIND NAME... [--force] [--grace-period S] [--wait=false]")
        assertParseError(
            "delete pod", "resource(s) were provided, but no name was specified", 1, 12,
            hint: "name the pod to delete, or use -l SELECTOR or --all")
        assertParseError(
            "delete pod --force", "resource(s) were provided, but no name was specified", 1, 12,
            hint: "name the pod to delete, or use -l SELECTOR or --all")
        assertParseError(
            "delete pvc", "resource(s) were provided, but no name was specified", 1, 12,
            hint: "name the persistentvolumeclaim to delete, or use -l SELECTOR or --all")
        assertParseError("delete pod x --wait=nope", "--wait takes true or false, not \"nope\"", 1, 14, hint: nil)
        assertParseError("delete pod x --now=2", "--now takes true or false, not \"2\"", 1, 14, hint: nil)
        assertParseError(
            "delete pods --all=false", "resource(s) were provided, but no name was specified", 1, 13,
            hint: "name the pod to delete, or use -l SELECTOR or --all")
        assertParseError("delete pods --all=x", "--all takes true or false, not \"x\"", 1, 13, hint: nil)
        assertParseError(
            "delete -f a.yaml pod", "delete: unexpected argument \"pod\"", 1, 18,
            hint: "usage: delete KIND NAME... [--force] [--grace-period S] [--wait=false]")
        assertParseError(
            "delete pod/a svc/b -l app=web", "name cannot be provided when a selector is specified", 1, 12, hint: nil)
        assertParseError(
            "delete podz x", "the server doesn't have a resource type \"podz\"", 1, 8,
            hint: "did you mean \"pod\" or \"pods\"?")
    }

    // MARK: - time

    func testTimeErrors() {
        assertParseError(
            "settle now", "settle: unexpected argument \"now\"", 1, 8,
            hint: "usage: settle [--timeout D] [--quiet]")
        assertParseError(
            "settle --timeout forever", "\"forever\" is not a duration", 1, 18,
            hint: "write it like 500ms, 30s, 5m, 1h or 1m30s")
        assertParseError("clock now", "clock: unexpected argument \"now\"", 1, 7, hint: "usage: clock")
        assertParseError("mode", "mode: missing auto or step", 1, 6, hint: "usage: mode auto|step")
        assertParseError(
            "mode atuo", "the mode must be one of auto, step, not \"atuo\"", 1, 6,
            hint: "did you mean \"auto\"?")
        assertParseError("mode fast", "the mode must be one of auto, step, not \"fast\"", 1, 6, hint: nil)
        assertParseError("mode step now", "mode: unexpected argument \"now\"", 1, 11, hint: "usage: mode auto|step")
    }

    func testWaitErrors() {
        assertParseError(
            "wait", "wait: missing KIND", 1, 6,
            hint: "usage: wait pod NAME Ready|Running|Deleted [--timeout D]")
        assertParseError("wait pod", "wait: missing NAME", 1, 10, hint: "usage: wait pod NAME Ready")
        assertParseError(
            "wait pod web", "wait: missing the condition (Ready, Running, Deleted or Bound)", 1, 14,
            hint: "or kubectl's form: wait --for=condition=Ready pod/web")
        assertParseError(
            "wait pod/web", "wait: missing the condition (Ready, Running, Deleted or Bound)", 1, 14,
            hint: "or kubectl's form: wait --for=condition=Ready pod/web")
        assertParseError(
            "wait pod web Redy", "the condition must be one of Ready, Running, Deleted, Bound, not \"Redy\"",
            1, 14, hint: "did you mean \"Ready\"?")
        assertParseError("wait pod web Ready now", "wait: unexpected argument \"now\"", 1, 20, hint: nil)
        assertParseError(
            "wait pod web Ready --timeout 2x", "\"2x\" is not a duration", 1, 30,
            hint: "write it like 500ms, 30s, 5m, 1h or 1m30s")
        assertParseError("wait foo web Ready", "the server doesn't have a resource type \"foo\"", 1, 6, hint: nil)
    }

    // MARK: - inside and whole

    func testDigSnapshotEventsErrors() {
        assertParseError("dig", "dig: missing SRV or A, then NAME", 1, 5, hint: "usage: dig [+search] SRV|A NAME")
        assertParseError("dig SRV", "dig: missing NAME", 1, 9, hint: "usage: dig [+search] SRV|A NAME")
        assertParseError(
            "dig SRV a b", "dig: unexpected argument \"b\"", 1, 11, hint: "usage: dig [+search] SRV|A NAME")
        assertParseError(
            "snapshot now", "snapshot: unexpected argument \"now\"", 1, 10,
            hint: "usage: snapshot [-o tree|yaml|json|dot] [--svg FILE]")
        assertParseError("snapshot -o png", "-o must be one of tree, yaml, json, dot, not \"png\"", 1, 13, hint: nil)
        assertParseError(
            "events now", "events: unexpected argument \"now\"", 1, 8,
            hint: "usage: events [--for KIND/NAME] [--types TYPES] [--since D]")
        assertParseError(
            "events --since x", "\"x\" is not a duration", 1, 16,
            hint: "write it like 500ms, 30s, 5m, 1h or 1m30s")
    }

    // MARK: - expect

    func testExpectErrors() {
        let usage = "usage: expect pod NAME Running|Ready|Pending|Terminating|Deleted [on NODE]"
        assertParseError("expect", "expect: missing what to check", 1, 8, hint: usage)
        assertParseError("expect foo x Running", "the server doesn't have a resource type \"foo\"", 1, 8, hint: nil)
        assertParseError("expect pod", "expect: missing NAME", 1, 12, hint: usage)
        assertParseError("expect pod web", "expect: missing the state", 1, 16, hint: usage)
        let states =
            "Running, Ready, NotReady, Pending, Terminating, Unknown, Deleted, Bound, Available, Released, "
            + "ContainerCreating, CrashLoopBackOff, ErrImagePull, ImagePullBackOff, CreateContainerConfigError, "
            + "PodInitializing, Completed, Error"
        assertParseError(
            "expect pod web Runing", "the state must be one of \(states), not \"Runing\"", 1, 16,
            hint: "did you mean \"Running\"?")
        assertParseError(
            "expect pod web Running at n1", "expected \"on NODE\" or nothing, not \"at\"", 1, 24, hint: nil)
        assertParseError("expect pod web Running on", "expect: missing NODE", 1, 27, hint: usage)
        assertParseError("expect pod web Running on n1 x", "expect: unexpected argument \"x\"", 1, 30, hint: usage)
    }

    func testExpectCountErrors() {
        let usage = "usage: expect pod NAME Running|Ready|Pending|Terminating|Deleted [on NODE]"
        assertParseError("expect count", "expect: missing KIND", 1, 14, hint: usage)
        assertParseError(
            "expect count podz == 3", "the server doesn't have a resource type \"podz\"", 1, 14,
            hint: "did you mean \"pod\" or \"pods\"?")
        assertParseError("expect count pods", "expect: missing a comparison such as ==", 1, 19, hint: usage)
        assertParseError(
            "expect count pods === 3", "the comparison must be one of ==, !=, >=, <=, >, <, not \"===\"",
            1, 19, hint: "did you mean \"==\"?")
        assertParseError("expect count pods ==", "expect: missing N", 1, 22, hint: usage)
        assertParseError(
            "expect count pods == three", "the count must be a whole number, not \"three\"", 1, 22, hint: nil)
        assertParseError("expect count pods == 3 4", "expect: unexpected argument \"4\"", 1, 24, hint: usage)
    }

    func testExpectDnsErrors() {
        let usage = "usage: expect pod NAME Running|Ready|Pending|Terminating|Deleted [on NODE]"
        assertParseError("expect dns", "expect: missing SRV or A", 1, 12, hint: usage)
        assertParseError(
            "expect dns MX web has 1", "the record type must be one of SRV, A, not \"MX\"", 1, 12, hint: nil)
        assertParseError("expect dns SRV", "expect: missing NAME", 1, 16, hint: usage)
        assertParseError("expect dns SRV web", "expect: missing has", 1, 20, hint: usage)
        assertParseError(
            "expect dns SRV web with 3", "expected \"has\", as in: expect dns SRV NAME has 3", 1, 20,
            hint: nil)
        assertParseError("expect dns SRV web has", "expect: missing N", 1, 24, hint: usage)
        assertParseError(
            "expect dns SRV web has many", "the number of records must be a whole number, not \"many\"",
            1, 24, hint: nil)
        assertParseError("expect dns SRV web has 3 4", "expect: unexpected argument \"4\"", 1, 26, hint: usage)
    }

    func testExpectOutputAndErrorErrors() {
        let usage = "usage: expect pod NAME Running|Ready|Pending|Terminating|Deleted [on NODE]"
        assertParseError("expect output", "expect: missing contains", 1, 15, hint: usage)
        assertParseError(
            "expect output has x", "expected \"contains\", as in: expect output contains \"TEXT\"", 1, 15,
            hint: nil)
        assertParseError("expect output contains", "expect: missing the TEXT to look for", 1, 24, hint: usage)
        assertParseError("expect output contains a b", "expect: unexpected argument \"b\"", 1, 26, hint: usage)
        assertParseError("expect error", "expect error needs the command that should fail", 1, 8, hint: nil)
        assertParseError("kubectl expect error", "expect error needs the command that should fail", 1, 16, hint: nil)
    }

    // MARK: - session

    func testSessionErrors() {
        assertParseError(
            "help a b c", "help: unexpected argument \"c\"", 1, 10, hint: "usage: help [COMMAND [SUB-COMMAND]]")
        assertParseError("run", "run: missing FILE", 1, 5, hint: "usage: run FILE.sts")
        assertParseError("run a b", "run: unexpected argument \"b\"", 1, 7, hint: "usage: run FILE.sts")
        assertParseError(
            "set", "set: missing the setting (settle-limit, watch-limit or a limit)", 1, 5,
            hint: "usage: set settle-limit D")
        assertParseError("set watch-limit", "set watch-limit: missing VALUE", 1, 17, hint: "usage: set watch-limit N")
        assertParseError(
            "set wach-limit 5",
            "the setting must be one of settle-limit, watch-limit, max-objects, max-replicas, max-line, max-command, max-word, max-events, feature-gate, image, not \"wach-limit\"",
            1, 5, hint: "did you mean \"watch-limit\"?")
        assertParseError(
            "set feature-gate Foo=true", "unrecognized feature gate: Foo", 1, 18,
            hint: "stsim models only MaxUnavailableStatefulSet (Kubernetes 1.32)")
        assertParseError(
            "set watch-limit 5 6", "set watch-limit: unexpected argument \"6\"", 1, 19, hint: "usage: set watch-limit N"
        )
        assertParseError("seed", "seed: missing N", 1, 6, hint: "usage: seed N")
        assertParseError("seed -1", "the seed must be a whole number from 0 up, not \"-1\"", 1, 6, hint: nil)
        assertParseError("seed x", "the seed must be a whole number from 0 up, not \"x\"", 1, 6, hint: nil)
        assertParseError("seed 1 2", "seed: unexpected argument \"2\"", 1, 8, hint: "usage: seed N")
        assertParseError(
            "reset now", "reset: unexpected argument \"now\"", 1, 7,
            hint: "usage: reset [--cluster stsim|kind|minikube|gke|kubeadm] [--nodes N]")
        assertParseError("history 5", "history: unexpected argument \"5\"", 1, 9, hint: "usage: history")
        assertParseError("exit 0", "quit: unexpected argument \"0\"", 1, 6, hint: "usage: quit")
    }

    func testLetErrors() {
        assertParseError("let", "let: missing NAME", 1, 5, hint: "usage: let NAME = VALUE")
        assertParseError("let n", "let: missing =", 1, 7, hint: "usage: let NAME = VALUE")
        assertParseError("let n 3", "expected \"=\", as in: let n = VALUE", 1, 7, hint: nil)
        assertParseError("let n =", "let: missing VALUE", 1, 9, hint: "usage: let NAME = VALUE")
        assertParseError(
            "let 1n = 3", "\"1n\" is not a variable name", 1, 5,
            hint: "names are letters, digits and _, not starting with a digit")
        assertParseError(
            "let a-b=3", "\"a-b\" is not a variable name", 1, 5,
            hint: "names are letters, digits and _, not starting with a digit")
        assertParseError("let n = 3 4", "let: unexpected argument \"4\"", 1, 11, hint: "usage: let NAME = VALUE")
    }

    /// Errors in a script carry the script's name and line.
    func testErrorLocationsCarryTheFileAndLine() {
        let items = Lexer.lex("clock\n\n  tick 5x\n", file: "lesson.sts")
        guard items.count == 2, case .command(let c) = items[1] else { return XCTFail("\(items)") }
        XCTAssertThrowsError(try Parser.parse(c, variables: [:])) { error in
            assertDiagnostic(
                error as? Diagnostic, "\"5x\" is not a duration", 3, 8,
                hint: "write it like 500ms, 30s, 5m, 1h or 1m30s", inFile: "lesson.sts")
        }
    }

    func testUnicodeColumnsInParserErrors() {
        assertParseError(
            "expect pod wéb-0 Rünning",
            "the state must be one of Running, Ready, NotReady, Pending, "
                + "Terminating, Unknown, Deleted, Bound, Available, Released, ContainerCreating, CrashLoopBackOff, "
                + "ErrImagePull, ImagePullBackOff, CreateContainerConfigError, PodInitializing, Completed, Error, "
                + "not \"Rünning\"", 1, 18, hint: "did you mean \"Running\"?")
        assertParseError(
            "let 名前 = 1", "\"名前\" is not a variable name", 1, 5,
            hint: "names are letters, digits and _, not starting with a digit")
        assertParseError(
            "get pods 👍🏽 -x", "unknown flag -x for get", 1, 12,
            hint: "did you mean \"-A\", \"-L\" or \"-R\"?")
    }
}
