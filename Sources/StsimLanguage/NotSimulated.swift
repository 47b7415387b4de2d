/// What kubectl has and stsim does not simulate, each with what to type instead, so a command
/// pasted from a tutorial is answered with a way forward rather than "unknown command".
enum NotSimulated {
    /// kubectl commands stsim has no equivalent of.
    static func command(_ word: String) -> (message: String, hint: String)? {
        switch word {
        case "top":
            // kubectl's own text when the cluster runs no metrics-server (kind, kubeadm).
            return (
                "Metrics API not available",
                "stsim runs no metrics-server (as a kind or kubeadm cluster without that add-on): containers use no simulated CPU or memory"
            )
        case "port-forward":
            return (
                "port-forward is not simulated: nothing outside stsim can reach a pod",
                "reach it from inside: exec web-0 -- curl -s localhost, or proxy and then curl localhost:8001/api/v1/namespaces/default/pods/web-0/proxy/"
            )
        case "attach":
            return (
                "attach is not simulated",
                "read what the container prints with logs POD, or run a command in it with exec POD -- CMD"
            )
        case "debug":
            return (
                "debug is not simulated: stsim has no ephemeral containers",
                "run commands in the pod with exec POD -- sh -c '...'"
            )
        case "kustomize":
            return ("kustomize is not simulated", "apply the manifests themselves with apply -f FILE")
        case "certificate", "auth", "plugin", "completion", "alpha", "certificate-signing-request":
            return ("\(word) is not simulated by stsim", "type help for the commands stsim has")
        default:
            return nil
        }
    }

    /// Kinds of objects kubectl users meet that stsim does not simulate (`get deploy`,
    /// `create deployment`), by every spelling kubectl accepts.
    static func kind(_ word: String) -> String? {
        switch word.lowercased() {
        case "deployment", "deployments", "deploy", "deployment.apps", "deployments.apps": return "Deployments"
        case "daemonset", "daemonsets", "ds", "daemonset.apps", "daemonsets.apps": return "DaemonSets of your own"
        case "job", "jobs", "cronjob", "cronjobs", "cj": return "Jobs"
        case "ingress", "ingresses", "ing": return "Ingresses"
        case "horizontalpodautoscaler", "horizontalpodautoscalers", "hpa": return "HorizontalPodAutoscalers"
        case "role", "roles", "rolebinding", "rolebindings", "clusterrole", "clusterroles", "clusterrolebinding",
            "clusterrolebindings":
            return "RBAC objects"
        default: return nil
        }
    }

    /// The hint for a kind stsim does not have.
    static func kindHint(_ name: String) -> String {
        if name.hasPrefix("DaemonSets") { return daemonSetHint }
        return
            "stsim does not simulate \(name); it simulates StatefulSets and what they use (pods, claims, volumes, Services, ReplicaSets, ...): api-resources lists them"
    }

    /// The distribution's DaemonSets exist (read-only); a learner's are not simulated.
    static let daemonSetHint =
        "stsim does not simulate DaemonSets of your own: the cluster's (kube-proxy, kind's kindnet) are there to read with get ds -n kube-system and describe ds, but making or changing one is not simulated; a StatefulSet or ReplicaSet runs your pods"
}
