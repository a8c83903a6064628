import ClicktraxCore
import TerminalUI

/// The Invest connection's side of the app: what is pending or conflicting, pulls and pushes in
/// the background, conflicts, taking Invest's copy. Its dialogs open over Click Trackers.
extension AppState {
    mutating func reduceSync(_ message: SyncMessage) -> [AppCommand] {
        switch message {
        case .syncStatusRead(let status, let impressionStatus):
            sync = status
            impressionSync = impressionStatus
            updateClickTrackers { $0.sync = status }
            impressions?.screen.sync = impressionStatus
        case .conflictRead(let id, let conflict):
            guard let conflict else { return [.trackers(.readTracker(id, for: .edit))] }
            trackers.push(.conflict(ConflictDialog(conflict: conflict)))
        case .conflictResolved(let id, let keepMine):
            reloadScreens()
            let noun = clickTrackers.trackerKind.sentenceNoun
            show(keepMine ? "\(noun) \(id): kept this database's version; Push sends it" : "\(noun) \(id): took Invest's version", .success)
        case .syncProgress(let run):
            if syncRun?.kind == run.kind { syncRun = run }
        case .syncFinished(let kind, let outcome):
            syncRun = nil
            if case .pushed(let results) = outcome {
                // Trackers made here now carry Invest's ids, and so do the labels of their steps.
                var ids: [TrackerKind: [Int64: Int64]] = [:]
                for result in results where result.investId != nil && result.investId != result.trackerId {
                    ids[result.kind, default: [:]][result.trackerId] = result.investId
                }
                history.renumber(ids[.click] ?? [:])
                impressionHistory.renumber(ids[.impression] ?? [:])
            }
            reloadScreens()
            // The report opens over the trackers screen the operator is on (a pull or push moves
            // both kinds); elsewhere, over Click Trackers, and a toast says so.
            let report = Modal.message(SyncReport.dialog(kind, outcome))
            if shown == .impressionTrackers, impressions != nil {
                impressions?.push(report)
            } else {
                trackers.push(report)
                if shown != .clickTrackers {
                    show("The \(kind.rawValue) ended: its report is on the Click Trackers screen (Alt-1)")
                }
            }
        case .investsCopyTaken(let text, let removed, let step):
            history.record(step)
            updateClickTrackers { $0.forget(removed) }
            reloadScreens()
            show(text, .success)
        }
        return []
    }

    mutating func performSync(_ intent: SyncIntent) -> [AppCommand] {
        switch intent {
        case .resolveConflict(let id, let keepMine):
            if let writeBlocked { show("Resolve: \(writeBlocked)", .error); return [] }
            return [.sync(.resolveConflict(id, keepMine: keepMine))]
        case .takeInvests(let ids):
            if let writeBlocked { show("Take Invest's Copy: \(writeBlocked)", .error); return [] }
            return [.sync(.keepInvestsCopy(ids))]
        }
    }

    /// Take Invest's Copy asks first, saying which trackers made here are removed (never pushed).
    mutating func askToTakeInvests(_ targets: [Int64]) -> [AppCommand] {
        let waiting = targets.filter(sync.waitsForInvest)
        let unpushed = waiting.filter { sync.pending[$0] == .create }
        let noun = waiting.count == 1 ? "tracker \(waiting[0])" : "\(waiting.count) trackers"
        var message = "Drop the changes made here to \(noun) and take Invest's copy?"
        if !unpushed.isEmpty {
            let those = unpushed.count == 1 ? "Tracker \(unpushed[0]) was" : "\(unpushed.count) of them were"
            message += " \(those) never pushed: Invest has no copy, so \(unpushed.count == 1 ? "it is" : "they are") removed."
        }
        trackers.push(.confirm(ConfirmDialog(
            title: "Take Invest's Copy", message: message + " u undoes it.", confirmLabel: "Take Invest's",
            onConfirm: .sync(.takeInvests(waiting)),
            onDecline: .show(Toast("Nothing was changed: the changes made here still wait for the next push")))))
        return []
    }
}
