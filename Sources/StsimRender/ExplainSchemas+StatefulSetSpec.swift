/// StatefulSetSpec and StatefulSetStatus (k8s.io/api apps/v1 types.go, 1.32).
extension ExplainSchemas {
    static let statefulSetSpec = ExplainSchema(
        "StatefulSetSpec", "A StatefulSetSpec is the specification of a StatefulSet.",
        [
            .value(
                "minReadySeconds", "integer",
                "Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)"
            ),
            .object(
                "ordinals", "StatefulSetOrdinals",
                "ordinals controls the numbering of replica indices in a StatefulSet. The default ordinals behavior assigns a \"0\" index to the first replica and increments the index by one for each additional replica requested."
            ),
            .object(
                "persistentVolumeClaimRetentionPolicy", "StatefulSetPersistentVolumeClaimRetentionPolicy",
                "persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates. By default, all persistent volume claims are created as needed and retained until manually deleted. This policy allows the lifecycle to be altered, for example by deleting persistent volume claims when their stateful set is deleted, or when their pod is scaled down."
            ),
            .value(
                "podManagementPolicy", "string", enum: ["OrderedReady", "Parallel"],
                "podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`, where pods are created in increasing order (pod-0, then pod-1, etc) and the controller will wait until each pod is ready before continuing. When scaling down, the pods are removed in the opposite order. The alternative policy is `Parallel` which will create pods in parallel to match the desired scale without waiting, and on scale down will delete all pods at once.\n\nPossible enum values:\n - `\"OrderedReady\"` will create pods in strictly increasing order on scale up and strictly decreasing order on scale down, progressing only when the previous pod is ready or terminated. At most one pod will be changed at any time.\n - `\"Parallel\"` will create and delete pods as soon as the stateful set replica count is changed, and will not wait for pods to be ready or complete termination."
            ),
            .value(
                "replicas", "integer",
                "replicas is the desired number of replicas of the given Template. These are replicas in the sense that they are instantiations of the same Template, but individual replicas also have a consistent identity. If unspecified, defaults to 1."
            ),
            .value(
                "revisionHistoryLimit", "integer",
                "revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history. The revision history consists of all revisions not represented by a currently applied StatefulSetSpec version. The default value is 10."
            ),
            .object(
                "selector", "LabelSelector", required: true,
                "selector is a label query over pods that should match the replica count. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"
            ),
            .value(
                "serviceName", "string", required: true,
                "serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where \"pod-specific-string\" is managed by the StatefulSet controller."
            ),
            .object(
                "template", "PodTemplateSpec", required: true,
                "template is the object that describes the pod that will be created if insufficient replicas are detected. Each pod stamped out by the StatefulSet will fulfill this Template, but have a unique identity from the rest of the StatefulSet. Each pod will be named with the format <statefulsetname>-<podindex>. For example, a pod in a StatefulSet named \"web\" with index number \"3\" would be named \"web-3\". The only allowed template.spec.restartPolicy value is \"Always\"."
            ),
            .object(
                "updateStrategy", "StatefulSetUpdateStrategy",
                "updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template."
            ),
            .object(
                "volumeClaimTemplates", "PersistentVolumeClaim", type: "[]PersistentVolumeClaim",
                "volumeClaimTemplates is a list of claims that pods are allowed to reference. The StatefulSet controller is responsible for mapping network identities to claims in a way that maintains the identity of a pod. Every claim in this list must have at least one matching (by name) volumeMount in one container in the template. A claim in this list takes precedence over any volumes in the template, with the same name."
            ),
        ])

    static let statefulSetStatus = ExplainSchema(
        "StatefulSetStatus", "StatefulSetStatus represents the current state of a StatefulSet.",
        [
            .value(
                "availableReplicas", "integer",
                "Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset."),
            .value(
                "collisionCount", "integer",
                "collisionCount is the count of hash collisions for the StatefulSet. The StatefulSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision."
            ),
            .object(
                "conditions", "StatefulSetCondition", type: "[]StatefulSetCondition",
                "Represents the latest available observations of a statefulset's current state."),
            .value(
                "currentReplicas", "integer",
                "currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision."
            ),
            .value(
                "currentRevision", "string",
                "currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas)."
            ),
            .value(
                "observedGeneration", "integer",
                "observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet's generation, which is updated on mutation by the API Server."
            ),
            .value(
                "readyReplicas", "integer",
                "readyReplicas is the number of pods created for this StatefulSet with a Ready Condition."),
            .value(
                "replicas", "integer", required: true,
                "replicas is the number of Pods created by the StatefulSet controller."),
            .value(
                "updateRevision", "string",
                "updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)"
            ),
            .value(
                "updatedReplicas", "integer",
                "updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision."
            ),
        ])
}
