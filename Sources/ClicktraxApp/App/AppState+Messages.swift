import ClicktraxCore
import TerminalUI

extension AppState {
    /// What a message changes; the commands it leads to.
    mutating func reduce(_ message: AppMessage) -> [AppCommand] {
        switch message {
        case .event(let event):
            return handle(event)
        case .tick:
            if var toast {
                toast.remainingTicks -= 1
                self.toast = toast.remainingTicks > 0 ? toast : nil
            }
        case .trackersCounted, .trackerIDsRead, .trackersRead, .firstTrackersRead, .filterIndexRead:
            updateClickTrackers { _ = $0.receive(message) }
        case .trackerRead(let id, let tracker, let purpose):
            trackerRead(id, tracker, purpose)
        case .reportRead(let query, let report, let orders):
            updateReports { $0.receive(query, report, orders) }
        case .clickActivityRead:
            updateClickTrackers { _ = $0.receive(message) }
        case .syncStatusRead(let status):
            sync = status
            updateClickTrackers { $0.sync = status }
        case .conflictRead(let id, let conflict):
            guard let conflict else { return [.readTracker(id, for: .edit)] }
            push(.conflict(ConflictDialog(conflict: conflict)))
        case .conflictResolved(let id, let keepMine):
            reloadScreens()
            show(keepMine ? "Tracker \(id): kept this database's version; Push sends it" : "Tracker \(id): took Invest's version", .success)
        case .syncProgress(let run):
            if syncRun?.kind == run.kind { syncRun = run }
        case .syncFinished(let kind, let outcome):
            syncRun = nil
            if case .pushed(let results) = outcome {
                // Trackers made here now carry Invest's ids, and so do the labels of their steps.
                var ids: [Int64: Int64] = [:]
                for result in results { if let investId = result.investId, investId != result.trackerId { ids[result.trackerId] = investId } }
                history.renumber(ids)
            }
            reloadScreens()
            push(.message(SyncReport.dialog(kind, outcome)))
        case .pickerResults(let kind, let term, let advertiser, let results):
            for index in modals.indices {
                guard case .picker(var picker) = modals[index], picker.kind == kind else { continue }
                picker.receive(term: term, advertiser: advertiser, results)
                modals[index] = .picker(picker)
            }
        case .pathCompleted(let typed, let completion):
            updateTop { modal in
                guard case .path(var prompt) = modal, prompt.path.text == typed else { return false }
                prompt.complete(completion)
                modal = .path(prompt)
                return true
            }
        case .exportOptionsRead(let options):
            exportOptions = options ?? tagDefaults
        case .exportTrackersRead(let trackers, let purpose):
            guard !trackers.isEmpty else { show("Those trackers are gone: someone deleted them", .error); reloadScreens(); return [] }
            switch purpose {
            case .dialog:
                push(.export(ExportDialog(trackers: trackers, options: exportOptions)))
            case .copy:
                do {
                    return [.copy(try TagExport.make(trackers, options: exportOptions))]
                } catch {
                    show("Copy Tags: \(error)", .error)
                }
            }
        case .trackerSaved(let tracker, let created, let step):
            popTop(if: .tracker)
            history.record(step)
            reloadScreens()
            updateClickTrackers { $0.follow(tracker.id) }
            show("\(created ? "Created" : "Saved") click tracker \(tracker.id) “\(tracker.name)”", .success)
        case .trackerSaveFailed(let error):
            updateTop { modal in
                guard case .tracker(var dialog) = modal else { return false }
                dialog.showFailure(error)
                modal = .tracker(dialog)
                return true
            }
        case .trackersChanged(let command, let ids, let text, let focus, let step):
            if let step { history.record(step) }
            if command == .delete || command == .takeInvests { updateClickTrackers { $0.forget(ids) } }
            reloadScreens()
            if let focus { updateClickTrackers { $0.follow(focus) } }
            show(text, .success)
        case .undone(let step, let revert):
            history.undone(as: revert)
            reloadScreens()
            show("Undid: \(step.label) — Ctrl-R redoes it", .success)
        case .undoAsks(let step, let onInvest):
            // Not undone yet: the step waits on top of the history for the answer.
            history.putBack(step)
            let noun = onInvest.count == 1 ? "Tracker \(onInvest[0]) is" : "Trackers \(onInvest.map(String.init).joined(separator: ", ")) are"
            push(.confirm(ConfirmDialog(title: "Undo", message: "Undo “\(step.label)”? \(noun) on Invest: undoing deletes "
                                                                + "\(onInvest.count == 1 ? "it" : "them") on Invest at the next push.",
                                        confirmLabel: "Undo", purpose: .undoPushedCreate(step))))
        case .redone(let step, let again):
            history.redone(as: again)
            reloadScreens()
            show("Redid: \(step.label)", .success)
        case .demoLoaded(let summary):
            reloadScreens()
            show("Loaded the demo catalog: \(summary.lineItems) line items, \(summary.publishers) publishers, \(summary.trackers) click trackers",
                 .success)
            return [.prepareSearch]
        case .importStarted(let files):
            popTop(if: .path)
            importing = (0, files, 0)
        case .importProgress(let done, let files, let records):
            if importing != nil { importing = (done, files, records) }
        case .importFinished(let outcome):
            return importFinished(outcome)
        case .databaseChanged:
            // Another process changed the database: what is shown is read again.
            reloadScreens()
        case .helperStarted(let what):
            helperRunning = what
        case .copyFailed(let text):
            helperRunning = nil
            show(text, .error)
        case .copied(let export, let destination):
            helperRunning = nil
            let count = export.trackers.count
            let warning = export.warnings.first.map { " — warning: \($0)" } ?? ""
            show("Copied \(count) tag\(count == 1 ? "" : "s") (\(export.options.type.label)): \(destination)\(warning)",
                 export.warnings.isEmpty ? .success : .info)
        case .saved(let path):
            popTop(if: .path)
            show("Saved the tags to \(path)", .success)
        case .fileExists(let path):
            guard case .path(let prompt)? = modals.last, case .saveTags(let export) = prompt.purpose else { return [] }
            push(.confirm(ConfirmDialog(title: "Replace the file?", message: "\(path) is there already. Replace it with these tags?",
                                        confirmLabel: "Replace", purpose: .overwrite(export, path: path))))
        case .saveFailed(let text):
            if !updateTop({ modal in
                guard case .path(var prompt) = modal else { return false }
                prompt.show(text)
                modal = .path(prompt)
                return true
            }) {
                show(text, .error)
            }
        case .mailed(let outcome, let recipients):
            helperRunning = nil
            popTop(if: .export)
            switch outcome {
            case .sent(let command):
                show("Sent to \(recipients.joined(separator: ", ")) through \(command)", .success)
            case .savedToOutbox(let path):
                push(.message(MessageDialog(title: "Not sent: saved to the outbox", lines: [
                    "No mail command is configured and there is no sendmail, so nothing was sent.",
                    "The message is saved, whole, as:", path,
                    "Send it from there, or set [email] command in the configuration.",
                ], isError: true)))
            }
        case .mailFailed(let text):
            helperRunning = nil
            showInExportDialog(text)
        case .failed(let error):
            if case .notFound = error { reloadScreens() }
            show("\(error)", .error)
        }
        return []
    }

