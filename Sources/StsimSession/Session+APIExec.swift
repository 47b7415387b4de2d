import StsimEngine
import StsimLanguage

/// Why the API answers an exec without upgrading: the HTTP status and what kubectl prints.
public struct APIExecRefusal: Error, Sendable, Equatable {
    public var code: Int
    /// The Status's reason ("" for none: kubectl then prints `Error from server: MESSAGE`).
    public var reason: String
    public var message: String
    /// The kubelet answers some refusals in plain text, which kubectl prints as
    /// `error: unable to upgrade connection: MESSAGE`.
    public var plainText = false
}

/// Where an exec through the API runs: the pod, and the container as an index into `pod.asRun`.
public struct APIExecTarget: Sendable {
    public var namespace: String
    public var pod: String
    public var container: Int
}

/// What an exec through the API produced: the output in the order it was written, and the exit
/// status; or stsim's own words when it cannot run the command.
public struct APIExecOutput: Sendable {
    public var chunks: [OutputChunk] = []
    public var exitCode = 0
    /// Set when stsim does not simulate what was asked (the prompt prints it as an error).
    public var failure: String?
}

/// `kubectl exec` through the loopback API: the prompt's own checks and interpreter, reached
/// from StsimAPI on the session's thread.
extension Session {
    /// The checks of the prompt's exec (the pod, a running container, a reachable kubelet).
    public func apiExecTarget(namespace: String, pod name: String, container: String?) -> Result<
        APIExecTarget, APIExecRefusal
    > {
        inNamespace(namespace) {
            guard let pod = cluster.get(Pod.self, name) else {
                return .failure(APIExecRefusal(code: 404, reason: "NotFound", message: "pods \"\(name)\" not found"))
            }
            do {
                // kubectl names the container; another client may leave it to the server.
                let named = container ?? Self.defaultContainerName(pod)
                let index = try runningContainer(pod, named)
                if let kubelet = unreachableKubelet(pod) {
                    return .failure(
                        APIExecRefusal(
                            code: 500, reason: "", message: "error dialing backend: dial tcp \(kubelet): i/o timeout"))
                }
                return .success(APIExecTarget(namespace: namespace, pod: name, container: index))
            } catch let e as APIError {
                return .failure(APIExecRefusal(code: e.code, reason: e.reason.rawValue, message: e.message))
            } catch let e as SessionError {
                let upgrade = "unable to upgrade connection: "
                if e.message.hasPrefix(upgrade) {
                    return .failure(
                        APIExecRefusal(
                            code: 404, reason: "NotFound", message: String(e.message.dropFirst(upgrade.count)),
                            plainText: true))
                }
                return .failure(APIExecRefusal(code: 400, reason: "BadRequest", message: e.message))
            } catch {
                return .failure(APIExecRefusal(code: 500, reason: "InternalError", message: "\(error)"))
            }
        }
    }

    /// Runs `argv` in the target's container with `stdin`, as `exec POD -- COMMAND` does.
    public func apiExec(_ target: APIExecTarget, argv: [String], stdin: String = "") -> APIExecOutput {
        inNamespace(target.namespace) {
            guard let pod = cluster.get(Pod.self, target.pod)?.asRun else {
                return APIExecOutput(failure: "the pod \(target.pod) is gone")
            }
            var output = APIExecOutput()
            do {
                let result = try runTool(pod, container: target.container, argv, stdin: stdin)
                output.chunks = result.inOrder
                output.exitCode = result.exitCode
            } catch {
                output.failure = Self.failureText(error)
            }
            return output
        }
    }

    /// The shell `kubectl exec -it POD -- sh` reads line by line; nil when the image has no such
    /// program (then `apiExec` gives the runtime's own error).
    public func apiShell(_ target: APIExecTarget, program: String) -> APIShell? {
        inNamespace(target.namespace) {
            guard Cluster.interactiveShells.contains(program), let pod = cluster.get(Pod.self, target.pod)?.asRun,
                let shell = cluster.interactiveShell(
                    pod, container: target.container, program: program, hooks: shellHooks)
            else { return nil }
            return APIShell(shell: shell, target: target)
        }
    }

    /// One line typed into the shell of `apiShell`.
    public func apiShellLine(_ shell: APIShell, _ line: String) -> APIExecOutput {
        inNamespace(shell.target.namespace) {
            guard let pod = cluster.get(Pod.self, shell.target.pod)?.asRun else {
                return APIExecOutput(failure: "the pod \(shell.target.pod) is gone")
            }
            var output = APIExecOutput()
            do {
                let result = try inContainer(pod, container: shell.target.container) { try shell.shell.run(line: line) }
                output.chunks = result.inOrder
                output.exitCode = result.exitCode
            } catch {
                output.failure = Self.failureText(error)
            }
            return output
        }
    }

    private static func failureText(_ error: any Error) -> String {
        if let e = error as? SessionError { return e.message + (e.hint.map { " (\($0))" } ?? "") }
        if let e = error as? Diagnostic { return e.message }
        return "\(error)"
    }

    /// The container kubectl would pick: the default-container annotation's, else the first.
    private static func defaultContainerName(_ pod: Pod) -> String {
        pod.metadata.annotations["kubectl.kubernetes.io/default-container"].flatMap { name in
            pod.spec.containers.contains { $0.name == name } ? name : nil
        } ?? pod.spec.containers.first?.name ?? ""
    }
}

/// A shell opened by `kubectl exec -it`: its prompt, and whether it has ended (`exit`).
public final class APIShell: @unchecked Sendable {
    let shell: InteractiveShell
    public let target: APIExecTarget

    init(shell: InteractiveShell, target: APIExecTarget) {
        self.shell = shell
        self.target = target
    }

    public var prompt: String { shell.prompt }
    /// The status `exit` gave, once the shell has ended.
    public var exitStatus: Int? { shell.exitStatus }
    /// What the shell returns when its input ends without `exit`.
    public var lastStatus: Int { shell.lastStatus }
}
