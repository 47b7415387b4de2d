import StsimEngine

/// A located string from the command line (a word after expansion).
public struct Argument: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// Where a manifest comes from: a file path, or text carried by the command (here-document, `-f -`).
public enum ManifestSource: Hashable, Sendable {
    /// `-f PATH` (repeatable): files, or folders of manifests; `recursive` is `-R`.
    case files([Argument], recursive: Bool)
    /// `name` is what errors call it (the script, or `<stdin>`); `firstLine` is the line of the
    /// text's first line in that file.
    case inline(text: String, name: String, firstLine: Int)

    /// One `-f FILE`.
    public static func file(_ path: Argument) -> ManifestSource { .files([path], recursive: false) }
}

public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
    case table, wide, yaml, json, name
}

public struct ScaleCommand: Hashable, Sendable {
    public var kind: ResourceKind
    /// nil: "the only StatefulSet there is" (`scale sts 3`).
    public var name: Argument?
    public var replicas: Int
    public var replicasLocation: SourceLocation
}

public enum CreateCommand: Hashable, Sendable {
    case manifests(ManifestSource, WriteOptions)
    case statefulSet(
        name: Argument, image: String, replicas: Int, service: String?, storage: String?,
        policy: String?)
    case headlessService(name: Argument, selector: [String: String], port: Int)
    /// `create service clusterip NAME --tcp PORT:TARGET...`: each port with its target, in order.
    case clusterIPService(
        name: Argument, ports: [[Int: String]], clusterIP: String?, namespace: String?, options: WriteOptions)
    case persistentVolume(
        name: Argument, capacity: String, accessModes: [String], reclaimPolicy: String,
        storageClass: String?)
    case node(name: Argument, zone: String?)
    case namespace(name: Argument, options: WriteOptions)
    /// `create pdb NAME --selector S --min-available N|N%` or `--max-unavailable`: exactly one bound.
    case podDisruptionBudget(name: Argument, selector: LabelSelector, minAvailable: String?, maxUnavailable: String?)
    case configData(ConfigDataCommand)
    /// `create serviceaccount NAME`, with `-n` and kubectl's write flags.
    case serviceAccount(name: Argument, namespace: String?, options: WriteOptions)
}

extension CreateCommand {
    /// kubectl names a container after its image: `registry.k8s.io/nginx-slim:0.8` → `nginx-slim`
    /// (`create sts` does the same, and `stsim export` writes that name into its manifest).
    public static func containerName(for image: String) -> String {
        var base = Substring(image)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let colon = base.firstIndex(of: ":") { base = base[..<colon] }
        if let at = base.firstIndex(of: "@") { base = base[..<at] }
        return base.isEmpty ? "main" : String(base)
    }
}

/// `drain NODE`: what kubectl drain's flags ask.
public struct DrainCommand: Hashable, Sendable {
    public var node: Argument
    /// `--force`: also pods no controller recreates.
    public var force: Bool
    /// `--grace-period`: nil is kubectl's -1, the pod's own grace period.
    public var gracePeriodSeconds: Int?
    /// `--timeout`: nil is kubectl's 0, no deadline.
    public var timeout: VirtualDuration?
    /// `--ignore-daemonsets`: leave DaemonSet-managed pods (kube-proxy) instead of refusing.
    public var ignoreDaemonSets: Bool

    public init(
        node: Argument, force: Bool, gracePeriodSeconds: Int? = nil, timeout: VirtualDuration? = nil,
        ignoreDaemonSets: Bool = false
    ) {
        self.node = node
        self.force = force
        self.gracePeriodSeconds = gracePeriodSeconds
        self.timeout = timeout
        self.ignoreDaemonSets = ignoreDaemonSets
    }
}

/// `patch KIND NAME ...`: a patch document, or one of stsim's shortcuts for the common cases.
public enum PatchChange: Hashable, Sendable {
    /// `-p JSON` with `--type` (kubectl's default is strategic).
    case document(String, type: PatchFormat)
    /// `-p JSON --subresource scale|status`: the patch goes to the `/scale` or `/status` subresource.
    case subresource(PatchSubresource, String, type: PatchFormat)
    case replicas(Int)
    case image(ContainerImage)
}

/// The subresources `patch --subresource` reaches (kubectl accepts these two).
public enum PatchSubresource: String, Hashable, Sendable, CaseIterable {
    case status, scale
}

/// `--dry-run` of create, apply and replace (kubectl's strategies): `client` sends nothing,
/// `server` has the API server check and default the objects without storing them.
public enum DryRun: String, Hashable, Sendable, CaseIterable {
    case none, client, server
}

/// How `create -f`, `apply` and `replace` write and what they print: kubectl's line per object,
/// or the objects themselves with `-o yaml|json|name`.
public struct WriteOptions: Hashable, Sendable {
    public var dryRun: DryRun
    public var output: OutputFormat?
    public init(dryRun: DryRun = .none, output: OutputFormat? = nil) {
        self.dryRun = dryRun
        self.output = output
    }
}

