import StsimEngine

/// `apps/v1 StatefulSet` and `ReplicaSet`.
extension MappingReader {
    func statefulSetSpec(timestamps: Timestamps) -> StatefulSetSpec {
        nested("spec", goType: "StatefulSetSpec") { s in
            var spec = StatefulSetSpec()
            spec.replicas = s.int("replicas")
            spec.selector = s.labelSelector("selector")
            spec.template = s.podTemplate(timestamps: timestamps) ?? PodTemplateSpec()
            spec.volumeClaimTemplates =
                s.objects("volumeClaimTemplates", goType: "PersistentVolumeClaim") { c in
                    // Templates may carry apiVersion/kind (kubectl prints them after defaulting).
                    _ = c.string("apiVersion")
                    _ = c.string("kind")
                    return PersistentVolumeClaim(
                        metadata: c.objectMeta(timestamps: timestamps),
                        spec: c.claimSpec() ?? PersistentVolumeClaimSpec(),
                        status: c.claimStatus() ?? PersistentVolumeClaimStatus())
                } ?? []
            spec.serviceName = s.string("serviceName") ?? ""
            spec.podManagementPolicy = s.openEnum(
                "podManagementPolicy", PodManagementPolicy.self, goTypeName: "v1.PodManagementPolicyType")
            spec.updateStrategy = s.nested("updateStrategy", goType: "StatefulSetUpdateStrategy") { u in
                StatefulSetUpdateStrategy(
                    type: u.openEnum(
                        "type", StatefulSetUpdateStrategyType.self, goTypeName: "v1.StatefulSetUpdateStrategyType"),
                    rollingUpdate: u.nested("rollingUpdate", goType: "RollingUpdateStatefulSetStrategy") { r in
                        RollingUpdateStatefulSetStrategy(
                            partition: r.int("partition"), maxUnavailable: r.intOrString("maxUnavailable"))
                    })
            }
            spec.revisionHistoryLimit = s.int("revisionHistoryLimit")
            spec.minReadySeconds = s.int("minReadySeconds")
            spec.persistentVolumeClaimRetentionPolicy = s.nested(
                "persistentVolumeClaimRetentionPolicy", goType: "StatefulSetPersistentVolumeClaimRetentionPolicy"
            ) { r in
                StatefulSetPersistentVolumeClaimRetentionPolicy(
                    whenDeleted: r.openEnum(
                        "whenDeleted", RetentionPolicyType.self,
                        goTypeName: "v1.PersistentVolumeClaimRetentionPolicyType"),
                    whenScaled: r.openEnum(
                        "whenScaled", RetentionPolicyType.self,
                        goTypeName: "v1.PersistentVolumeClaimRetentionPolicyType"))
            }
            spec.ordinals = s.nested("ordinals", goType: "StatefulSetOrdinals") {
                StatefulSetOrdinals(start: $0.int("start") ?? 0)
            }
            return spec
        } ?? StatefulSetSpec()
    }

    func statefulSetStatus(_ timestamps: Timestamps) -> StatefulSetStatus {
        nested("status", goType: "StatefulSetStatus") { s in
            var status = StatefulSetStatus(
                observedGeneration: s.int("observedGeneration", goTypeName: "int64"), replicas: s.int("replicas") ?? 0,
                readyReplicas: s.int("readyReplicas") ?? 0, currentReplicas: s.int("currentReplicas") ?? 0,
                updatedReplicas: s.int("updatedReplicas") ?? 0, availableReplicas: s.int("availableReplicas") ?? 0,
                currentRevision: s.string("currentRevision"), updateRevision: s.string("updateRevision"),
                collisionCount: s.int("collisionCount"))
            status.conditions =
                s.objects("conditions", goType: "StatefulSetCondition") { c in
                    StatefulSetCondition(
                        type: c.string("type") ?? "", status: c.conditionStatus(),
                        lastTransitionTime: c.time("lastTransitionTime", timestamps), reason: c.string("reason"),
                        message: c.string("message"))
                } ?? []
            return status
        } ?? StatefulSetStatus()
    }

    func replicaSetSpec(timestamps: Timestamps) -> ReplicaSetSpec {
        nested("spec", goType: "ReplicaSetSpec") { s in
            ReplicaSetSpec(
                replicas: s.int("replicas"), minReadySeconds: s.int("minReadySeconds"),
                selector: s.labelSelector("selector"),
                template: s.podTemplate(timestamps: timestamps) ?? PodTemplateSpec())
        } ?? ReplicaSetSpec()
    }

    func replicaSetStatus() -> ReplicaSetStatus {
        nested("status", goType: "ReplicaSetStatus") { s in
            s.unmodelled("conditions")
            return ReplicaSetStatus(
                replicas: s.int("replicas") ?? 0, fullyLabeledReplicas: s.int("fullyLabeledReplicas") ?? 0,
                readyReplicas: s.int("readyReplicas") ?? 0, availableReplicas: s.int("availableReplicas") ?? 0,
                observedGeneration: s.int("observedGeneration", goTypeName: "int64"))
        } ?? ReplicaSetStatus()
    }
}
