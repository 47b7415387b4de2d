import Dispatch
import StsimEngine
import StsimSession

/// Owns the session while serving: every API request, every watch registration and the script
/// given to `stsim serve FILE.sts` run on one serial queue, because the simulation is
/// single-threaded. `@unchecked Sendable`: the session and the hub are only touched on `queue`.
public final class SessionHost: @unchecked Sendable {
    private let queue = DispatchQueue(label: "stsim.api.session")
    private let session: Session
    private let hub: WatchHub
    private let router: APIRouter
    /// Marks `queue`, so a call already on it runs at once instead of waiting for itself.
    private let onQueue = DispatchSpecificKey<Bool>()

    public init(session: Session) {
        self.session = session
        hub = WatchHub(resourceVersion: session.sharedCluster.resourceVersion)
        router = APIRouter(session: session, hub: hub)
        queue.setSpecific(key: onQueue, value: true)
        // Virtual time zero is anchored to the wall clock as serving starts.
        _ = WireJSON.timestamps
        let hub = self.hub
        session.observeChanges { batch in hub.publish(batch) }
    }

    /// Runs `work` with the session on the session's thread and waits for it (the script of
    /// `stsim serve FILE.sts`, tests).
    public func sync<T>(_ work: (Session) -> T) -> T {
        if DispatchQueue.getSpecific(key: onQueue) == true { return work(session) }
        return queue.sync { work(session) }
    }

    /// Runs `body` on the session's thread, in turn with the requests (the prompt's commands
    /// while `serve` serves); at once when already there (`run FILE` inside a command).
    public func exclusively(_ body: () -> Void) {
        if DispatchQueue.getSpecific(key: onQueue) == true { return body() }
        queue.sync(execute: body)
    }

    /// `serve stop`: every open watch ends its stream cleanly (after a last BOOKMARK when it
    /// asked for bookmarks) and its connection closes; the session's changes no longer feed
    /// the hub.
    public func closeWatches() {
        exclusively { [self] in
            stopped = true
            clock?.cancel()
            clock = nil
            session.realtimeFactor = nil
            for (sink, last) in hub.removeAll() { sink.finish(last.isEmpty ? nil : last, close: true) }
            session.stopObservingChanges()
        }
    }

    /// `serve --realtime FACTOR`: every `interval` of wall time, on the session's thread in turn
    /// with the requests, the cluster advances by the wall time elapsed × `factor`, as `tick`
    /// does; writes stop settling (Session.realtimeFactor). The wall clock lives here, never
    /// in the engine or the session.
    public func startRealtime(factor: Double, interval: Double = 0.2) {
        exclusively { [self] in
            session.realtimeFactor = factor
            lastTick = DispatchTime.now().uptimeNanoseconds
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(20))
            timer.setEventHandler { [weak self] in self?.realtimeTick(factor: factor) }
            clock = timer
            timer.resume()
        }
    }

    private func realtimeTick(factor: Double) {
        guard !stopped else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        // Milliseconds of virtual time; the fraction carries to the next tick.
        let due = Double(now - lastTick) / 1_000_000 * factor + carried
        lastTick = now
        let whole = due.rounded(.down)
        carried = due - whole
        guard whole >= 1 else { return }
        aroundRequest?.before()
        session.advanceRealtime(by: .milliseconds(Int64(whole)))
        aroundRequest?.after()
    }

    /// The realtime clock, its last reading (uptime nanoseconds) and the virtual fraction of a
    /// millisecond not yet advanced; touched only on `queue`.
    private var clock: (any DispatchSourceTimer)?
    private var lastTick: UInt64 = 0
    private var carried = 0.0

    /// Handles one request on the session's thread; `reply` runs there too and must hand its
    /// result to the connection's own thread.
    func handle(_ request: APIRequest, sink: WatchSink, reply: @escaping @Sendable (APIReply) -> Void) {
        queue.async { [self] in
            // After `serve stop` the connections' thread is gone: nothing more goes to it.
            guard !stopped else { return }
            aroundRequest?.before()
            reply(router.route(request, sink: sink))
            aroundRequest?.after()
        }
    }

    /// Called on the session's thread before and after each request: what a request prints
    /// while the prompt waits for a line interrupts the prompt, which is drawn again after it.
    public var aroundRequest: (before: () -> Void, after: () -> Void)? {
        get { hooks }
        set { exclusively { hooks = newValue } }
    }
    private var hooks: (before: () -> Void, after: () -> Void)?
    /// Set on the session's thread when serving stops (closeWatches).
    private var stopped = false

    /// Runs `work` on the session's thread, then hands its result to `deliver` there (which
    /// must pass it on to the connection's own thread): an exec's steps.
    func perform<T: Sendable>(_ work: @escaping @Sendable (Session) -> T, then deliver: @escaping @Sendable (T) -> Void)
    {
        queue.async { [self] in
            guard !stopped else { return }
            // A command that sleeps lets the cluster run, and what happens prints as for a request.
            aroundRequest?.before()
            deliver(work(session))
            aroundRequest?.after()
        }
    }

    /// The client went away, or the watch's timeoutSeconds passed (then `closing` ends the
    /// stream after a last BOOKMARK, when the client asked for bookmarks).
    func endWatch(_ id: Int, closing sink: WatchSink? = nil) {
        queue.async { [self] in
            guard !stopped else { return }
            // A watch the hub already closed (410 after a gap) has ended its stream.
            guard let last = hub.remove(id) else { return }
            sink?.finish(last.isEmpty ? nil : last)
        }
    }
}
