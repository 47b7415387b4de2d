import StsimEngine
import StsimLanguage
import StsimRender

extension Session {
    /// `explain`: kubectl's text, or kubectl's error for a field the kind does not have.
    func explain(_ e: ExplainCommand) throws(Diagnostic) {
        switch ExplainText.render(e.kind, path: e.path, recursive: e.recursive) {
        case .success(let text): printer.block(text)
        case .failure(.fieldDoesNotExist(let name)):
            throw Diagnostic(at: e.location, "field \"\(name)\" does not exist")
        case .failure(.notCarried(let type, let at)):
            throw Diagnostic(
                at: e.location, "stsim does not carry the API documentation of \(type) (\(at))",
                hint:
                    "stsim has the StatefulSet types of apps/v1 (spec, status, updateStrategy, ...), the top level of pods, services, claims, ConfigMaps, Secrets and ServiceAccounts, and a claim's spec; kubectl explain \(at) on a real cluster shows the rest"
            )
        }
    }
}