    mutating func trackerRead(_ id: Int64, _ tracker: ClickTracker?, _ purpose: TrackerReadPurpose) {
        guard let tracker else {
            show("Tracker \(id) is gone: someone deleted it", .error)
            reloadScreens()
            return
        }
        switch purpose {
        case .edit:
            push(.tracker(TrackerDialog(editing: tracker)))
        case .reloadDialog:
            updateTop { modal in
                guard case .tracker(var dialog) = modal, dialog.trackerId == id else { return false }
                dialog.rebase(on: tracker)
                modal = .tracker(dialog)
                return true
            }
        }
    }

    mutating func importFinished(_ outcome: ImportOutcome) -> [AppCommand] {
        if case .badPath(let text) = outcome {
            updateTop { modal in
                guard case .path(var prompt) = modal else { return false }
                prompt.show(text)
                modal = .path(prompt)
                return true
            }
            return []
        }
        importing = nil
        switch outcome {
        case .imported(let files, let lines):
            reloadScreens()
            push(.message(MessageDialog(title: "Imported \(files) file\(files == 1 ? "" : "s")",
                                        lines: lines.isEmpty ? ["The files hold no objects."] : lines)))
            return [.prepareSearch]
        case .refused(let lines):
            push(.message(MessageDialog(title: "Import refused: nothing was written", lines: lines, isError: true)))
        case .failed(let text):
            push(.message(MessageDialog(title: "Import failed: nothing was written", lines: [text], isError: true)))
        case .cancelled:
            show("Import cancelled: nothing was written", .info)
        case .badPath:
            break
        }
        return []
    }
}
