import ClicktraxCore
import TerminalUI

/// The Click Trackers feature: its messages, its intents, its More Actions. Its dialogs live on
/// its own stack (`trackers`), whichever screen is shown when a result arrives.
extension AppState {
    /// Why a change cannot be made now, if it cannot: an import holds the database.
    var writeBlocked: String? {
        importing == nil ? nil : "an import is running: wait for it, or Esc cancels it"
    }

    mutating func reduceTrackers(_ message: TrackersMessage) -> [AppCommand] {
        switch message {
        case .trackersCounted, .trackerIDsRead, .trackersRead, .firstTrackersRead, .filterIndexRead, .clickActivityRead:
            updateClickTrackers { $0.receive(message) }
        case .trackerRead(let id, let tracker, let purpose):
            trackerRead(id, tracker, purpose)
        case .pickerResults(let kind, let term, let advertiser, let results):
            trackers.updateEach { modal in
                guard case .picker(var picker) = modal, picker.kind == kind else { return }
                picker.receive(term: term, advertiser: advertiser, results)
                modal = .picker(picker)
            }
        case .trackerSaved(let tracker, let created, let step):
            trackers.popTop(if: .tracker)
            history.record(step)
            reloadScreens()
            // A new tracker is what acts next (`x` right after Ctrl-S exports it): older ticks go.
            updateClickTrackers { screen in
                if created { screen.clearTicks() }
                screen.follow(tracker.id)
            }
            show("\(created ? "Created" : "Saved") \(tracker.kind.noun) \(tracker.id) “\(tracker.name)”", .success)
        case .trackerSaveFailed(let error):
            trackers.updateTop { modal in
                guard case .tracker(var dialog) = modal else { return false }
                dialog.showFailure(error)
                modal = .tracker(dialog)
                return true
            }
        case .trackersChanged(let text, let step, let made, let removed):
            if let step { history.record(step) }
            updateClickTrackers { $0.forget(removed) }
            reloadScreens()
            if let last = made.last {
                updateClickTrackers { screen in
                    screen.clearTicks()
                    screen.follow(last)
                }
            }
            show(text, .success)
        case .undone(let step, let revert):
            history.undone(as: revert)
            reloadScreens()
            show("Undid: \(step.label) — Ctrl-R redoes it", .success)
        case .undoAsks(let step, let onInvest):
            // Not undone yet: the step waits on top of the history for the answer.
            history.putBack(step)
            let noun = onInvest.count == 1 ? "Tracker \(onInvest[0]) is" : "Trackers \(onInvest.map(String.init).joined(separator: ", ")) are"
            trackers.push(.confirm(ConfirmDialog(
                title: "Undo", message: "Undo “\(step.label)”? \(noun) on Invest: undoing deletes \(onInvest.count == 1 ? "it" : "them") "
                    + "on Invest at the next push.",
                confirmLabel: "Undo", onConfirm: .trackers(.undoConfirmed(step)), onDecline: .show(Toast("Nothing was undone")))))
        case .redone(let step, let again):
            history.redone(as: again)
            reloadScreens()
            show("Redid: \(step.label)", .success)
        }
        return []
    }

    mutating func trackerRead(_ id: Int64, _ tracker: Tracker?, _ purpose: TrackerReadPurpose) {
        guard let tracker else {
            show("Tracker \(id) is gone: someone deleted it", .error)
            reloadScreens()
            return
        }
        switch purpose {
        case .edit:
            trackers.push(.tracker(TrackerDialog(editing: tracker)))
        case .reloadDialog:
            trackers.updateTop { modal in
                guard case .tracker(var dialog) = modal, dialog.trackerId == id else { return false }
                dialog.rebase(on: tracker)
                modal = .tracker(dialog)
                return true
            }
        }
    }

