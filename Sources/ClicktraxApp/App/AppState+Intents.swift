import ClicktraxCore
import TerminalUI

extension AppState {
    /// Why a change cannot be made now, if it cannot: an import holds the database.
    var writeBlocked: String? {
        importing == nil ? nil : "an import is running: wait for it, or Esc cancels it"
    }

    /// Turns what a screen or dialog asked for into dialogs and commands: the one place.
    mutating func perform(_ intent: AppIntent) -> [AppCommand] {
        switch intent {
        case .openTracker(nil):
            push(.tracker(TrackerDialog()))
        case .openTracker(let id?):
            // A conflicting tracker opens on both versions, to choose one.
            if sync.conflicts.contains(id) { return [.readConflict(id)] }
            return [.readTracker(id, for: .edit)]
        case .openMoreActions:
            let toolbar = clickTrackers.layout(in: layout)
            push(.moreActions(MoreActionsMenu(targetCount: clickTrackers.targets.count, undoLabel: history.undoable.last?.label,
                                              redoLabel: history.redoable.last?.label, anchor: toolbar.moreActionsButton,
                                              buttonLabel: toolbar.buttons.labels[1], pullBlocked: syncBlocked(.pull),
                                              pushBlocked: syncBlocked(.push), takeInvestsBlocked: takeInvestsBlocked)))
        case .openHelp:
            push(.help(HelpOverlay(sections: KeyBindingsDocument.sections)))
        case .openImport:
            if let writeBlocked { show("Import: \(writeBlocked)", .error); return [] }
            push(.path(.importFiles()))
        case .run(let command):
            return run(command)
        case .undo:
            if let writeBlocked { show("Undo: \(writeBlocked)", .error); return [] }
            guard let step = history.popUndo() else { show("Nothing to undo: no change made in this session"); return [] }
            return [.undo(step, confirmed: false)]
        case .redo:
            if let writeBlocked { show("Redo: \(writeBlocked)", .error); return [] }
            guard let step = history.popRedo() else { show("Nothing to redo"); return [] }
            return [.redo(step)]
        case .confirmed(let purpose):
            return confirmed(purpose)
        case .declined(let purpose):
            if case .delete = purpose { show("Nothing was deleted") }
            if case .overwrite(_, let path) = purpose { show("Not saved: \(path) is kept as it was") }
            if case .undoPushedCreate = purpose { show("Nothing was undone") }
            if case .takeInvests = purpose { show("Nothing was changed: the changes made here still wait for the next push") }
        case .picked(let kind, let choice, let query):
            updateTop { modal in
                guard case .tracker(var dialog) = modal else { return false }
                dialog.apply(choice, from: kind, query: query)
                modal = .tracker(dialog)
                return true
            }
        case .saveTracker(let draft, let trackerId, let revision):
            if let writeBlocked {
                updateTop { modal in
                    guard case .tracker(var dialog) = modal else { return false }
                    dialog.showFailure(ClicktraxError.operational("Not saved: \(writeBlocked)"))
                    modal = .tracker(dialog)
                    return true
                }
                return []
            }
            if let trackerId, let revision { return [.updateTracker(id: trackerId, draft, revision: revision)] }
            return [.createTracker(draft)]
        case .reloadTrackerIntoDialog(let id):
            return [.readTracker(id, for: .reloadDialog)]
        case .deliver(let request, let trackers):
            return deliver(request, trackers: trackers)
        case .copy(let export):
            return [.copy(export)]
        case .saveTags(let export, let path):
            return [.saveFile(export.text, path: path, replacing: false)]
        case .importPath(let path):
            if let writeBlocked { show("Import: \(writeBlocked)", .error); return [] }
            return [.importFiles(path: path)]
        case .completePath(let typed):
            return [.completePath(typed)]
        case .loadDemo:
            if let writeBlocked { show("Demo: \(writeBlocked)", .error); return [] }
            return [.loadDemo]
        case .resolveConflict(let id, let keepMine):
            if let writeBlocked { show("Resolve: \(writeBlocked)", .error); return [] }
            return [.resolveConflict(id, keepMine: keepMine)]
        case .show(let toast):
            self.toast = toast
        case .showScreen(let kind):
            showScreen(kind)
        case .showTracker(let id):
            updateClickTrackers { screen in
                screen.follow(id)
                screen.reload() // the list made again puts the cursor on it
            }
            showScreen(.clickTrackers)
        case .reload:
            reloadScreens()
            return [.redraw]
        case .suspend:
            return [.suspend]
        case .askToQuit:
            // "Everything is saved" would be untrue over a tracker dialog with typing in it.
            let editing = modals.contains { if case .tracker(let dialog) = $0 { dialog.isDirty } else { false } }
            let message = editing ? "Quit Clicktrax? The tracker you are editing is not saved: what you typed is lost."
                                  : "Quit Clicktrax? Everything is saved."
            push(.confirm(ConfirmDialog(title: "Quit", message: message, confirmLabel: "Quit", purpose: .quit)))
        case .quit:
            return [.quit]
        }
        return []
    }

