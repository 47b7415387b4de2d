import StsimEngine
import StsimLanguage
import StsimManifests

/// What the loopback Kubernetes API (StsimAPI) needs from a session. The API runs every request
/// on the session's one thread, so these are plain calls.
extension Session {
    /// The cluster the prompt and the API share.
    public var sharedCluster: Cluster { cluster }

    /// How the session loads manifests (no client-side defaults: the engine applies them).
    public static var sharedLoaderOptions: ManifestLoader.Options { loaderOptions }

    /// Called with every batch of changes the session drains (after each settle, tick and wait).
    public func observeChanges(_ observer: @escaping (ChangeBatch) -> Void) {
        changeObserver = observer
    }

    /// After a write through the API: in `auto` mode the cluster settles as after a command at
    /// the prompt, and the watch lines print on the serving terminal.
    public func settleAfterWrite() {
        autoSettle()
        if !autoMode { printChanges(only: nil) }
    }

    /// A `-l`/`labelSelector` text as the prompt reads it; nil with kubectl's problem text.
    public static func labelSelector(_ text: String) -> Result<LabelSelector, Diagnostic> {
        do {
            return .success(try SelectorText.parse(text, at: SourceLocation(file: "labelSelector", line: 1, column: 1)))
        } catch {
            return .failure(error)
        }
    }
}

extension Session {
    /// The API stopped serving: its watches no longer see the drained changes.
    public func stopObservingChanges() {
        changeObserver = nil
    }
}
