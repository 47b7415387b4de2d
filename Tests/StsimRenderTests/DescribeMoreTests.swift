import StsimEngine
import XCTest

@testable import StsimRender

final class DescribeMoreTests: XCTestCase {
    typealias F = Fixtures

    func testClaim() {
        var c = F.claim("www-web-0", volume: "pvc-0a1b")
        c.metadata.finalizers = ["kubernetes.io/pvc-protection"]
        c.metadata.labels = ["app": "nginx"]
        c.spec.storageClassName = "standard"
        let text = Describe.persistentVolumeClaim(c, usedBy: [F.pod("web-0")], events: [], now: F.at(60))
        XCTAssertEqual(
            text,
            """
            Name:          www-web-0
            Namespace:     default
            StorageClass:  standard
            Status:        Bound
            Volume:        pvc-0a1b
            Labels:        app=nginx
            Annotations:   <none>
            Finalizers:    [kubernetes.io/pvc-protection]
            Capacity:      1Mi
            Access Modes:  RWO
            VolumeMode:    Filesystem
            Used By:       web-0
            Events:        <none>

            """)
    }

    func testVolume() {
        var v = F.volume("pv-a", phase: .released, claim: "www-web-1")
        v.spec.source = .hostPath(path: "/tmp/pv-a", type: nil)
        v.metadata.finalizers = ["kubernetes.io/pv-protection"]
        let text = Describe.persistentVolume(v, events: [], now: F.at(60))
        XCTAssertEqual(
            text,
            """
            Name:            pv-a
            Labels:          <none>
            Annotations:     <none>
            Finalizers:      [kubernetes.io/pv-protection]
            StorageClass:    
            Status:          Released
            Claim:           default/www-web-1
            Reclaim Policy:  Retain
            Access Modes:    RWO
            VolumeMode:      Filesystem
            Capacity:        1Mi
            Node Affinity:   <none>
            Message:         
            Source:
                Type:          HostPath (bare host directory volume)
                Path:          /tmp/pv-a
                HostPathType:  <none>
            Events:            <none>

            """)
    }

    func testNodeTaintsAndConditions() {
        var n = F.node("node-1", ready: .unknown, created: 0)
        n.status.conditions[0].reason = "NodeStatusUnknown"
        n.status.conditions[0].message = "Kubelet stopped posting node status."
        n.status.conditions[0].lastHeartbeatTime = F.at(10)
        n.status.conditions[0].lastTransitionTime = F.at(60)
        n.status.addresses = [
            NodeAddress(type: "InternalIP", address: "172.18.0.3"), NodeAddress(type: "Hostname", address: "node-1"),
        ]
        n.spec.taints = [
            Taint(key: "node.kubernetes.io/unreachable", effect: .noSchedule),
            Taint(key: "node.kubernetes.io/unreachable", effect: .noExecute, timeAdded: F.at(60)),
        ]
        let text = Describe.node(n, pods: [F.pod("web-0", created: 0)], events: [], now: F.at(120))
        // Taints sorted by effect; the pod table shares its first column with `System Info:`
        // (no untabbed line between them), as in real output.
        XCTAssertEqual(
            text,
            """
            Name:               node-1
            Roles:              <none>
            Labels:             kubernetes.io/hostname=node-1
            Annotations:        <none>
            CreationTimestamp:  Mon, 24 Nov 2025 19:20:00 +0000
            Taints:             node.kubernetes.io/unreachable:NoExecute
                                node.kubernetes.io/unreachable:NoSchedule
            Unschedulable:      false
            Lease:
              HolderIdentity:  node-1
              AcquireTime:     <unset>
              RenewTime:       Mon, 24 Nov 2025 19:20:10 +0000
            Conditions:
              Type    Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
              ----    ------    -----------------                 ------------------                ------              -------
              Ready   Unknown   Mon, 24 Nov 2025 19:20:10 +0000   Mon, 24 Nov 2025 19:21:00 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
            Addresses:
              InternalIP:  172.18.0.3
              Hostname:    node-1
            Capacity:
              pods:  110
            Allocatable:
              pods:  110
            System Info:
              Kernel Version:             6.8.0
              OS Image:                   Debian GNU/Linux 12 (bookworm)
              Operating System:           linux
              Architecture:               amd64
              Container Runtime Version:  containerd://1.7.24
              Kubelet Version:            v1.32.0
            Non-terminated Pods:          (1 in total)
              Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
              ---------                   ----     ------------  ----------  ---------------  -------------  ---
              default                     web-0    0 (0%)        0 (0%)      0 (0%)           0 (0%)         2m
            Allocated resources:
              (Total limits may be over 100 percent, i.e., overcommitted.)
              Resource           Requests  Limits
              --------           --------  ------
              cpu                0 (0%)    0 (0%)
              memory             0 (0%)    0 (0%)
              ephemeral-storage  0 (0%)    0 (0%)
            Events:              <none>

            """)
    }

    func testServiceWithEndpoints() {
        let s = Service(
            metadata: F.meta("nginx", labels: ["app": "nginx"]),
            spec: ServiceSpec(
                type: .clusterIP, selector: ["app": "nginx"],
                ports: [ServicePort(name: "web", protocol: .tcp, port: 80, targetPort: "80")],
                clusterIP: "None", clusterIPs: ["None"], sessionAffinity: "None", ipFamilies: ["IPv4"],
                ipFamilyPolicy: "SingleStack", internalTrafficPolicy: "Cluster"))
        let slice = EndpointSlice(
            metadata: F.meta("nginx-x", labels: [EndpointSlice.serviceNameLabel: "nginx"]),
            endpoints: [
                Endpoint(addresses: ["10.244.2.4"], conditions: EndpointConditions(ready: true)),
                Endpoint(addresses: ["10.244.1.3"], conditions: EndpointConditions(ready: true)),
                Endpoint(addresses: ["10.244.3.9"], conditions: EndpointConditions(ready: false)),
            ],
            ports: [EndpointPort(name: "web", port: 80, protocol: .tcp)])
        XCTAssertEqual(
            Describe.service(s, endpointSlices: [slice], events: [], now: F.at(60)),
            """
            Name:                     nginx
            Namespace:                default
            Labels:                   app=nginx
            Annotations:              <none>
            Selector:                 app=nginx
            Type:                     ClusterIP
            IP Family Policy:         SingleStack
            IP Families:              IPv4
            IP:                       None
            IPs:                      None
            Port:                     web  80/TCP
            TargetPort:               80/TCP
            Endpoints:                10.244.2.4:80,10.244.1.3:80
            Session Affinity:         None
            Internal Traffic Policy:  Cluster
            Events:                   <none>

            """)
    }
}
