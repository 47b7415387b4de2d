/// Pod, Service and PersistentVolumeClaim at the top level, and a claim's spec (k8s.io/api core/v1
/// types.go, 1.32).
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
        persistentVolumeClaimSpec,
    ]

    /// 1.32: volumeMode is an `+enum` type; volumeAttributesClassName is beta, off by default.
    static let persistentVolumeClaimSpec = ExplainSchema(
        "PersistentVolumeClaimSpec",
        "PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes",
        [
            .value(
                "accessModes", "[]string",
                "accessModes contains the desired access modes the volume should have. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1"
            ),
            .object(
                "dataSource", "TypedLocalObjectReference",
                "dataSource field can be used to specify either: * An existing VolumeSnapshot object (snapshot.storage.k8s.io/VolumeSnapshot) * An existing PVC (PersistentVolumeClaim) If the provisioner or an external controller can support the specified data source, it will create a new volume based on the contents of the specified data source. When the AnyVolumeDataSource feature gate is enabled, dataSource contents will be copied to dataSourceRef, and dataSourceRef contents will be copied to dataSource when dataSourceRef.namespace is not specified. If the namespace is specified, then dataSourceRef will not be copied to dataSource."
            ),
            .object(
                "dataSourceRef", "TypedObjectReference",
                "dataSourceRef specifies the object from which to populate the volume with data, if a non-empty volume is desired. This may be any object from a non-empty API group (non core object) or a PersistentVolumeClaim object. When this field is specified, volume binding will only succeed if the type of the specified object matches some installed volume populator or dynamic provisioner. This field will replace the functionality of the dataSource field and as such if both fields are non-empty, they must have the same value. For backwards compatibility, when namespace isn't specified in dataSourceRef, both fields (dataSource and dataSourceRef) will be set to the same value automatically if one of them is empty and the other is non-empty. When namespace is specified in dataSourceRef, dataSource isn't set to the same value and must be empty. There are three important differences between dataSource and dataSourceRef: * While dataSource only allows two specific types of objects, dataSourceRef\n  allows any non-core object, as well as PersistentVolumeClaim objects.\n* While dataSource ignores disallowed values (dropping them), dataSourceRef\n  preserves all values, and generates an error if a disallowed value is\n  specified.\n* While dataSource only allows local objects, dataSourceRef allows objects\n  in any namespaces.\n(Beta) Using this field requires the AnyVolumeDataSource feature gate to be enabled. (Alpha) Using the namespace field of dataSourceRef requires the CrossNamespaceVolumeDataSource feature gate to be enabled."
            ),
            .object(
                "resources", "VolumeResourceRequirements",
                "resources represents the minimum resources the volume should have. If RecoverVolumeExpansionFailure feature is enabled users are allowed to specify resource requirements that are lower than previous value but must still be higher than capacity recorded in the status field of the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#resources"
            ),
            .object("selector", "LabelSelector", "selector is a label query over volumes to consider for binding."),
            .value(
                "storageClassName", "string",
                "storageClassName is the name of the StorageClass required by the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1"
            ),
            .value(
                "volumeAttributesClassName", "string",
                "volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim. If specified, the CSI driver will create or update the volume with the attributes defined in the corresponding VolumeAttributesClass. This has a different purpose than storageClassName, it can be changed after the claim is created. An empty string value means that no VolumeAttributesClass will be applied to the claim but it's not allowed to reset this field to empty string once it is set. If unspecified and the PersistentVolumeClaim is unbound, the default VolumeAttributesClass will be set by the persistentvolume controller if it exists. If the resource referred to by volumeAttributesClass does not exist, this PersistentVolumeClaim will be set to a Pending state, as reflected by the modifyVolumeStatus field, until such as a resource exists. More info: https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/ (Beta) Using this field requires the VolumeAttributesClass feature gate to be enabled (off by default)."
            ),
            .value(
                "volumeMode", "string", enum: ["Block", "Filesystem"],
                "volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.\n\nPossible enum values:\n - `\"Block\"` means the volume will not be formatted with a filesystem and will remain a raw block device.\n - `\"Filesystem\"` means the volume will be or is formatted with a filesystem."
            ),
            .value(
                "volumeName", "string",
                "volumeName is the binding reference to the PersistentVolume backing this claim."),
        ])
}
