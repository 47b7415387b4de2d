extension Cluster {
    /// The whole simulation as canonical text: every stored property of the cluster and,
    /// recursively, of everything it holds (objects, clock, queue, random state, the recorder,
    /// faults, every controller's and kubelet's state), found by reflection so that a field added
    /// anywhere is in the dump without anyone listing it. Two clusters with equal dumps continue
    /// alike. Unordered collections are printed sorted (their iteration order depends on the
    /// process's hash seed); a class instance met again on the same path (`unowned` back
    /// references) prints as `<cycle>`. For tests (undo restores everything) and diagnostics.
    public func stateDump() -> String {
        var dumper = StateDumper()
        dumper.write(self, label: "cluster", indent: 0)
        return dumper.text
    }
}

/// Writes a value's stored properties, one per line, indented by depth.
struct StateDumper {
    private(set) var text = ""
    /// Class instances being written on the current path (a cycle stops there).
    private var open: [ObjectIdentifier] = []

    mutating func write(_ value: Any, label: String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        let mirror = Mirror(reflecting: value)
        let object = mirror.displayStyle == .class ? ObjectIdentifier(value as AnyObject) : nil
        if let object, open.contains(object) {
            text += "\(pad)\(label): <cycle>\n"
            return
        }
        let children = Array(allChildren(mirror))
        if children.isEmpty {
            text += "\(pad)\(label): \(String(reflecting: value))\n"
            return
        }
        text += "\(pad)\(label): \(mirror.subjectType)\n"
        if let object { open.append(object) }
        defer { if object != nil { open.removeLast() } }
        guard isUnordered(mirror) else {
            for (i, child) in children.enumerated() {
                write(child.value, label: child.label ?? "[\(i)]", indent: indent + 2)
            }
            return
        }
        // Each element on its own, then in text order: the same contents give the same dump.
        let elements = children.map { child -> String in
            var element = StateDumper()
            element.open = open
            element.write(child.value, label: "-", indent: indent + 2)
            return element.text
        }
        text += elements.sorted().joined()
    }

    /// The mirror's children and its superclasses' (a subclass's mirror lists only its own).
    private func allChildren(_ mirror: Mirror) -> [Mirror.Child] {
        var children = Array(mirror.children)
        var parent = mirror.superclassMirror
        while let p = parent {
            children = Array(p.children) + children
            parent = p.superclassMirror
        }
        return children
    }

    /// Swift's own Dictionary and Set (ordered collections keep their order).
    private func isUnordered(_ mirror: Mirror) -> Bool {
        let type = String(reflecting: mirror.subjectType)
        return type.hasPrefix("Swift.Dictionary<") || type.hasPrefix("Swift.Set<")
    }
}