/// `logs POD`: which run of which container, and how much of it.
public struct LogsCommand: Hashable, Sendable {
    public var pod: Argument
    public var container: String?
    public var previous = false
    /// `-f`: go on printing what the container writes, in virtual time.
    public var follow = false
    /// `--tail N`: only the last N lines (kubectl's -1 means all).
    public var tail: Int?
    /// `-l SELECTOR` instead of a pod: every pod it selects (then `--tail` defaults to 10).
    public var selector: Argument?
    public var timestamps = false
    /// `--since D`: only the lines written in the last D.
    public var since: VirtualDuration?
    public var allContainers = false
    public var prefix = false
    /// `--max-log-requests N`: how many streams `-f` may follow at once (kubectl's 5).
    public var maxLogRequests = 5
    public init(pod: Argument, container: String? = nil) {
        self.pod = pod
        self.container = container
    }
}

/// `patch --type`: how the server applies the document.
public enum PatchFormat: String, Hashable, Sendable, CaseIterable {
    /// Lists with a merge key merge element by element (kubectl's default).
    case strategic
    /// RFC 7386: maps merge, `null` deletes, lists are replaced whole.
    case merge
    /// RFC 6902: a list of operations.
    case json
}

/// `C=IMG` of `set image` and `patch --image`; container `*` means every container.
public struct ContainerImage: Hashable, Sendable {
    public var container: String
    public var image: String
    public var location: SourceLocation
    public init(container: String, image: String, location: SourceLocation) {
        self.container = container
        self.image = image
        self.location = location
    }
}

public enum WaitCondition: Hashable, Sendable {
    case ready, running, deleted, bound
}

/// kubectl's `wait --for=...`: what `pkg/cmd/wait` checks on each object.
public enum KubectlWaitCondition: Hashable, Sendable {
    /// `--for=delete`.
    case delete
    /// `--for=condition=TYPE[=STATUS]`: a `status.conditions` entry (both compared without case).
    case condition(type: String, status: String)
    /// `--for=jsonpath=EXPR[=VALUE]`: without a value, any value found satisfies it.
    case jsonPath(FieldPath, value: String?)
}

/// `wait --for=COND (KIND/NAME... | KIND -l SEL | KIND --all) [--timeout D]`, kubectl's form.
public struct KubectlWaitCommand: Hashable, Sendable {
    public enum Targets: Hashable, Sendable {
        case names([Argument])
        case selector(String)
        case all
    }
    public var kind: ResourceKind
    public var targets: Targets
    public var condition: KubectlWaitCondition
    /// kubectl's default is 30 s; zero checks once; a negative value is a week.
    public var timeout: VirtualDuration
    public var namespace: String?
    /// `-A` with `-l` or `--all`: the matching objects of every namespace.
    public var allNamespaces = false
}

/// The comparison of `expect count KIND == N`.
public enum Comparison: String, Hashable, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case atLeast = ">="
    case atMost = "<="
    case above = ">"
    case below = "<"

    public func holds(_ a: Int, _ b: Int) -> Bool {
        switch self {
        case .equal: a == b
        case .notEqual: a != b
        case .atLeast: a >= b
        case .atMost: a <= b
        case .above: a > b
        case .below: a < b
        }
    }
}

/// `snapshot -o FORMAT`.
public enum SnapshotFormat: String, Hashable, Sendable, CaseIterable {
    case tree, yaml, json, dot
}

/// `timeline [--since T] [--until T] [-l SELECTOR] [--width N] [--html FILE] [--svg FILE]`.
public struct TimelineCommand: Hashable, Sendable {
    /// Where the window starts: a clock reading, or the last stretch of time (`--since 5m`).
    public enum Start: Hashable, Sendable {
        case at(VirtualTime)
        case last(VirtualDuration)
    }
    public var since: Start?
    public var until: VirtualTime?
    public var selector: String?
    public var width: Int?
    public var html: Argument?
    public var svg: Argument?

    public init() {}
}

/// `set settle-limit D`, `set watch-limit N`, a limit, a feature gate.
public enum SessionSetting: Hashable, Sendable {
    case settleLimit(VirtualDuration)
    case watchLimit(Int)
    case limit(LimitSetting, Int)
    case featureGate(FeatureGates.Gate, Bool)
}

/// stsim's own bounds, each a `set` sub-command and a flag of the same name (docs/limits.md).
public enum LimitSetting: String, CaseIterable, Hashable, Sendable {
    case maxObjects = "max-objects"
    case maxReplicas = "max-replicas"
    case maxLine = "max-line"
    case maxCommand = "max-command"
    case maxWord = "max-word"
    case maxEvents = "max-events"
}

