/// `apps/v1 ControllerRevision`: one stored pod template of a StatefulSet (2.4).
public struct ControllerRevision: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    /// The stored template (Kubernetes keeps it as a raw patch; stsim keeps the value).
    public var data: PodTemplateSpec
    public var revision: Int

    public init(metadata: ObjectMeta = ObjectMeta(), data: PodTemplateSpec = PodTemplateSpec(), revision: Int = 1) {
        self.metadata = metadata
        self.data = data
        self.revision = revision
    }
}
