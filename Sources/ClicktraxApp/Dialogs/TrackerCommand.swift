/// The More Actions of the Click Trackers screen (SPEC §5), applied to the ticked trackers, or
/// the current one when none is ticked.
public enum TrackerCommand: String, Sendable, Equatable, CaseIterable {
    case exportTags, copyTags, activate, deactivate, duplicate, delete, undo

    public var label: String {
        switch self {
        case .exportTags: "Export Tags…"
        case .copyTags: "Copy Tags"
        case .activate: "Activate"
        case .deactivate: "Deactivate"
        case .duplicate: "Duplicate"
        case .delete: "Delete…"
        case .undo: "Undo last change"
        }
    }

    /// The key that runs it from the screen, also shown in the menu.
    public var shortcut: String {
        switch self {
        case .exportTags: "x"
        case .copyTags: "y"
        case .activate: "+"
        case .deactivate: "-"
        case .duplicate: "D"
        case .delete: "Del"
        case .undo: "u"
        }
    }

    /// Whether it acts on trackers (and so needs one ticked or under the cursor).
    var needsTrackers: Bool { self != .undo }
}
