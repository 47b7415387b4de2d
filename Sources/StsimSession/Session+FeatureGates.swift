import StsimEngine
import StsimManifests

/// stsim's note when the API dropped a field for a feature gate that is off. Kubernetes 1.32 drops
/// it silently (dropStatefulSetDisabledFields); the note is stsim's, so the user knows why the
/// field is gone and how to keep it.
extension Session {
    func noteDroppedFields(_ loaded: LoadedObject, _ written: KubeObject) {
        let path = "spec.updateStrategy.rollingUpdate.maxUnavailable"
        guard case .statefulSet(let sent) = loaded.object,
            let value = sent.spec.updateStrategy?.rollingUpdate?.maxUnavailable,
            case .statefulSet(let kept) = written, kept.spec.updateStrategy?.rollingUpdate?.maxUnavailable == nil
        else { return }
        documentNotes.append(
            Diagnostic(
                .note, at: loaded.fields.location(of: path),
                "stsim: the API server dropped \(path) (\(value)) because the MaxUnavailableStatefulSet feature gate is off (alpha, off by default in Kubernetes 1.32): statefulset/\(kept.metadata.name) updates one pod at a time",
                hint:
                    "turn the gate on with set feature-gate MaxUnavailableStatefulSet=true (or stsim --feature-gates MaxUnavailableStatefulSet=true), then apply the manifest again"
            ))
    }
}

extension Session.Options {
    /// `--feature-gates LIST`: nil when every pair is known and well formed, else what is wrong
    /// and what to do (the executable's flags cannot name the engine's types).
    public func featureGatesError(_ list: String) -> String? {
        featureGates.settingAll(list).map { "\($0.message) (\($0.hint))" }
    }

    @discardableResult
    public mutating func setFeatureGates(_ list: String) -> String? {
        featureGates.set(list).map { "\($0.message) (\($0.hint))" }
    }
}
