/// `v1/Pod`.
public struct Pod: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var spec: PodSpec
    public var status: PodStatus

    public init(metadata: ObjectMeta = ObjectMeta(), spec: PodSpec = PodSpec(), status: PodStatus = PodStatus()) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// The value of the pod's `Ready` condition (what StatefulSets, endpoints and DNS key on, 12.1).
    /// On the API's copy of a kubelet's static pod (its "mirror pod"): the config's hash.
    public static let mirrorAnnotation = "kubernetes.io/config.mirror"
    public var isReady: Bool { status.condition(.ready)?.status == .true }
    public var isRunningAndReady: Bool { status.phase == .running && isReady }
}

public struct PodSpec: Codable, Hashable, Sendable {
    public var containers: [Container]
    public var initContainers: [Container]
    public var volumes: [Volume]
    public var restartPolicy: RestartPolicy?
    public var terminationGracePeriodSeconds: Int?
    public var activeDeadlineSeconds: Int?
    public var dnsPolicy: DNSPolicy?
    public var serviceAccountName: String?
    /// `false` keeps the ServiceAccount admission from adding the API credentials volume.
    public var automountServiceAccountToken: Bool?
    /// `imagePullSecrets` by name; the ServiceAccount admission fills in the account's when the
    /// pod names none. (Optional so that states saved before it load.)
    public var imagePullSecrets: [String]?
    public var nodeName: String?
    public var nodeSelector: [String: String]
    public var hostname: String?
    public var subdomain: String?
    public var schedulerName: String?
    public var tolerations: [Toleration]
    public var priority: Int?
    public var readinessGates: [String]
    /// The pod uses its node's network and address (kube-proxy, kindnet, the control plane's
    /// static pods); only the system pods stsim makes set it: manifests cannot (`unmodelled`).
    public var hostNetwork: Bool?

    public init(
        containers: [Container] = [], initContainers: [Container] = [], volumes: [Volume] = [],
        restartPolicy: RestartPolicy? = nil, terminationGracePeriodSeconds: Int? = nil,
        activeDeadlineSeconds: Int? = nil, dnsPolicy: DNSPolicy? = nil, serviceAccountName: String? = nil,
        nodeName: String? = nil, nodeSelector: [String: String] = [:], hostname: String? = nil,
        subdomain: String? = nil, schedulerName: String? = nil, tolerations: [Toleration] = [],
        priority: Int? = nil, readinessGates: [String] = []
    ) {
        self.containers = containers
        self.initContainers = initContainers
        self.volumes = volumes
        self.restartPolicy = restartPolicy
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.activeDeadlineSeconds = activeDeadlineSeconds
        self.dnsPolicy = dnsPolicy
        self.serviceAccountName = serviceAccountName
        self.nodeName = nodeName
        self.nodeSelector = nodeSelector
        self.hostname = hostname
        self.subdomain = subdomain
        self.schedulerName = schedulerName
        self.tolerations = tolerations
        self.priority = priority
        self.readinessGates = readinessGates
    }

    /// Names of the claims the pod mounts, in volume order.
    public var claimNames: [String] { volumes.compactMap { $0.persistentVolumeClaim?.claimName } }
}

public struct Container: Codable, Hashable, Sendable {
    public var name: String
    public var image: String
    public var command: [String]?
    public var args: [String]?
    public var ports: [ContainerPort]
    public var env: [EnvVar]
    /// Whole ConfigMaps and Secrets as variables; `env` wins over them (kubelet_pods.go).
    public var envFrom: [EnvFromSource] = []
    public var volumeMounts: [VolumeMount]
    public var readinessProbe: Probe?
    public var livenessProbe: Probe?
    public var startupProbe: Probe?
    public var imagePullPolicy: PullPolicy?
    public var terminationMessagePath: String?
    public var terminationMessagePolicy: String?
    /// Whether the container's stdin stays open (`kubectl run -i`): a shell as its main process
    /// then waits on it instead of ending.
    public var stdin: Bool?
    public var stdinOnce: Bool?
    public var tty: Bool?
    /// Requests and limits; they decide the pod's QoS class (stsim schedules by pod count only).
    public var resources: ResourceRequirements?

