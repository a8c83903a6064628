import Foundation

/// An export as Clicktrax delivers it: linted first, and made only when nothing blocks it.
public struct TagExport: Sendable, Equatable {
    /// The tags, exactly as printed, saved, copied or mailed.
    public var text: String
    public var warnings: [LintFinding]
    /// How to use the tags (where the preset's ad server puts its click macro).
    public var notes: [LintFinding] = []
    /// The trackers, in the order of their tags.
    public var trackers: [TagSubject]
    public var options: TagOptions

    /// Lints, then generates. Any error throws `ClicktraxError.badInput` naming every blocking
    /// problem (tracker and what is wrong); nothing is generated.
    static let errorsListed = 5

    public static func make(_ trackers: [Tracker], options: TagOptions) throws -> TagExport {
        try make(trackers.map(\.tagSubject), options: options)
    }

    public static func make(_ trackers: [TagSubject], options: TagOptions) throws -> TagExport {
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

extension TagExport {
    /// The kind of tracker every tag is for; an export is made from one screen, so one kind.
    public var kind: TrackerKind? {
        let kinds = Set(trackers.map(\.kind))
        return kinds.count == 1 ? kinds.first : nil
    }

    /// "click tracker", "impression tracker" (or "tracker" for a mix).
    public var noun: String { kind?.noun ?? "tracker" }

    /// The name a saved or attached file starts with: "click-trackers", "impression-trackers".
    public var fileStem: String { (noun + "s").replacingOccurrences(of: " ", with: "-") }
}
