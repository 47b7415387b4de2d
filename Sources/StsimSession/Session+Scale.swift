import StsimEngine
import StsimLanguage

extension Session {
    func scale(_ command: ScaleCommand) throws {
        let name: String
        if let given = command.name {
            name = given.text
        } else {
            // `scale sts 3`: kind for the learner when there is exactly one to mean.
            let candidates = cluster.list(command.kind).map(\.name)
            switch candidates.count {
            case 1: name = candidates[0]
            case 0:
                throw SessionError(
                    "there is no \(command.kind.singular) to scale",
                    hint: "create one first, e.g. create sts web --image nginx")
            default:
                throw SessionError(
                    "scale \(command.kind.shortNames.first ?? command.kind.singular) N needs a name: there are \(candidates.count) (\(candidates.joined(separator: ", ")))",
                    hint:
                        "scale \(command.kind.shortNames.first ?? command.kind.singular) \(candidates[0]) \(command.replicas)"
                )
            }
        }
        if command.replicas < 0 {
            // The API's own answer for a negative count (7.3).
            throw APIError.invalid(
                command.kind, name,
                [
                    .init(
                        field: "spec.replicas",
                        body: "Invalid value: \(command.replicas): must be greater than or equal to 0")
                ])
        }
        switch cluster.scale(command.kind, name, replicas: command.replicas) {
        case .success(let object): printer.line("\(object.kind.qualifiedSingular)/\(object.name) scaled")
        case .failure(let error): throw error
        }
        autoSettle()
    }
}

extension Cluster {
    /// `kind ` for a cluster imitating another distribution, nothing for stsim's own.
    var profileWord: String { config.profile == .stsim ? "" : "\(config.profile.rawValue) " }

    /// One line about a fresh cluster, for `reset` and `seed`.
    var summaryLine: String {
        let nodes = list(Node.self).map(\.metadata.name)
        let classes = list(StorageClass.self).map(\.metadata.name)
        let storage = classes.isEmpty ? "no StorageClass" : "StorageClass \(classes.joined(separator: ", "))"
        return
            "\(nodes.count) node\(nodes.count == 1 ? "" : "s") (\(nodes.joined(separator: ", "))), \(storage), seed \(config.seed)"
    }
}
