import StsimEngine

/// `kubectl rollout history sts/NAME [--revision N]` (kubectl's pkg/polymorphichelpers/history.go).
public enum RolloutHistory {
    /// The table: the first line ends with a space (kubectl prints the operation `"\n" + table`
    /// after the name), rows ascend, and a blank line follows.
    public static func table(_ set: StatefulSet, revisions: [ControllerRevision]) -> String {
        let head = "statefulset.apps/\(set.metadata.name) \n"
        guard !revisions.isEmpty else { return head + "No rollout history found.\n" }
        var rows = "REVISION\tCHANGE-CAUSE\n"
        for r in revisions {
            rows += "\(r.revision)\t\(r.metadata.annotations["kubernetes.io/change-cause"] ?? "<none>")\n"
        }
        return head + TabWriter.describe.format(rows) + "\n"
    }

    /// `--revision N`: the revision's pod template as `DescribePodTemplate` writes it, through a
    /// plain buffer, so its TABs reach the terminal unaligned as they do from kubectl.
    public static func revision(_ set: StatefulSet, _ r: ControllerRevision) -> String {
        var w = DescribeWriter(now: .zero, calendar: .standard, aligned: false)
        Describe.podTemplate(r.data, &w)
        return "statefulset.apps/\(set.metadata.name) with revision #\(r.revision)\n" + w.finish() + "\n"
    }
}
