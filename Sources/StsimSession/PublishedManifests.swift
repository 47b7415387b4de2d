/// Manifests that tutorials apply by URL (`kubectl apply -f https://k8s.io/examples/...`). stsim
/// has no network, so the ones a StatefulSet learner meets are built in, as published in
/// kubernetes/website's content/en/examples (release-1.32); any other URL is refused with what
/// to do instead.
enum PublishedManifests {
    /// The manifest a URL names, or nil when stsim does not carry it.
    static func manifest(at url: String) -> String? {
        for prefix in ["https://k8s.io/examples/", "https://kubernetes.io/examples/", "http://k8s.io/examples/"]
        where url.hasPrefix(prefix) {
            switch url.dropFirst(prefix.count) {
            case "application/web/web.yaml": return web(parallel: false)
            case "application/web/web-parallel.yaml": return web(parallel: true)
            default: return nil
            }
        }
        return nil
    }

    static let known = [
        "https://k8s.io/examples/application/web/web.yaml",
        "https://k8s.io/examples/application/web/web-parallel.yaml",
    ]

    /// application/web/web.yaml and web-parallel.yaml: the same but for the policy and the image.
    private static func web(parallel: Bool) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
          labels:
            app: nginx
        spec:
          ports:
          - port: 80
            name: web
          clusterIP: None
          selector:
            app: nginx
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: "nginx"\(parallel ? "\n  podManagementPolicy: \"Parallel\"" : "")
          replicas: 2
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:\(parallel ? "0.24" : "0.21")
                ports:
                - containerPort: 80
                  name: web
                volumeMounts:
                - name: www
                  mountPath: /usr/share/nginx/html
          volumeClaimTemplates:
          - metadata:
              name: www
            spec:
              accessModes: [ "ReadWriteOnce" ]
              resources:
                requests:
                  storage: 1Gi

        """
    }
}
