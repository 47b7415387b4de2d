import StsimEngine
import StsimLanguage

extension Session {
    /// `kill pod NAME`: the container's process ends; what happens next is the kubelet's business.
    func kill(_ name: Argument, container: String?, exitCode: Int) throws {
        guard let pod = cluster.get(Pod.self, name.text) else { throw APIError.notFound(.pod, name.text) }
        let containerName = container ?? pod.spec.containers.first?.name ?? ""
        if let container, !pod.spec.containers.contains(where: { $0.name == container }) {
            throw SessionError("pod \(name.text) has no container \"\(container)\"",
                               hint: "its containers: \(pod.spec.containers.map(\.name).joined(separator: ", "))")
        }
        guard pod.spec.nodeName != nil, pod.status.phase == .running else {
            throw SessionError("pod \(name.text) has no running container to kill (it is \(podStatusText(pod)))")
        }
        if case .failure(let error) = cluster.killContainer(pod: name.text, container: containerName, exitCode: exitCode) {
            throw error
        }
        printer.line("pod/\(name.text): container \(containerName) exited with code \(exitCode)")
        autoSettle()
    }
}
