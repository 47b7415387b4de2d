/// Pod, Service and PersistentVolumeClaim at the top level (k8s.io/api core/v1 types.go, 1.32).
extension ExplainSchemas {
    static let core: [ExplainSchema] = [
        ExplainSchema(
            "Pod",
            "Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.",
            [
                apiVersion, kind, metadata,
                .object(
                    "spec", "PodSpec",
                    "Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"
                ),
                .object(
                    "status", "PodStatus",
                    "Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"
                ),
            ]),
        ExplainSchema(
            "Service",
            "Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.",
            [
                apiVersion, kind, metadata,
                .object(
                    "spec", "ServiceSpec",
                    "Spec defines the behavior of a service. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"
                ),
                .object(
                    "status", "ServiceStatus",
                    "Most recently observed status of the service. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"
                ),
            ]),
        ExplainSchema(
            "PersistentVolumeClaim", "PersistentVolumeClaim is a user's request for and claim to a persistent volume",
            [
                apiVersion, kind, metadata,
                .object(
                    "spec", "PersistentVolumeClaimSpec",
                    "spec defines the desired characteristics of a volume requested by a pod author. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"
                ),
                .object(
                    "status", "PersistentVolumeClaimStatus",
                    "status represents the current information/status of a persistent volume claim. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"
                ),
            ]),
    ]
}