    public init(
        name: String, image: String, command: [String]? = nil, args: [String]? = nil,
        ports: [ContainerPort] = [], env: [EnvVar] = [], volumeMounts: [VolumeMount] = [],
        readinessProbe: Probe? = nil, livenessProbe: Probe? = nil, startupProbe: Probe? = nil,
        imagePullPolicy: PullPolicy? = nil, terminationMessagePath: String? = nil,
        terminationMessagePolicy: String? = nil
    ) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.ports = ports
        self.env = env
        self.volumeMounts = volumeMounts
        self.readinessProbe = readinessProbe
        self.livenessProbe = livenessProbe
        self.startupProbe = startupProbe
        self.imagePullPolicy = imagePullPolicy
        self.terminationMessagePath = terminationMessagePath
        self.terminationMessagePolicy = terminationMessagePolicy
    }
}

public struct ContainerPort: Codable, Hashable, Sendable {
    public var name: String?
    public var containerPort: Int
    public var `protocol`: PortProtocol?
    /// The node's port the container's port is reachable on; the scheduler's NodePorts filter
    /// keeps two pods wanting the same one apart.
    public var hostPort: Int?
    public var hostIP: String?

    public init(
        name: String? = nil, containerPort: Int, protocol: PortProtocol? = nil, hostPort: Int? = nil,
        hostIP: String? = nil
    ) {
        self.name = name
        self.containerPort = containerPort
        self.protocol = `protocol`
        self.hostPort = hostPort
        self.hostIP = hostIP
    }
}

public struct EnvVar: Codable, Hashable, Sendable {
    public var name: String
    public var value: String?
    /// `valueFrom.fieldRef.fieldPath` (e.g. `metadata.name`), the one downward-API form modelled.
    public var fieldPath: String?
    /// `valueFrom.configMapKeyRef`: one key of a ConfigMap in the pod's namespace.
    public var configMapKeyRef: KeySelector?
    /// `valueFrom.secretKeyRef`: one key of a Secret in the pod's namespace.
    public var secretKeyRef: KeySelector?

    public init(
        name: String, value: String? = nil, fieldPath: String? = nil, configMapKeyRef: KeySelector? = nil,
        secretKeyRef: KeySelector? = nil
    ) {
        self.name = name
        self.value = value
        self.fieldPath = fieldPath
        self.configMapKeyRef = configMapKeyRef
        self.secretKeyRef = secretKeyRef
    }
}

public struct VolumeMount: Codable, Hashable, Sendable {
    public var name: String
    public var mountPath: String
    public var readOnly: Bool?
    public var subPath: String?

    public init(name: String, mountPath: String, readOnly: Bool? = nil, subPath: String? = nil) {
        self.name = name
        self.mountPath = mountPath
        self.readOnly = readOnly
        self.subPath = subPath
    }
}

/// A probe; the handler is data (the simulated apps decide whether it succeeds).
public struct Probe: Codable, Hashable, Sendable {
    public enum Handler: Codable, Hashable, Sendable {
        case httpGet(path: String, port: String, scheme: String?)
        case tcpSocket(port: String)
        case exec(command: [String])
        case grpc(port: Int)
    }
    public var handler: Handler
    public var initialDelaySeconds: Int?
    public var periodSeconds: Int?
    public var timeoutSeconds: Int?
    public var successThreshold: Int?
    public var failureThreshold: Int?

    public init(
        handler: Handler, initialDelaySeconds: Int? = nil, periodSeconds: Int? = nil,
        timeoutSeconds: Int? = nil, successThreshold: Int? = nil, failureThreshold: Int? = nil
    ) {
        self.handler = handler
        self.initialDelaySeconds = initialDelaySeconds
        self.periodSeconds = periodSeconds
        self.timeoutSeconds = timeoutSeconds
        self.successThreshold = successThreshold
        self.failureThreshold = failureThreshold
    }
}

