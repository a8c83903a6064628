import TerminalUI

/// The More Actions of the Click Trackers screen (RULES.md §5), applied to the ticked trackers, or
/// the current one when none is ticked.
public enum MoreAction: String, Sendable, Equatable, CaseIterable {
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
    /// Pull, Push and Take Invest's Copy have none (the menu only: they are not things to set
    /// off by one stray key).
    public var keys: [KeyPress] {
        ClickTrackersAction.bindings.first { $0.action == .more(self) }?.keys ?? []
    }

    /// Pull and Push work on the whole database, with Invest.
    var isSync: Bool { self == .pull || self == .push }
    /// Throws something away (it asks first; the menu's focus never starts on it).
    var isDestructive: Bool { self == .delete || self == .takeInvests }
    var isHistory: Bool { self == .undo || self == .redo }
}
