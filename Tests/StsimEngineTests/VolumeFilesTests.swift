import XCTest

@testable import StsimEngine

/// Files live where their volume lives: on the PersistentVolume (following the claim), on the
/// node for hostPath, with the pod for emptyDir and the container's layer.
final class VolumeFilesTests: XCTestCase {
    func testDataFollowsTheClaimToTheReplacementPod() throws {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let first = try XCTUnwrap(c.pod("web-0"))
        c.writeFile(first, path: "/var/lib/data/kubia.txt", "hello")
        c.writeFile(first, path: "/tmp/scratch", "gone with the pod")
        _ = c.delete(.pod, "web-0")
        c.settle()
        let second = try XCTUnwrap(c.pod("web-0"))
        XCTAssertNotEqual(first.metadata.uid, second.metadata.uid)
        XCTAssertEqual(c.readFile(second, path: "/var/lib/data/kubia.txt"), .success("hello"))
        XCTAssertEqual(c.readFile(second, path: "/var/lib/data/nope"), .failure(.noSuchFile))
        XCTAssertEqual(c.readFile(second, path: "/var/lib/data"), .failure(.isDirectory))
        XCTAssertEqual(c.readFile(second, path: "/tmp/scratch"), .failure(.noSuchFile))
        XCTAssertNil(
            c.files.read(.pod(try XCTUnwrap(first.metadata.uid), volume: "web#0"), "tmp/scratch"),
            "the deleted pod's layer is gone")
        XCTAssertEqual(c.listFiles(second, path: "/var/lib/data/"), .success(["kubia.txt"]))
        XCTAssertEqual(c.readFile(second, path: "/etc/hostname"), .success("web-0\n"))
    }

    func testDeleteReclaimErasesAndRecycleWipes() throws {
        var config = ClusterConfig()
        config.defaultStorageClass = false
        let c = Cluster(config: config)
        c.mustCreate(.persistentVolume(.make(name: "pv-r", capacity: "1Mi", reclaimPolicy: .recycle)))
        c.createWeb(replicas: 1)
        c.settle()
        let pod = try XCTUnwrap(c.pod("web-0"))
        c.writeFile(pod, path: "/var/lib/data/a", "x")
        let disk = try XCTUnwrap(c.fileLocation(pod, path: "/var/lib/data/a")).disk
        XCTAssertEqual(disk, .host(node: pod.spec.nodeName!, path: "/tmp/pv-r"))
        _ = c.delete(.statefulSet, "web")
        c.settle()
        _ = c.delete(.persistentVolumeClaim, "data-web-0")
        c.settle()
        XCTAssertEqual(c.get(PersistentVolume.self, "pv-r")?.status.phase, .available)
        XCTAssertNil(c.files.read(disk, "a"))
    }

    func testStoreListsInByteOrder() {
        var s = FileStore()
        let d = Disk.persistentVolume("pv")
        s.write(d, "b", "1")
        s.write(d, "a/x", "2")
        s.write(d, "C", "3")
        XCTAssertEqual(s.list(d, ""), ["C", "a/", "b"])
        XCTAssertEqual(s.list(d, "a"), ["x"])
        XCTAssertNil(s.list(d, "zz"))
        s.wipe(d)
        XCTAssertEqual(s.list(d, ""), [])
    }
}

extension VolumeFilesTests {
    /// The default class stands for network-attached storage: the data goes where the pod goes.
    func testDefaultClassVolumeFollowsThePodToAnotherNode() throws {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let first = try XCTUnwrap(c.pod("web-0"))
        c.writeFile(first, path: "/var/lib/data/f", "kept")
        _ = c.scale(.statefulSet, "web", replicas: 0)
        c.settle()
        for i in 1...2 {
            var filler = Pod(
                metadata: ObjectMeta(name: "filler-\(i)"),
                spec: PodSpec(containers: [Container(name: "c", image: "nginx")]))
            filler.spec.nodeName = first.spec.nodeName
            c.mustCreate(.pod(filler))
        }
        _ = c.scale(.statefulSet, "web", replicas: 1)
        c.settle()
        let second = try XCTUnwrap(c.pod("web-0"))
        XCTAssertNotEqual(second.spec.nodeName, first.spec.nodeName)
        XCTAssertEqual(c.readFile(second, path: "/var/lib/data/f"), .success("kept"))
    }
}

extension VolumeFilesTests {
    /// Outside its volumes a container writes to its own layer, which a restart throws away.
    func testContainerLayerIsLostOnRestart() throws {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let pod = try XCTUnwrap(c.pod("web-0"))
        c.writeFile(pod, path: "/var/lib/data/kept", "1")
        c.writeFile(pod, path: "/tmp/lost", "2")
        XCTAssertEqual(c.readFile(pod, path: "/tmp/lost"), .success("2"))
        _ = c.killContainer(pod: "web-0", exitCode: 1)
        c.settle()
        let restarted = try XCTUnwrap(c.pod("web-0"))
        XCTAssertEqual(restarted.metadata.uid, pod.metadata.uid)
        XCTAssertEqual(c.readFile(restarted, path: "/var/lib/data/kept"), .success("1"))
        XCTAssertEqual(c.readFile(restarted, path: "/tmp/lost"), .failure(.noSuchFile))
    }
}

extension VolumeFilesTests {
    /// The default class reclaims with Delete: the volume and its files go with the claim.
    func testDeleteReclaimRemovesTheFiles() throws {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let pod = try XCTUnwrap(c.pod("web-0"))
        c.writeFile(pod, path: "/var/lib/data/f", "x")
        let disk = try XCTUnwrap(c.fileLocation(pod, path: "/var/lib/data/f")).disk
        guard case .persistentVolume(let pv) = disk else { return XCTFail("not on the PV: \(disk)") }
        _ = c.delete(.statefulSet, "web")
        c.settle()
        _ = c.delete(.persistentVolumeClaim, "data-web-0")
        c.settle()
        XCTAssertNil(c.get(PersistentVolume.self, pv))
        XCTAssertNil(c.files.read(disk, "f"))
    }
}

extension VolumeFilesTests {
    /// Two PersistentVolumes naming the same NFS export are one storage.
    func testNFSVolumesAreTheirExport() {
        func nfs(_ name: String, _ path: String) -> PersistentVolume {
            var pv = PersistentVolume.make(name: name, capacity: "1Mi")
            pv.spec.source = .nfs(server: "10.0.0.2", path: path)
            return pv
        }
        XCTAssertEqual(
            Cluster.storageIdentity(nfs("a", "/exports/x")), Cluster.storageIdentity(nfs("b", "/exports/x/")))
        XCTAssertNotEqual(
            Cluster.storageIdentity(nfs("a", "/exports/x")), Cluster.storageIdentity(nfs("a", "/exports/y")))
        XCTAssertNil(Cluster.nodeLocalPath(nfs("a", "/exports/x")))
        XCTAssertEqual(Cluster.nodeLocalPath(.make(name: "h", capacity: "1Mi")), "/tmp/h")
    }
}
