/// The client-go event recorder and the events the API server keeps (6.3): identical events are
/// counted, more than 10 distinct messages for one (source, object, type, reason) within 600 s are
/// folded into `(combined from similar events): ...`, each (source, object) has a token bucket of
/// 25 events refilled one per 300 s, and events expire after an hour. stsim also caps how many it
/// keeps (`ClusterConfig.eventRetentionLimit`), oldest first, so huge scenarios stay small.
public struct EventRecorder: Codable {
    private struct Bucket: Codable {
        var tokens: Double
        var last: VirtualTime
    }
    private struct Group: Codable {
        var messages: [SeenMessage]
        var combinedIndex: Int?
    }
    private struct SeenMessage: Codable {
        var text: String
        var time: VirtualTime
    }

    /// An event in its own immutable box: a log slot costs a pointer, not a 400-byte event, so
    /// the dead slots awaiting compaction (up to the retention limit) stay cheap. Immutable, so
    /// copies of the recorder (`Cluster.clone`) never see each other's updates.
    private final class Slot: Codable {
        let event: Event
        init(_ event: Event) { self.event = event }
    }

    /// Retained events in the order they were first recorded; `nil` slots were expired or evicted.
    /// Chunked, as is `updatedAt`: an undo state shares them, and an event recorded after it
    /// copies one chunk, not the 20,000 retained events (the caches below are bounded at 4096).
    private var log = ChunkedArray<Slot?>()
    private var firstLive = 0
    private var indexByDedup: [UInt64: Int] = [:]
    private var groups: [UInt64: Group] = [:]
    private var buckets: [UInt64: Bucket] = [:]
    private var nextName: Int64 = 0
    private static let cacheSize = 4096
    private let timing: TimingProfile
    private let retention: Int
    /// Increases on every recorded or updated event, so readers can ask for "new since".
    public private(set) var sequence = 0
    private var updatedAt = ChunkedArray<Int>()

    init(timing: TimingProfile, retention: Int) {
        self.timing = timing
        self.retention = retention
    }

    /// Live events in first-seen order.
    public var events: [Event] { (firstLive..<log.count).compactMap { log[$0]?.event } }

    /// Events created or updated after `sequence` (a value from an earlier `sequence` read).
    public func events(after sequence: Int) -> [Event] {
        var out: [Event] = []
        for i in firstLive..<log.count where updatedAt[i] > sequence {
            if let e = log[i]?.event { out.append(e) }
        }
        return out
    }

    /// Returns false when the spam filter dropped the event (kubectl never sees it either).
    @discardableResult
    mutating func record(
        _ type: EventType, reason: String, message: String, about object: ObjectKey, uid: UID?,
        fieldPath: String? = nil, source: String, host: String? = nil, now: VirtualTime
    ) -> Bool {
        if sequence & 63 == 0 { expire(now: now) }
        // client-go keeps these caches as LRUs of 4096 entries; stsim forgets them wholesale
        // when full, which bounds memory the same way.
        if buckets.count > Self.cacheSize { buckets.removeAll(keepingCapacity: true) }
        if groups.count > Self.cacheSize { groups.removeAll(keepingCapacity: true) }
        if indexByDedup.count > Self.cacheSize { indexByDedup.removeAll(keepingCapacity: true) }
        // Spam filter first, like client-go's EventSourceObjectSpamFilter.
        var key = KeyHash()
        key.add(source)
        key.add(object.namespace)
        key.add(object.name)
        key.add(object.kind.kind)
        guard admit(key.value, now: now) else { return false }

        // Aggregation: too many distinct messages for one reason fold into one event.
        key.add(type.rawValue)
        key.add(reason)
        let aggregated = aggregate(key.value, message, now: now)
        let message = aggregated ? "(combined from similar events): " + message : message

        key.add(fieldPath ?? "")
        key.add(uid: uid)
        key.add(aggregated ? "(combined)" : message)
        let dk = key.value
        sequence += 1
        if let i = indexByDedup[dk], var e = log[i]?.event, now - e.lastTimestamp <= timing.eventDedupWindow,
            e.reason == reason, e.sourceComponent == source, e.involvedObject.name == object.name,
            aggregated || e.message == message
        {
            e.count += 1
            e.lastTimestamp = now
            e.message = message
            log[i] = Slot(e)
            updatedAt[i] = sequence
            return true
        }
        nextName += 1
        // client-go's `<object>.<%x of UnixNano>`: 16 digits, so name order is time order per
        // object. Wrapping past VirtualTime.end is what Go's UnixNano does; it is only a name.
        let nanos = (Int64(WallClock.unixSecondsAtZero) &* 1000 &+ now.milliseconds) &* 1_000_000 &+ nextName
        let e = Event(
            metadata: ObjectMeta(
                name: object.name + "." + String(nanos, radix: 16),
                namespace: object.namespace.isEmpty ? "default" : object.namespace, creationTimestamp: now),
            involvedObject: ObjectReference(
                kind: object.kind.kind, apiVersion: object.kind.apiVersion,
                namespace: object.namespace.isEmpty ? nil : object.namespace,
                name: object.name, uid: uid, fieldPath: fieldPath),
            reason: reason, message: message, type: type, sourceComponent: source, sourceHost: host,
            firstTimestamp: now, lastTimestamp: now)
        log.append(Slot(e))
        updatedAt.append(sequence)
        indexByDedup[dk] = log.count - 1
        if log.count - firstLive > retention { drop(firstLive) }
        return true
    }