    mutating func performTrackers(_ intent: TrackersIntent) -> [AppCommand] {
        switch intent {
        case .openTracker(nil):
            trackers.push(.tracker(TrackerDialog(kind: clickTrackers.trackerKind)))
        case .openTracker(let id?):
            // A conflicting tracker opens on both versions, to choose one (click trackers: the
            // impression trackers are not synced).
            if sync.conflicts.contains(id) { return [.sync(.readConflict(id))] }
            return [.trackers(.readTracker(id, for: .edit))]
        case .openMoreActions:
            let toolbar = clickTrackers.layout(in: layout)
            trackers.push(.moreActions(MoreActionsMenu(availability: moreActionsAvailability, anchor: toolbar.moreActionsButton,
                                                       buttonLabel: toolbar.buttons.labels[1])))
        case .run(let action):
            return run(action)
        case .undo:
            if let writeBlocked { show("Undo: \(writeBlocked)", .error); return [] }
            guard let step = history.popUndo() else { show("Nothing to undo: no change made in this session"); return [] }
            if let blocked = step.blocked {
                // It stays on top: `u` never reaches past it to an older change.
                history.putBack(step)
                show("Undo: \(blocked)", .error)
                return []
            }
            return [.trackers(.undo(step, confirmed: false))]
        case .undoConfirmed(let step):
            if let writeBlocked { show("Undo: \(writeBlocked)", .error); return [] }
            // The step waited on top; anything else there means the history moved meanwhile.
            guard history.undoable.last == step, let step = history.popUndo() else { show("Nothing was undone: the history changed"); return [] }
            return [.trackers(.undo(step, confirmed: true))]
        case .redo:
            if let writeBlocked { show("Redo: \(writeBlocked)", .error); return [] }
            guard let step = history.popRedo() else { show("Nothing to redo"); return [] }
            return [.trackers(.redo(step))]
        case .delete(let ids):
            if let writeBlocked { show("Delete: \(writeBlocked)", .error); return [] }
            return [.trackers(.change(.delete, ids))]
        case .picked(let kind, let choice, let query):
            trackers.updateTop { modal in
                guard case .tracker(var dialog) = modal else { return false }
                dialog.apply(choice, from: kind, query: query)
                modal = .tracker(dialog)
                return true
            }
        case .saveTracker(let draft, let trackerId, let revision):
            if let writeBlocked {
                trackers.updateTop { modal in
                    guard case .tracker(var dialog) = modal else { return false }
                    dialog.showFailure(ClicktraxError.operational("Not saved: \(writeBlocked)"))
                    modal = .tracker(dialog)
                    return true
                }
                return []
            }
            if let trackerId, let revision { return [.trackers(.updateTracker(id: trackerId, draft, revision: revision))] }
            return [.trackers(.createTracker(draft))]
        case .reloadTrackerIntoDialog(let id):
            return [.trackers(.readTracker(id, for: .reloadDialog))]
        case .discardEdits:
            trackers.popTop(if: .tracker)
            show("Edits discarded")
        case .showTracker(let id):
            updateClickTrackers { screen in
                screen.follow(id)
                screen.reload() // the list made again puts the cursor on it
            }
            showScreen(.clickTrackers)
        }
        return []
    }

    /// Whether each More Action can run on the targets now, and why not: the menu's items, the
    /// screen's keys and `run` all ask this one place.
    var moreActionsAvailability: MoreActionsAvailability {
        MoreActionsAvailability(targets: clickTrackers.targets, undoLabel: history.undoable.last?.label,
                                undoBlocked: history.undoable.last?.blocked, redoLabel: history.redoable.last?.label, writeBlocked: writeBlocked, sync: sync, syncRun: syncRun,
                                kind: clickTrackers.trackerKind)
    }

    /// A More Action on the ticked trackers, or the current one.
    mutating func run(_ action: MoreAction) -> [AppCommand] {
        if let reason = moreActionsAvailability.disabledReason(action) { show(reason, .error); return [] }
        let targets = clickTrackers.targets
        switch action {
        case .undo: return performTrackers(.undo)
        case .redo: return performTrackers(.redo)
        case .pull, .push:
            let kind: SyncRun.Kind = action == .pull ? .pull : .push
            syncRun = SyncRun(kind: kind)
            return [.sync(.runSync(kind))]
        case .exportTags: return [.delivery(.readExportTrackers(targets, for: .dialog))]
        case .copyTags: return [.delivery(.readExportTrackers(targets, for: .copy))]
        case .delete:
            let kind = clickTrackers.trackerKind
            let noun = targets.count == 1 ? "\(kind.noun) \(targets[0])" : "\(targets.count) \(kind.noun)s"
            trackers.push(.confirm(ConfirmDialog(title: "Delete", message: "Delete \(noun)? The change log keeps them, and u undoes it.",
                                                 confirmLabel: "Delete", onConfirm: .trackers(.delete(targets)),
                                                 onDecline: .show(Toast("Nothing was deleted")))))
            return []
        case .takeInvests:
            return askToTakeInvests(targets)
        case .activate, .deactivate, .duplicate:
            return [.trackers(.change(action, targets))]
        }
    }
}
