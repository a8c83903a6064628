/// An export as Clicktrax delivers it: linted first, and made only when nothing blocks it.
public struct TagExport: Sendable, Equatable {
    /// The tags, exactly as printed, saved, copied or mailed.
    public var text: String
    public var warnings: [LintFinding]
    public var trackers: [ClickTracker]
    public var options: TagOptions

    /// Lints, then generates. Any error throws `ClicktraxError.badInput` naming every blocking
    /// problem (tracker and what is wrong); nothing is generated.
    public static func make(_ trackers: [ClickTracker], options: TagOptions) throws -> TagExport {
        let findings = TagLint.check(trackers, options: options)
        let errors = TagLint.errors(in: findings)
        guard errors.isEmpty else {
            throw ClicktraxError.badInput("cannot export: " + errors.map(\.description).joined(separator: "; "))
        }
        return TagExport(
            text: TagGenerator(options: options).export(trackers),
            warnings: findings.filter { $0.severity == .warning }, trackers: trackers, options: options)
    }
}
