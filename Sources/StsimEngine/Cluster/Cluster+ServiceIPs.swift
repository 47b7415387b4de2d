extension Cluster {
    /// A free ClusterIP for a new Service, as the API server's allocator picks one.
    func allocateServiceIP() -> String {
        // kubeadm's service CIDR 10.96.0.0/12: .1 is `kubernetes`, .10 is DNS.
        let used = Set(store.list(Service.self, namespace: nil).compactMap(\.spec.clusterIP))
        while true {
            let n = 11 + Int(random.next(upperBound: UInt64(60_000)))
            let ip = "10.96.\(n / 250).\(n % 250 + 1)"
            if !used.contains(ip) { return ip }
        }
    }
}
