/// StatefulSet and the types under it (k8s.io/api apps/v1 types.go, 1.32: serviceName still
/// required, maxUnavailable still alpha, the `+enum` types with their possible values).
extension ExplainSchemas {
    static let apps: [ExplainSchema] = [
        ExplainSchema(
            "StatefulSet",
            "StatefulSet represents a set of pods with consistent identities. Identities are defined as:\n  - Network: A single stable DNS and hostname.\n  - Storage: As many VolumeClaims as requested.\n\nThe StatefulSet guarantees that a given network identity will always map to the same storage identity.",
            [
                apiVersion, kind, metadata,
                .object("spec", "StatefulSetSpec", "Spec defines the desired identities of pods in this set."),
                .object(
                    "status", "StatefulSetStatus",
                    "Status is the current status of Pods in this StatefulSet. This data may be out of date by some window of time."
                ),
            ]),
        statefulSetSpec,
        statefulSetStatus,
        ExplainSchema(
            "StatefulSetCondition", "StatefulSetCondition describes the state of a statefulset at a certain point.",
            [
                .value(
                    "lastTransitionTime", "string", "Last time the condition transitioned from one status to another."),
                .value("message", "string", "A human readable message indicating details about the transition."),
                .value("reason", "string", "The reason for the condition's last transition."),
                .value("status", "string", required: true, "Status of the condition, one of True, False, Unknown."),
                .value("type", "string", required: true, "Type of statefulset condition."),
            ]),
        ExplainSchema(
            "StatefulSetUpdateStrategy",
            "StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates. It includes any additional parameters necessary to perform the update for the indicated strategy.",
            [
                .object(
                    "rollingUpdate", "RollingUpdateStatefulSetStrategy",
                    "RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType."
                ),
                .value(
                    "type", "string", enum: ["OnDelete", "RollingUpdate"],
                    "Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.\n\nPossible enum values:\n - `\"OnDelete\"` triggers the legacy behavior. Version tracking and ordered rolling restarts are disabled. Pods are recreated from the StatefulSetSpec when they are manually deleted. When a scale operation is performed with this strategy,specification version indicated by the StatefulSet's currentRevision.\n - `\"RollingUpdate\"` indicates that update will be applied to all Pods in the StatefulSet with respect to the StatefulSet ordering constraints. When a scale operation is performed with this strategy, new Pods will be created from the specification version indicated by the StatefulSet's updateRevision."
                ),
            ]),
        ExplainSchema(
            "RollingUpdateStatefulSetStrategy",
            "RollingUpdateStatefulSetStrategy is used to communicate parameter for RollingUpdateStatefulSetStrategyType.",
            [
                .value(
                    "maxUnavailable", "IntOrString",
                    "The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding up. This can not be 0. Defaults to 1. This field is alpha-level and is only honored by servers that enable the MaxUnavailableStatefulSet feature. The field applies to all pods in the range 0 to Replicas-1. That means if there is any unavailable pod in the range 0 to Replicas-1, it will be counted towards MaxUnavailable."
                ),
                .value(
                    "partition", "integer",
                    "Partition indicates the ordinal at which the StatefulSet should be partitioned for updates. During a rolling update, all pods from ordinal Replicas-1 to Partition are updated. All pods from ordinal Partition-1 to 0 remain untouched. This is helpful in being able to do a canary based deployment. The default value is 0."
                ),
            ]),
        ExplainSchema(
            "StatefulSetPersistentVolumeClaimRetentionPolicy",
            "StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates.",
            [
                .value(
                    "whenDeleted", "string",
                    "WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion. The `Delete` policy causes those PVCs to be deleted."
                ),
                .value(
                    "whenScaled", "string",
                    "WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown. The `Delete` policy causes the associated PVCs for any excess pods above the replica count to be deleted."
                ),
            ]),
        ExplainSchema(
            "StatefulSetOrdinals",
            "StatefulSetOrdinals describes the policy used for replica ordinal assignment in this StatefulSet.",
            [
                .value(
                    "start", "integer",
                    "start is the number representing the first replica's index. It may be used to number replicas from an alternate index (eg: 1-indexed) over the default 0-indexed names, or to orchestrate progressive movement of replicas from one StatefulSet to another. If set, replica indices will be in the range:\n  [.spec.ordinals.start, .spec.ordinals.start + .spec.replicas).\nIf unset, defaults to 0. Replica indices will be in the range:\n  [0, .spec.replicas)."
                )
            ]),
    ]
}
