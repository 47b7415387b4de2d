import Foundation
import StsimSession
import XCTest

/// stsim warns, once, when a StatefulSet keeps its data in hostPath directories on several nodes.
final class HostPathWarningTests: XCTestCase {
    private func run(_ script: String, nodes: Int = 3) -> String {
        let out = CapturedOutput()
        var options = Session.Options()
        options.workerCount = nodes
        _ = Session(options: options, output: out).runScript(script, file: "t.sts")
        return out.text
    }

    private let hostPathSet = """
        apply <<EOF
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          replicas: 1
          selector:
            matchLabels:
              app: db
          template:
            metadata:
              labels:
                app: db
            spec:
              containers:
              - name: db
                image: luksa/kubia-pet
                volumeMounts:
                - name: data
                  mountPath: /var/data
              volumes:
              - name: data
                hostPath:
                  path: /srv/db
        EOF
        scale sts db 2

        """

    func testAHostPathVolumeInTheTemplateIsWarnedAboutOnce() {
        let text = run(hostPathSet)
        let warning =
            "warning: statefulset/db keeps its data in hostPath directories on a cluster of 3 worker nodes (volume data: hostPath /srv/db)"
        XCTAssertTrue(text.contains(warning), text)
        XCTAssertEqual(text.components(separatedBy: "warning: statefulset/db").count, 2, "warned once: \(text)")
    }

    func testOneNodeNeedsNoWarning() {
        XCTAssertFalse(run(hostPathSet, nodes: 1).contains("hostPath directories"))
    }

    func testTheDefaultClassNeedsNoWarning() {
        XCTAssertFalse(run("create sts web --image nginx --replicas 2 --storage 1Mi").contains("hostPath"))
    }
}
