import XCTest
@testable import StsimEngine

final class ZDebugTests: XCTestCase {
    func testDump() {
        let c = Cluster()
        _ = c.drainChanges()
        c.createWeb(replicas: 2)
        let r = c.settle()
        print("settle:", r)
        for ch in c.drainChanges().changes {
            var extra = ""
            if let p = ch.pod { extra = "\(p.status.phase?.rawValue ?? "-") ready=\(p.isReady) node=\(p.spec.nodeName ?? "-") ip=\(p.status.podIP ?? "-") del=\(p.metadata.deletionTimestamp.map{"\($0)"} ?? "-") cs=\(p.status.containerStatuses.map{"\($0.state)"})" }
            if let v = PersistentVolumeClaim(ch.object) { extra = "\(v.status.phase?.rawValue ?? "-") \(v.spec.volumeName ?? "")" }
            if let v = PersistentVolume(ch.object) { extra = "\(v.status.phase?.rawValue ?? "-")" }
            if let s = StatefulSet(ch.object) { extra = "\(s.status)" }
            print(ch.time.milliseconds, ch.type.rawValue, ch.key, ch.resourceVersion, extra)
        }
        for e in c.events { print(e.lastTimestamp.milliseconds, e.type.rawValue, e.reason, e.involvedObject.kind ?? "", e.involvedObject.name, e.message, e.count) }
        print(c.dnsQuery("web.default.svc.cluster.local", type: .srv))
        c.scale(.statefulSet, "web", replicas: 1)
        print(c.settle())
        for ch in c.drainChanges().changes { print(ch.time.milliseconds, ch.type.rawValue, ch.key) }
        print(c.blockers(statefulSet: "web"))
    }
}