public enum Expectation: Hashable, Sendable {
    case objectState(kind: ResourceKind, name: Argument, state: String, node: String?)
    case count(kind: ResourceKind, selector: String?, comparison: Comparison, value: Int)
    case dnsAnswerCount(type: DNSRecordType, name: String, count: Int)
    case outputContains(String)
    case error(CommandText)
    /// A check over what happened (`order`, `never`, `within`, ...), from the mark `since`
    /// names, or else from the start of the history.
    case history(HistoryCheck, since: Argument?)
}

/// Every command the language knows. The session executes it with one exhaustive `switch`,
/// so a command that is declared but not executed does not compile.
public enum Command: Hashable, Sendable {
    case create(CreateCommand)
    case apply(ManifestSource, WriteOptions)
    /// `replace -f`: each object in the file replaces the live one whole (kubectl's PUT).
    case replace(ManifestSource, WriteOptions)
    /// `diff -f`: the live objects against what `apply` would make of them.
    case diff(ManifestSource)
    case apiResources(APIResourcesCommand)
    case explain(ExplainCommand)
    case delete(DeleteCommand)
    case get(GetCommand)
    /// `groups`: `KIND/NAME` words of more than one kind (`describe sts/web pod/web-0`), in order.
    case describe(
        kind: ResourceKind, names: [Argument], selector: String?, allNamespaces: Bool = false, groups: [KindNames] = [])
    /// `describe -f FILE`: the objects the manifests name.
    case describeFiles(ManifestSource)
    case scale(ScaleCommand)
    /// `replacement`: the edited YAML from a here-document (a script has no editor).
    case edit(kind: ResourceKind, name: Argument, namespace: String?, replacement: ManifestSource?)
    case patch(kind: ResourceKind, name: Argument, change: PatchChange, namespace: String?)
    case setImage(kind: ResourceKind, name: Argument, images: [ContainerImage], namespace: String?)
    case changeMetadata(MetadataChangeCommand)
    /// What breaks or steers nodes and pods: faults, cordon, drain, taints.
    case fault(FaultCommand)
    case tick(VirtualDuration)
    case settle(timeout: VirtualDuration?, quiet: Bool)
    case wait(kind: ResourceKind, name: Argument, condition: WaitCondition, timeout: VirtualDuration?)
    case kubectlWait(KubectlWaitCommand)
    case rollout(RolloutCommand)
    case config(ConfigAction)
    case clock
    case echo(String)
    case mode(auto: Bool)
    case dig(type: DNSRecordType, name: Argument, search: Bool)
    case proxy(port: Int)
    /// `serve`, `serve stop`: the loopback Kubernetes API (the executable provides it).
    case serve(ServeAction)
    case curl(CurlCommand)
    case exec(pod: Argument, container: String?, command: [Argument])
    case execAttached(AttachedExec)
    case logs(LogsCommand)
    case copy(CopyCommand)
    case runPod(RunPodCommand)
    case snapshot(format: SnapshotFormat, svg: Argument?)
    case timeline(TimelineCommand)
    case events(EventsCommand)
    case expect(Expectation)
    /// `explore SCENARIO.sts ...`: the search over fault schedules (the StsimExplore target).
    case explore(ExploreRequest)
    /// `mark NAME`: a point in the history that `expect since NAME ...` starts from.
    case mark(Argument)
    case lesson(LessonAction)
    case help(topic: Argument?)
    case history
    /// `unwatch`: ends the watch that `get -w` left open in mode auto.
    case unwatch
    /// `reset [--cluster NAME] [--nodes N]`: a fresh cluster, of another profile or size when given.
    case reset(profile: ClusterProfile?, nodes: Int?)
    case undo
    case seed(UInt64)
    case setting(SessionSetting)
    case define(name: String, value: String)
    case run(path: Argument)
    case save(path: Argument)
    case load(path: Argument)
    case quit
    /// A command of the language whose machinery is not built yet: it says so, plainly.
    case unavailable(name: String, plannedWith: String)
}

/// A parsed line: the command, and the namespace its `-n` names (nil: the current namespace).
public struct Statement: Hashable, Sendable {
    public var command: Command
    public var namespace: Argument?
    public init(command: Command, namespace: Argument? = nil) {
        self.command = command
        self.namespace = namespace
    }
}

/// What `config` does to stsim's one kubeconfig context.
public enum ConfigAction: Hashable, Sendable {
    /// The context `stsim serve` writes into its kubeconfig.
    public static let contextName = "stsim"
    /// nil: the context is left as it is (kubectl still says "modified").
    case setContext(namespace: String?)
    /// `config view`: yaml or json, or the data through a template.
    case view(output: OutputFormat, template: OutputTemplate?)
    case currentContext
    case getContexts
    case useContext
}