    /// client-go's EventSourceObjectSpamFilter: a token bucket per source and object; false when
    /// the event is dropped.
    private mutating func admit(_ spamKey: UInt64, now: VirtualTime) -> Bool {
        var bucket = buckets[spamKey] ?? Bucket(tokens: Double(timing.eventSpamBurst), last: now)
        let refill = Double((now - bucket.last).milliseconds) / Double(max(1, timing.eventSpamRefill.milliseconds))
        bucket.tokens = min(Double(timing.eventSpamBurst), bucket.tokens + refill)
        bucket.last = now
        defer { buckets[spamKey] = bucket }
        guard bucket.tokens >= 1 else { return false }
        bucket.tokens -= 1
        return true
    }

    /// client-go's EventAggregator: whether the group (source, object, type, reason) has seen
    /// more distinct messages within the window than the threshold, so this one is combined.
    private mutating func aggregate(_ groupKey: UInt64, _ message: String, now: VirtualTime) -> Bool {
        // Changed in place: a copy taken out of the dictionary would copy its messages on write.
        let window = timing.eventAggregationWindow
        let threshold = timing.eventAggregationThreshold
        func note(_ group: inout Group) -> Bool {
            // Messages are kept in the order first seen: when the oldest is within the window, all are.
            if let oldest = group.messages.first, now - oldest.time > window {
                group.messages.removeAll { now - $0.time > window }
            }
            if !group.messages.contains(where: { $0.text == message }) {
                group.messages.append(SeenMessage(text: message, time: now))
                // client-go: "do not grow our local key set any larger than max".
                if group.messages.count > threshold + 1 { group.messages.removeFirst() }
            }
            return group.messages.count > threshold
        }
        return note(&groups[groupKey, default: Group(messages: [], combinedIndex: nil)])
    }

    /// When the next expiry would drop an event, if the oldest live one was last seen before
    /// `cutoff` (it no longer moves); nil when it moves. Expiry drops events oldest first and
    /// stops at the first one within the TTL, so only the oldest decides. A fast-forward stops
    /// short of this moment, so that the expiry (which runs every 64 records) drops it when
    /// one-by-one simulation would.
    func firstExpiry(ifOldestSeenBefore cutoff: VirtualTime) -> VirtualTime? {
        var i = firstLive
        while i < log.count, log[i]?.event == nil { i += 1 }
        guard i < log.count, let oldest = log[i]?.event, oldest.lastTimestamp < cutoff else { return nil }
        return oldest.lastTimestamp + timing.eventTTL
    }

    private mutating func expire(now: VirtualTime) {
        while firstLive < log.count {
            if let e = log[firstLive]?.event, now - e.lastTimestamp <= timing.eventTTL { break }
            drop(firstLive)
        }
        if firstLive > 4096, firstLive * 2 > log.count { compact() }
    }

    /// The namespace controller deletes a namespace's events with the rest of its content.
    mutating func dropEvents(inNamespace namespace: String) {
        for i in firstLive..<log.count where log[i]?.event.metadata.namespace == namespace { drop(i) }
    }

    private mutating func drop(_ i: Int) {
        log[i] = nil
        if i == firstLive { firstLive += 1 }
    }

    private mutating func compact() {
        let (oldLog, oldUpdatedAt) = (log, updatedAt)
        let live = ChunkedArray((firstLive..<oldLog.count).lazy.map { oldLog[$0] })
        let seqs = ChunkedArray((firstLive..<oldUpdatedAt.count).lazy.map { oldUpdatedAt[$0] })
        let shift = firstLive
        log = live
        updatedAt = seqs
        firstLive = 0
        var rebuilt: [UInt64: Int] = [:]
        rebuilt.reserveCapacity(indexByDedup.count)
        for (k, i) in indexByDedup where i >= shift { rebuilt[k] = i - shift }
        indexByDedup = rebuilt
    }
}

/// FNV-1a over the fields that identify an event (cheaper than hashing the strings with
/// `Hasher` in three dictionaries per event). Collisions are checked against the stored event.
struct KeyHash {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ s: String) {
        for b in s.utf8 { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    /// The same value as `add("\(high),\(low)")` (or `add("")` for no uid), which saved states
    /// hold, without building the string: that was one allocation per event.
    mutating func add(uid: UID?) {
        if let uid {
            addDigits(uid.high)
            byte(UInt8(ascii: ","))
            addDigits(uid.low)
        }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    private mutating func byte(_ b: UInt8) { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }

    /// Decimal digits, most significant first, as `String(v)` spells them.
    private mutating func addDigits(_ v: UInt64) {
        var power: UInt64 = 1
        while power <= v / 10 { power *= 10 }
        var rest = v
        while power > 0 {
            byte(UInt8(ascii: "0") + UInt8(rest / power))
            rest %= power
            power /= 10
        }
    }
}
