import StsimEngine

extension MappingReader {
    /// A `projected` volume: `sources`, each holding one of serviceAccountToken, configMap,
    /// secret or downwardAPI, and `defaultMode`.
    func projected() -> ProjectedVolumeSource {
        let sources =
            objects("sources", goType: "VolumeProjection") { p -> ProjectedVolumeSource.Source? in
                p.unmodelled("clusterTrustBundle")
                if p.node("clusterTrustBundle") != nil {
                    p.ctx.report(
                        .note, path: p.child("clusterTrustBundle"),
                        "clusterTrustBundle projections are not simulated by stsim; the volume leaves it out")
                }
                if let t = p.nested(
                    "serviceAccountToken", goType: "ServiceAccountTokenProjection",
                    { t in
                        ProjectedVolumeSource.Source.serviceAccountToken(
                            path: t.string("path") ?? "",
                            expirationSeconds: t.int("expirationSeconds", goTypeName: "int64"),
                            audience: t.string("audience"))
                    })
                {
                    return t
                }
                if let c = p.nested(
                    "configMap", goType: "ConfigMapProjection",
                    {
                        ProjectedVolumeSource.Source.configMap($0.keyProjection("name", mode: false))
                    })
                {
                    return c
                }
                if let s = p.nested(
                    "secret", goType: "SecretProjection",
                    {
                        ProjectedVolumeSource.Source.secret($0.keyProjection("name", mode: false))
                    })
                {
                    return s
                }
                return p.nested("downwardAPI", goType: "DownwardAPIProjection") { d in
                    ProjectedVolumeSource.Source.downwardAPI(
                        d.objects("items", goType: "DownwardAPIVolumeFile") { i in
                            i.unmodelled("resourceFieldRef")
                            if i.node("resourceFieldRef") != nil {
                                i.ctx.report(
                                    .note, path: i.child("resourceFieldRef"),
                                    "resourceFieldRef is not simulated by stsim; the file is left out")
                            }
                            let ref = i.nested("fieldRef", goType: "ObjectFieldSelector") {
                                ($0.string("fieldPath") ?? "", $0.string("apiVersion"))
                            }
                            guard let ref else { return nil }
                            return DownwardAPIFile(
                                path: i.string("path") ?? "", fieldPath: ref.0, apiVersion: ref.1, mode: i.int("mode"))
                        } ?? [])
                }
            } ?? []
        return ProjectedVolumeSource(sources: sources, defaultMode: int("defaultMode"))
    }
}
