import StsimEngine
import XCTest

@testable import StsimRender

final class DescribeTests: XCTestCase {
    typealias F = Fixtures

    let stsEvents = [
        F.event(
            "SuccessfulCreate", "create Claim www-web-0 Pod web-0 in StatefulSet web success",
            object: (kind: "StatefulSet", name: "web"), component: "statefulset-controller", first: 0),
        F.event(
            "SuccessfulCreate", "create Pod web-0 in StatefulSet web successful",
            object: (kind: "StatefulSet", name: "web"), component: "statefulset-controller", first: 0),
    ]

    /// The example of reference 11.7, byte for byte (including kubectl's trailing spaces after
    /// an empty `StorageClass:`).
    func testStatefulSetLayout() {
        let pods = (0..<3).map { F.pod("web-\($0)") }
        let text = Describe.statefulSet(F.statefulSet(), pods: pods, events: stsEvents, now: F.at(27))
        XCTAssertEqual(
            text,
            """
            Name:               web
            Namespace:          default
            CreationTimestamp:  Mon, 24 Nov 2025 19:20:00 +0000
            Selector:           app=nginx
            Labels:             <none>
            Annotations:        <none>
            Replicas:           3 desired | 3 total
            Update Strategy:    RollingUpdate
              Partition:        0
            Pods Status:        3 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=nginx
              Containers:
               nginx:
                Image:        registry.k8s.io/nginx-slim:0.8
                Port:         80/TCP
                Host Port:    0/TCP
                Environment:  <none>
                Mounts:
                  /usr/share/nginx/html from www (rw)
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Volume Claims:
              Name:          www
              StorageClass:  
              Labels:        <none>
              Annotations:   <none>
              Capacity:      1Gi
              Access Modes:  [ReadWriteOnce]
            Events:
              Type    Reason            Age   From                    Message
              ----    ------            ----  ----                    -------
              Normal  SuccessfulCreate  27s   statefulset-controller  create Claim www-web-0 Pod web-0 in StatefulSet web success
              Normal  SuccessfulCreate  27s   statefulset-controller  create Pod web-0 in StatefulSet web successful

            """)
    }

    func testStatefulSetBlockedReasons() {
        var s = F.statefulSet(replicas: 3, ready: 1)
        s.status.replicas = 2
        let pods = [F.pod("web-0"), F.pod("web-1", ready: false)]
        let text = Describe.statefulSet(
            s, pods: pods, events: [], blockedReasons: ["web-2 waits: web-1 is not Ready (OrderedReady)"], now: F.at(30)
        )
        XCTAssertTrue(
            text.contains(
                """
                Replicas:           3 desired | 2 total
                Update Strategy:    RollingUpdate
                  Partition:        0
                Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed
                Blocked:            web-2 waits: web-1 is not Ready (OrderedReady)
                Pod Template:
                """), text)
        XCTAssertTrue(text.hasSuffix("  Access Modes:  [ReadWriteOnce]\nEvents:          <none>\n"), text)
    }

    /// The Volumes block and the lines after it share one tabwriter column block (no untabbed
    /// line between them), which is why `QoS Class:` aligns with `ClaimName:` as in real output.
    func testTerminatingPod() {
        var pod = F.pod(
            "web-0", created: 0, deleted: 40, labels: ["app": "nginx", "statefulset.kubernetes.io/pod-name": "web-0"])
        pod.status.hostIP = "172.18.0.3"
        pod.status.startTime = F.at(1)
        pod.spec.serviceAccountName = "default"
        pod.spec.priority = 0
        pod.spec.volumes = [
            Volume(
                name: "www", source: .persistentVolumeClaim(PersistentVolumeClaimVolumeSource(claimName: "www-web-0")))
        ]
        pod.spec.containers[0].volumeMounts = [VolumeMount(name: "www", mountPath: "/usr/share/nginx/html")]
        pod.spec.tolerations = APIDefaults.defaultTolerations()
        pod.status.containerStatuses[0].containerID = "containerd://0a1b"
        pod.status.containerStatuses[0].imageID = "registry.k8s.io/nginx-slim@sha256:1234"
        pod.status.conditions = [
            PodCondition(type: .initialized, status: .true), PodCondition(type: .ready, status: .false),
            PodCondition(type: .podScheduled, status: .true),
        ]
        pod.metadata.ownerReferences = [
            OwnerReference(
                apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: UID(high: 1, low: 2), controller: true)
        ]
        let events = [
            F.event(
                "Scheduled", "Successfully assigned default/web-0 to node-1", object: (kind: "Pod", name: "web-0"),
                component: "default-scheduler", first: 0),
            F.event(
                "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503",
                object: (kind: "Pod", name: "web-0"), component: "kubelet", first: 30, last: 170, count: 15,
                type: .warning),
        ]
        let text = Describe.pod(pod, events: events, now: F.at(180))
        XCTAssertEqual(
            text,
            """
            Name:                      web-0
            Namespace:                 default
            Priority:                  0
            Service Account:           default
            Node:                      node-1/172.18.0.3
            Start Time:                Mon, 24 Nov 2025 19:20:01 +0000
            Labels:                    app=nginx
                                       statefulset.kubernetes.io/pod-name=web-0
            Annotations:               <none>
            Status:                    Terminating (lasts 2m20s)
            Termination Grace Period:  30s
            IP:                        10.244.1.3
            IPs:
              IP:           10.244.1.3
            Controlled By:  StatefulSet/web
            Containers:
              nginx:
                Container ID:   containerd://0a1b
                Image:          registry.k8s.io/nginx-slim:0.8
                Image ID:       registry.k8s.io/nginx-slim@sha256:1234
                Port:           80/TCP
                Host Port:      0/TCP
                State:          Running
                  Started:      Mon, 24 Nov 2025 19:20:00 +0000
                Ready:          True
                Restart Count:  0
                Environment:    <none>
                Mounts:
                  /usr/share/nginx/html from www (rw)
            Conditions:
              Type           Status
              Initialized    True 
              Ready          False 
              PodScheduled   True 
            Volumes:
              www:
                Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
                ClaimName:   www-web-0
                ReadOnly:    false
            QoS Class:       BestEffort
            Node-Selectors:  <none>
            Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type     Reason     Age                   From               Message
              ----     ------     ----                  ----               -------
              Normal   Scheduled  3m                    default-scheduler  Successfully assigned default/web-0 to node-1
              Warning  Unhealthy  10s (x15 over 2m30s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 503

            """)
    }

    func testJoinedDescriptions() {
        XCTAssertEqual(Describe.joined(["a\n", "b\n"]), "a\n\n\nb\n")
    }
}