    /// A More Action on the ticked trackers, or the current one.
    mutating func run(_ command: TrackerCommand) -> [AppCommand] {
        if command == .undo { return perform(.undo) }
        if command == .redo { return perform(.redo) }
        if command.isSync {
            let kind: SyncRun.Kind = command == .pull ? .pull : .push
            if let reason = syncBlocked(kind) { show(reason, .error); return [] }
            syncRun = SyncRun(kind: kind)
            return [.runSync(kind)]
        }
        let targets = clickTrackers.targets
        guard !targets.isEmpty else {
            show("\(command.plainLabel): tick a tracker or move to one first", .error)
            return []
        }
        switch command {
        case .exportTags: return [.readExportTrackers(targets, for: .dialog)]
        case .copyTags: return [.readExportTrackers(targets, for: .copy)]
        case .delete:
            if let writeBlocked { show("Delete: \(writeBlocked)", .error); return [] }
            let noun = targets.count == 1 ? "click tracker \(targets[0])" : "\(targets.count) click trackers"
            push(.confirm(ConfirmDialog(title: "Delete", message: "Delete \(noun)? The change log keeps them, and u undoes it.",
                                        confirmLabel: "Delete", purpose: .delete(targets))))
            return []
        case .takeInvests:
            if let reason = takeInvestsBlocked { show(reason, .error); return [] }
            let waiting = targets.filter(sync.waitsForInvest)
            let unpushed = waiting.filter { sync.pending[$0] == .create }
            let noun = waiting.count == 1 ? "tracker \(waiting[0])" : "\(waiting.count) trackers"
            var message = "Drop the changes made here to \(noun) and take Invest's copy?"
            if !unpushed.isEmpty {
                let those = unpushed.count == 1 ? "Tracker \(unpushed[0]) was" : "\(unpushed.count) of them were"
                message += " \(those) never pushed: Invest has no copy, so \(unpushed.count == 1 ? "it is" : "they are") removed."
            }
            push(.confirm(ConfirmDialog(title: "Take Invest's Copy", message: message + " u undoes it.", confirmLabel: "Take Invest's",
                                        purpose: .takeInvests(waiting))))
            return []
        case .activate, .deactivate, .duplicate:
            if let writeBlocked { show("\(command.plainLabel): \(writeBlocked)", .error); return [] }
            return [.change(command, targets)]
        case .undo, .redo, .pull, .push:
            return []
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

    mutating func confirmed(_ purpose: ConfirmPurpose) -> [AppCommand] {
        switch purpose {
        case .delete(let ids):
            if let writeBlocked { show("Delete: \(writeBlocked)", .error); return [] }
            return [.change(.delete, ids)]
        case .discardEdits:
            popTop(if: .tracker)
            show("Edits discarded")
        case .overwrite(let export, let path):
            return [.saveFile(export.text, path: path, replacing: true)]
        case .quit:
            return [.quit]
        case .undoPushedCreate(let step):
            if let writeBlocked { show("Undo: \(writeBlocked)", .error); return [] }
            // The step waited on top; anything else there means the history moved meanwhile.
            guard history.undoable.last == step, let step = history.popUndo() else { show("Nothing was undone: the history changed"); return [] }
            return [.undo(step, confirmed: true)]
        case .takeInvests(let ids):
            if let writeBlocked { show("Take Invest's Copy: \(writeBlocked)", .error); return [] }
            return [.keepInvestsCopy(ids)]
        }
        return []
    }

    /// Why Take Invest's Copy cannot run on the targets, if it cannot.
    var takeInvestsBlocked: String? {
        if let writeBlocked { return "Take Invest's Copy: \(writeBlocked)" }
        guard sync.connected else { return "Take Invest's Copy: this database is not connected to Invest" }
        let targets = clickTrackers.targets
        if targets.isEmpty { return "Take Invest's Copy: tick a tracker or move to one first" }
        if !targets.contains(where: sync.waitsForInvest) {
            return "Take Invest's Copy: \(targets.count == 1 ? "this tracker is" : "the ticked trackers are") as Invest has \(targets.count == 1 ? "it" : "them") (nothing pending, refused or conflicting)"
        }
        return nil
    }

    /// Generate now: the tags replace the dialog. By mail: the message goes, and the dialog
    /// stays until it went (or says why it did not). Either way the options are remembered.
    mutating func deliver(_ request: ExportDialog.Request, trackers: [ClickTracker]) -> [AppCommand] {
        let options: TagOptions
        switch request {
        case .generateNow(let chosen), .email(let chosen, _): options = chosen
        }
        exportOptions = options
        let remember: [AppCommand] = writeBlocked == nil ? [.rememberExportOptions(options)] : []
        do {
            let export = try TagExport.make(trackers, options: options)
            switch request {
            case .generateNow:
                updateTop { modal in
                    guard case .export = modal else { return false }
                    modal = .result(ExportResultView(export: export))
                    return true
                }
                return remember
            case .email(_, let recipients):
                return remember + [.email(export, recipients)]
            }
        } catch {
            showInExportDialog("\(error)")
            return remember
        }
    }

    mutating func showInExportDialog(_ text: String) {
        updateTop { modal in
            guard case .export(var dialog) = modal else { return false }
            dialog.show(text)
            modal = .export(dialog)
            return true
        }
    }
}
