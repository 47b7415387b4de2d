/// Image pulls (reference 12.3): one pull per image per node, shared by every pod waiting for
/// it; a broken image fails and backs off 10 s, 20 s, ... up to 5 min; `fix image` makes the
/// pending retries progress.
extension Kubelet {
    func startNextContainer(_ uid: UID) {
        guard let rp = pods[uid], !rp.terminating, !rp.allStarted else { return }
        let i = rp.nextToStart
        // Init containers run one at a time, each to completion, before the next container
        // (computeInitContainerActions in kuberuntime_container.go).
        if i > 0, rp.isInit(i - 1), !rp.completed(i - 1) { return }
        let c = rp.containers[i]
        if state.images.contains(c.image), c.pullPolicy != .always {
            event(rp, .normal, "Pulled", "Container image \"\(c.image)\" already present on machine", container: c.name)
            after(timing.containerStart, rp, .containerStarted(index: i))
            return
        }
        event(rp, .normal, "Pulling", "Pulling image \"\(c.image)\"", container: c.name)
        if state.pulls[c.image] != nil {
            state.pulls[c.image]!.append(PullWaiter(pod: uid, container: i))
            return
        }
        state.pulls[c.image] = [PullWaiter(pod: uid, container: i)]
        state.pullStarted[c.image] = cluster.now
        let duration =
            state.images.contains(c.image)
            ? VirtualDuration.milliseconds(timing.imagePull.milliseconds / 5) : timing.imagePull
        cluster.schedule(
            .kubelet(
                node: nodeName,
                step: KubeletStep(pod: UID(high: 0, low: 0), token: 0, kind: .imagePulled(image: c.image))),
            after: duration)
    }

    func imagePulled(_ image: String) {
        let broken = cluster.faults.brokenImages.contains(image)
        if !broken { state.images.insert(image) }
        let waiters = state.pulls.removeValue(forKey: image) ?? []
        let took = cluster.now - (state.pullStarted.removeValue(forKey: image) ?? cluster.now)
        for waiter in waiters {
            let (uid, i) = (waiter.pod, waiter.container)
            guard let rp = pods[uid], !rp.terminating else { continue }
            if broken {
                pullFailed(uid, index: i)
                continue
            }
            pods[uid]?.containers[i].pullBackoffLevel = 0
            event(
                rp, .normal, "Pulled",
                "Successfully pulled image \"\(image)\" in \(took.goString) (\(took.goString) including waiting). Image size: \(Self.imageSize(image)) bytes.",
                container: rp.containers[i].name)
            after(timing.containerStart, rp, .containerStarted(index: i))
        }
    }

    /// `break image`: the pull fails (ErrImagePull), then the kubelet backs off (ImagePullBackOff)
    /// and tries again after 10 s, 20 s, ... up to 5 min (12.3). The pod stays Pending.
    func pullFailed(_ uid: UID, index i: Int) {
        guard var rp = pods[uid] else { return }
        let image = rp.containers[i].image
        let reference = Self.fullReference(image)
        event(
            rp, .warning, "Failed",
            "Failed to pull image \"\(image)\": rpc error: code = NotFound desc = failed to pull and unpack image \"\(reference)\": failed to resolve reference \"\(reference)\": \(reference): not found",
            container: rp.containers[i].name)
        event(rp, .warning, "Failed", "Error: ErrImagePull", container: rp.containers[i].name)
        rp.containers[i].state = .waiting(
            reason: "ErrImagePull", message: "failed to pull and unpack image \"\(reference)\"")
        pods[uid] = rp
        report(rp)
        let level = rp.containers[i].pullBackoffLevel
        rp.containers[i].pullBackoffLevel += 1
        let delay = min(timing.restartBackoffInitial * (1 << Int64(min(level, 20))), timing.restartBackoffMax)
        rp.containers[i].state = .waiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\"")
        rp.containers[i].nextPullRetry = cluster.now + delay
        pods[uid] = rp
        event(rp, .normal, "BackOff", "Back-off pulling image \"\(image)\"", container: rp.containers[i].name)
        event(rp, .warning, "Failed", "Error: ImagePullBackOff", container: rp.containers[i].name)
        report(rp)
        after(delay, rp, .retryPull(index: i), urgency: .retry)
    }

    /// `nginx:1.27` → `docker.io/library/nginx:1.27`, as containerd names it.
    static func fullReference(_ image: String) -> String {
        let parts = image.split(separator: "/")
        if parts.count == 1 { return "docker.io/library/\(image)" }
        if parts.count == 2, !parts[0].contains("."), !parts[0].contains(":") { return "docker.io/\(image)" }
        return image
    }

    /// A stable, plausible image size (tens of megabytes), derived from the name.
    static func imageSize(_ image: String) -> Int {
        20_000_000 + Int(StatefulSetIdentity.fnv32(Array(image.utf8)) % 60_000_000)
    }

    /// One string per image, shared by every container status that shows it.
    func imageID(_ image: String) -> String {
        if let id = state.imageIDs[image] { return id }
        let id = Self.repoDigest(image)
        state.imageIDs[image] = id
        return id
    }

    /// containerd's imageID: the repository as it normalises a reference (a Docker Hub name gains
    /// `docker.io/` and `library/`) and the image's sha256 digest, 64 hex digits; a reference
    /// pinned by digest keeps it, any other gets one derived from its name, stable across runs.
    static func repoDigest(_ image: String) -> String {
        var repository = image
        var digest: String?
        if let at = image.firstIndex(of: "@") {
            repository = String(image[..<at])
            digest = String(image[image.index(after: at)...])
        } else if let colon = image.lastIndex(of: ":"), !image[colon...].contains("/") {
            repository = String(image[..<colon])
        }
        let parts = repository.split(separator: "/")
        if parts.count == 1 {
            repository = "docker.io/library/" + repository
        } else if let host = parts.first, !host.contains("."), !host.contains(":"), host != "localhost" {
            repository = "docker.io/" + repository
        }
        let derived = (0..<8).map { round -> String in
            let hex = String(StatefulSetIdentity.fnv32(Array("\(round)/\(image)".utf8)), radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
        return repository + "@" + (digest ?? "sha256:" + derived)
    }

    /// `fix image`: the pods backing off from pulling it will succeed at their next retry, so
    /// that retry is now progress (`settle` waits for it) rather than a retry loop.
    func imageFixed(_ image: String) {
        for rp in pods.values.sorted(by: { ($0.key, $0.uid) < ($1.key, $1.uid) }) {
            for (i, c) in rp.containers.enumerated() where c.image == image {
                guard let due = c.nextPullRetry else { continue }
                cluster.queue.schedule(
                    .kubelet(
                        node: nodeName, step: KubeletStep(pod: rp.uid, token: rp.token, kind: .retryPull(index: i))),
                    at: max(due, cluster.now))
            }
        }
    }
}
