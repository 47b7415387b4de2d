import StsimEngine
import StsimLanguage

/// `set max-replicas N` and the other limits (docs/limits.md).
extension Session {
    func setLimit(_ which: LimitSetting, _ value: Int) throws {
        let ceiling = startingLimits[which]
        if !interactive && value > ceiling {
            // A script from a stranger cannot lift the bounds that keep the user safe from it.
            throw SessionError(
                "a script may lower \(which.rawValue), not raise it above the \(ceiling.groupedDigits) stsim started with",
                hint: "raise it with the flag: stsim --\(which.rawValue) \(value) ...")
        }
        options.limits[which] = value
        cluster.limits = options.limits.cluster
        printer.line("\(which.rawValue) \(value.groupedDigits)")
    }
}

extension SessionLimits {
    subscript(_ which: LimitSetting) -> Int {
        get {
            switch which {
            case .maxObjects: objectsPerKind
            case .maxReplicas: replicasPerSet
            case .maxLine: lineBytes
            case .maxCommand: commandBytes
            case .maxWord: wordBytes
            case .maxEvents: eventsPerCommand
            }
        }
        set {
            switch which {
            case .maxObjects: objectsPerKind = newValue
            case .maxReplicas: replicasPerSet = newValue
            case .maxLine: lineBytes = newValue
            case .maxCommand: commandBytes = newValue
            case .maxWord: wordBytes = newValue
            case .maxEvents: eventsPerCommand = newValue
            }
        }
    }
}
