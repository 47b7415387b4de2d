import StsimEngine
import XCTest

@testable import StsimRender

final class DescribeReplicaSetTests: XCTestCase {
    /// `Mounts:\t<none>` has a tab, so the container block runs on into `Volumes:` and shares
    /// its column, as it does in kubectl.
    func testReplicaSet() {
        let rs = ReplicaSet(
            metadata: Fixtures.meta("kubia", labels: ["app": "kubia"]),
            spec: ReplicaSetSpec(
                replicas: 3, selector: LabelSelector(matchLabels: ["app": "kubia"]),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: ["app": "kubia"]),
                    spec: PodSpec(containers: [Container(name: "kubia", image: "luksa/kubia")]))),
            status: ReplicaSetStatus(replicas: 3, readyReplicas: 3))
        let pods = (0..<3).map { Fixtures.pod("kubia-\($0)") }
        let events = [
            Fixtures.event(
                "SuccessfulCreate", "Created pod: kubia-7xk2p", object: (kind: "ReplicaSet", name: "kubia"),
                component: "replicaset-controller", first: 0)
        ]
        XCTAssertEqual(
            Describe.replicaSet(rs, pods: pods, events: events, now: Fixtures.at(9)),
            """
            Name:         kubia
            Namespace:    default
            Selector:     app=kubia
            Labels:       app=kubia
            Annotations:  <none>
            Replicas:     3 current / 3 desired
            Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=kubia
              Containers:
               kubia:
                Image:         luksa/kubia
                Port:          <none>
                Host Port:     <none>
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Events:
              Type    Reason            Age   From                   Message
              ----    ------            ----  ----                   -------
              Normal  SuccessfulCreate  9s    replicaset-controller  Created pod: kubia-7xk2p

            """)
    }
}
