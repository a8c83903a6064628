import ClicktraxCore

/// Whether each More Action can run now, and why not — the one place that decides it: the
/// menu's items (dimmed, saying why), the screen's keys and `AppState.run` all ask here, so a
/// key never does what its menu item says it cannot.
struct MoreActionsAvailability: Sendable, Equatable {
    var targets: [Int64]
    var undoLabel: String?
    /// Why the last step cannot be undone (an import that changed the catalog).
    var undoBlocked: String? = nil
    var redoLabel: String?
    /// Why nothing may be written now (an import holds the database).
    var writeBlocked: String?
    var sync: SyncStatus
    var syncRun: SyncRun?
    /// The screen's kind of tracker (the words of its reasons).
    var kind: TrackerKind = .click

    /// The item's label: Undo and Redo say what they would undo or redo.
    func label(_ action: MoreAction) -> String {
        switch action {
        case .undo: undoLabel.map { "Undo: \($0)" } ?? action.label
        case .redo: redoLabel.map { "Redo: \($0)" } ?? action.label
        default: action.label
        }
    }

    func disabledReason(_ action: MoreAction) -> String? {
        let name = action.plainLabel
        switch action {
        case .undo:
            if let writeBlocked { return "Undo: \(writeBlocked)" }
            if let undoBlocked { return "Undo: \(undoBlocked)" }
            return undoLabel == nil ? "Undo: nothing done in this session yet" : nil
        case .redo:
            if let writeBlocked { return "Redo: \(writeBlocked)" }
            return redoLabel == nil ? "Redo: nothing undone to do again" : nil
        case .pull, .push:
            return syncBlocked(action == .pull ? .pull : .push)
        case .exportTags, .copyTags:
            return targets.isEmpty ? "\(name): tick a tracker or move to one first" : nil
        case .activate, .deactivate, .duplicate, .delete:
            if targets.isEmpty { return "\(name): tick a tracker or move to one first" }
            return writeBlocked.map { "\(name): \($0)" }
        case .takeInvests:
            if let writeBlocked { return "\(name): \(writeBlocked)" }
            guard sync.connected else { return "\(name): this database is not connected to Invest" }
            if targets.isEmpty { return "\(name): tick a tracker or move to one first" }
            if !targets.contains(where: sync.waitsForInvest) {
                let one = targets.count == 1
                return "\(name): \(one ? "this tracker is" : "the ticked trackers are") as Invest has \(one ? "it" : "them") "
                    + "(nothing pending, refused or conflicting)"
            }
            return nil
        }
    }

    /// Why a pull or push cannot start now, if it cannot.
    func syncBlocked(_ kind: SyncRun.Kind) -> String? {
        let verb = kind == .pull ? "Pull" : "Push"
        if let run = syncRun { return "\(verb): a \(run.kind.rawValue) is running; wait for it to end" }
        if let writeBlocked { return "\(verb): \(writeBlocked)" }
        guard let connection = sync.connection else {
            return "\(verb): this database is not connected to Invest (in a shell: clicktrax invest login, then clicktrax invest pull)"
        }
        if kind == .push {
            guard connection.connected else { return "Push: pull from Invest first (this database has not pulled yet)" }
            if sync.pending.isEmpty { return "Push: nothing pending — every tracker here is on Invest as it is" }
        }
        return nil
    }
}
