/// An export as Clicktrax delivers it: linted first, and made only when nothing blocks it.
public struct TagExport: Sendable, Equatable {
    /// The tags, exactly as printed, saved, copied or mailed.
    public var text: String
    public var warnings: [LintFinding]
    /// How to use the tags (where the preset's ad server puts its click macro).
    public var notes: [LintFinding] = []
    public var trackers: [ClickTracker]
    public var options: TagOptions

    /// Lints, then generates. Any error throws `ClicktraxError.badInput` naming every blocking
    /// problem (tracker and what is wrong); nothing is generated.
    static let errorsListed = 5

    public static func make(_ trackers: [ClickTracker], options: TagOptions) throws -> TagExport {
        let findings = TagLint.check(trackers, options: options)
        let errors = TagLint.errors(in: findings)
        guard errors.isEmpty else {
            // One line, however many trackers: the first few problems, then how many more.
            let listed = errors.prefix(errorsListed).map(\.description).joined(separator: "; ")
            let more = errors.count > errorsListed ? "; … and \(errors.count - errorsListed) more" : ""
            throw ClicktraxError.badInput("cannot export: " + listed + more)
        }
        return TagExport(
            text: TagGenerator(options: options).export(trackers),
            warnings: findings.filter { $0.severity == .warning }, notes: findings.filter { $0.severity == .note },
            trackers: trackers, options: options)
    }
}
