import StsimEngine

/// `ValidateObjectMeta`, labels, annotations and label selectors.
extension Validator {
    static func validateMeta(_ m: ObjectMeta, namespaced: Bool, name rule: (String) -> [String]) -> [FieldError] {
        var errs: [FieldError] = []
        if m.name.isEmpty {
            if (m.generateName ?? "").isEmpty {
                errs.append(.required("metadata.name", "name or generateName is required"))
            }
        } else {
            errs += rule(m.name).map { .invalid("metadata.name", .string(m.name), $0) }
        }
        if namespaced, !m.namespace.isEmpty {
            errs += NameRules.dns1123Label(m.namespace).map { .invalid("metadata.namespace", .string(m.namespace), $0) }
        }
        errs += validateLabels(m.labels, "metadata.labels")
        errs += validateAnnotations(m.annotations, "metadata.annotations")
        return errs
    }

    static func validateLabels(_ labels: [String: String], _ path: String) -> [FieldError] {
        var errs: [FieldError] = []
        for key in labels.keys.sorted() {
            errs += NameRules.qualifiedName(key).map { .invalid(path, .string(key), $0) }
            errs += NameRules.labelValue(labels[key]!).map { .invalid(path, .string(labels[key]!), $0) }
        }
        return errs
    }

    static func validateAnnotations(_ annotations: [String: String], _ path: String) -> [FieldError] {
        annotations.keys.sorted().flatMap { key in
            NameRules.qualifiedName(key.lowercased()).map { FieldError.invalid(path, .string(key), $0) }
        }
    }

    static func validateSelector(_ s: LabelSelector, _ path: String) -> [FieldError] {
        var errs = validateLabels(s.matchLabels, "\(path).matchLabels")
        for (i, e) in s.matchExpressions.enumerated() {
            let p = "\(path).matchExpressions[\(i)]"
            let needsValues = e.operator == .in || e.operator == .notIn
            if needsValues, e.values.isEmpty {
                errs.append(.required("\(p).values", "must be specified when `operator` is 'In' or 'NotIn'"))
            } else if !needsValues, !e.values.isEmpty {
                errs.append(
                    .forbidden("\(p).values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
            }
            errs += NameRules.qualifiedName(e.key).map { .invalid("\(p).key", .string(e.key), $0) }
        }
        return errs
    }

    /// `%#v` of a `*metav1.LabelSelector`, as it appears in `Invalid value:` texts.
    static func goSyntax(_ s: LabelSelector) -> GoValue {
        let labels = s.matchLabels.isEmpty ? "map[string]string(nil)" : GoValue.stringMap(s.matchLabels).rendered
        let exprs =
            s.matchExpressions.isEmpty ? "[]v1.LabelSelectorRequirement(nil)" : "[]v1.LabelSelectorRequirement{...}"
        return .goSyntax("&v1.LabelSelector{MatchLabels:\(labels), MatchExpressions:\(exprs)}")
    }
}