public struct Volume: Codable, Hashable, Sendable {
    public var name: String
    public var source: VolumeSource

    public init(name: String, source: VolumeSource) {
        self.name = name
        self.source = source
    }

    public var persistentVolumeClaim: PersistentVolumeClaimVolumeSource? {
        if case .persistentVolumeClaim(let s) = source { return s }
        return nil
    }
}

public enum VolumeSource: Codable, Hashable, Sendable {
    case persistentVolumeClaim(PersistentVolumeClaimVolumeSource)
    case hostPath(path: String, type: String?)
    case emptyDir(medium: String?, sizeLimit: Quantity?)
    case configMap(KeyProjection)
    /// A Secret's keys as files; `KeyProjection.name` is the volume's `secretName`.
    case secret(KeyProjection)
    /// Several sources in one directory, such as the token volume admission adds
    /// (`kube-api-access-xxxxx`).
    case projected(ProjectedVolumeSource)
}

/// `configMapKeyRef` / `secretKeyRef`: which key of which object, and whether a missing one is
/// fine (`optional: true`: the variable is then left out).
public struct KeySelector: Codable, Hashable, Sendable {
    public var name: String
    public var key: String
    public var optional: Bool?

    public init(name: String, key: String, optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

/// One `envFrom` entry: every key of a ConfigMap (`configMapRef`) or Secret (`secretRef`),
/// each name with `prefix` in front.
public struct EnvFromSource: Codable, Hashable, Sendable {
    public enum Source: String, Codable, Hashable, Sendable {
        case configMap, secret
    }
    public var source: Source
    public var name: String
    public var prefix: String?
    public var optional: Bool?

    public init(source: Source, name: String, prefix: String? = nil, optional: Bool? = nil) {
        self.source = source
        self.name = name
        self.prefix = prefix
        self.optional = optional
    }
}

/// The keys of a `configMap` or `secret` volume: all of them as files named for them, or only
/// `items`, each at its own `path`.
public struct KeyProjection: Codable, Hashable, Sendable {
    public struct Item: Codable, Hashable, Sendable {
        public var key: String
        public var path: String
        public var mode: Int?

        public init(key: String, path: String, mode: Int? = nil) {
            self.key = key
            self.path = path
            self.mode = mode
        }
    }
    public var name: String
    public var items: [Item]
    public var optional: Bool?
    /// The files' permission bits; the API server defaults it to 0644 (420).
    public var defaultMode: Int?

    public init(name: String, items: [Item] = [], optional: Bool? = nil, defaultMode: Int? = nil) {
        self.name = name
        self.items = items
        self.optional = optional
        self.defaultMode = defaultMode
    }
}

public struct PersistentVolumeClaimVolumeSource: Codable, Hashable, Sendable {
    public var claimName: String
    public var readOnly: Bool?

    public init(claimName: String, readOnly: Bool? = nil) {
        self.claimName = claimName
        self.readOnly = readOnly
    }
}

public struct Toleration: Codable, Hashable, Sendable {
    public var key: String?
    public var `operator`: TolerationOperator?
    public var value: String?
    public var effect: TaintEffect?
    public var tolerationSeconds: Int?

    public init(
        key: String? = nil, operator: TolerationOperator? = nil, value: String? = nil,
        effect: TaintEffect? = nil, tolerationSeconds: Int? = nil
    ) {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }

    /// `v1.Toleration.ToleratesTaint`: an empty key with Exists tolerates everything; an empty
    /// effect matches every effect.
    public func tolerates(_ taint: Taint) -> Bool {
        if let effect, effect != taint.effect { return false }
        let op = `operator` ?? .equal
        if (key ?? "").isEmpty { return op == .exists }
        guard key == taint.key else { return false }
        if op == .exists { return true }
        return (value ?? "") == (taint.value ?? "")
    }
}
