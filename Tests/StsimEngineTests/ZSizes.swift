import XCTest
@testable import StsimEngine
final class ZSizes: XCTestCase {
    func testSizes() {
        print("SIZE Pod", MemoryLayout<Pod>.size, "KubeObject", MemoryLayout<KubeObject>.size, "ObjectMeta", MemoryLayout<ObjectMeta>.size,
              "PodSpec", MemoryLayout<PodSpec>.size, "PodStatus", MemoryLayout<PodStatus>.size, "PodCondition", MemoryLayout<PodCondition>.stride,
              "ContainerStatus", MemoryLayout<ContainerStatus>.stride, "RuntimePod", MemoryLayout<RuntimePod>.size, "RuntimeContainer", MemoryLayout<RuntimeContainer>.stride,
              "ObjectKey", MemoryLayout<ObjectKey>.size, "Facts", MemoryLayout<StatefulPodFacts>.stride, "StatefulSet", MemoryLayout<StatefulSet>.size, "Node", MemoryLayout<Node>.size)
    }
}
