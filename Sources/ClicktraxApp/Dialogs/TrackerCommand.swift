import TerminalUI

/// The More Actions of the Click Trackers screen (SPEC §5), applied to the ticked trackers, or
/// the current one when none is ticked.
public enum TrackerCommand: String, Sendable, Equatable, CaseIterable {
    case exportTags, copyTags, activate, deactivate, duplicate, delete, undo, redo, pull, push, takeInvests

    public var label: String {
        switch self {
        case .exportTags: "Export Tags…"
        case .copyTags: "Copy Tags"
        case .activate: "Activate"
        case .deactivate: "Deactivate"
        case .duplicate: "Duplicate"
        case .delete: "Delete…"
        case .undo: "Undo"
        case .redo: "Redo"
        case .pull: "Pull from Invest"
        case .push: "Push to Invest"
        case .takeInvests: "Take Invest's Copy…"
        }
    }

    /// The label without its "…", for messages.
    public var plainLabel: String { label.replacingOccurrences(of: "…", with: "") }

    /// The keys that run it from the screen (and in the menu), from the screen's binding table.
    public var keys: [KeyPress] {
        guard let action else { return [] }
        return ClickTrackersAction.bindings.first { $0.action == action }?.keys ?? []
    }

    /// The screen's action that runs it; Pull, Push and Take Invest's Copy have none (the menu
    /// only: they are not things to set off by one stray key).
    var action: ClickTrackersAction? {
        switch self {
        case .exportTags: .exportTags
        case .copyTags: .copyTags
        case .activate: .activate
        case .deactivate: .deactivate
        case .duplicate: .duplicate
        case .delete: .delete
        case .undo: .undo
        case .redo: .redo
        case .pull, .push, .takeInvests: nil
        }
    }

    /// The first key, shown in the menu.
    public var shortcut: String { keys.first.map { $0.key == .delete ? "Del" : $0.description } ?? "" }

    /// Whether it acts on trackers (and so needs one ticked or under the cursor).
    var needsTrackers: Bool { !isHistory && !isSync }
    /// Pull and Push work on the whole database, with Invest.
    var isSync: Bool { self == .pull || self == .push }
    /// Throws something away (it asks first; the menu's focus never starts on it).
    var isDestructive: Bool { self == .delete || self == .takeInvests }
    var isHistory: Bool { self == .undo || self == .redo }
}
