import ClicktraxCore
import Dispatch
import Foundation
import TerminalUI

/// Performs `AppCommand`s against the store and the services, and says what happened as
/// messages: quick ones at once, on the loop's thread (the next frame shows them), slow ones
/// (an import, the filter's texts, the search index, the watch for others' changes) on another
/// thread, their messages posted to the inbox. The terminal's own commands (redraw, suspend,
/// quit) are the loop's.
public final class CommandRunner {
    let store: any TrackerStore
    let services: AppServices
    /// Makes Invest clients for Pull and Push; nil where the database has no file (tests).
    let invest: InvestSession?
    public let inbox: Inbox
    private var importCancellation: ImportCancellation?
    /// The clipboard or mail helper running in the background, to stop on Esc.
    private var helperCancellation: CancelFlag?
    private var watching = false
    static let lastExportKey = "export.last-options"

    public init(store: any TrackerStore, services: AppServices, invest: InvestSession? = nil, inbox: Inbox = Inbox()) {
        self.store = store
        self.services = services
        self.invest = invest
        self.inbox = inbox
    }

    /// Performs one command; the messages it produced now (background results come later).
    public func perform(_ command: AppCommand) -> [AppMessage] {
        do {
            return try attempt(command)
        } catch {
            return [.failed(Self.clicktraxError(error))]
        }
    }

    static func clicktraxError(_ error: Error) -> ClicktraxError {
        error as? ClicktraxError ?? .operational("\(error)")
    }

    private func attempt(_ command: AppCommand) throws -> [AppMessage] {
        switch command {
        case .countTrackers:
            let total = try store.trackerCount(TrackerQuery())
            return [.trackersCounted(total: total, databaseEmpty: try total == 0 && store.isEmpty())]
        case .readTrackerIDs(let query):
            return [.trackerIDsRead(query, try store.trackerIDs(query))]
        case .readTrackers(let ids, let page):
            return [.trackersRead(page: page, try store.trackers(ids: ids))]
        case .readFirstTrackers(let query, let limit):
            var first = query
            first.limit = limit
            return [.firstTrackersRead(query, try store.trackers(first))]
        case .readTracker(let id, let purpose):
            return [.trackerRead(id, try store.tracker(id: id), for: purpose)]
        case .searchPicker(let kind, let term, let advertiser):
            return [.pickerResults(kind, term: term, advertiser: advertiser, PickerSearch(catalog: store).results(kind, term, advertiser: advertiser))]
        case .readExportOptions:
            let json = try store.preference(Self.lastExportKey)
            // Options kept by an older version that no longer decode: the defaults, as on a first export.
            return [.exportOptionsRead(json.flatMap { try? JSONDecoder().decode(TagOptions.self, from: Data($0.utf8)) })]
        case .completePath(let typed):
            return [.pathCompleted(typed: typed, PathCompletion.complete(typed, home: services.home,
                                                                        currentDirectory: services.currentDirectory))]
        case .readExportTrackers(let ids, let purpose):
            return [.exportTrackersRead(try store.trackers(ids: ids), for: purpose)]

        case .readFilterIndex(let generation, let order):
            // nil: the filter runs through the store instead (slower, never wrong) — `filterFailed`.
            background { [store] in
                var index = try? store.trackerFilterIndex()
                // The list's rows worked out here, not on the first keystroke.
                index?.prepare(for: order)
                return [.filterIndexRead(generation: generation, index)]
            }
            return []
        case .prepareSearch:
            // A failure only leaves searching slower (it scans), so it is not reported.
            background { [store] in _ = try? store.prepareSearch(); return [] }
            return []
        case .importFiles(let path):
            return startImport(path)
        case .cancelImport:
            importCancellation?.cancel()
            return []
        case .watchDatabase:
            watch()
            return []
        case .readSyncStatus:
            return [.syncStatusRead(try syncStatus())]
        case .runSync(let kind):
            runSync(kind)
            return []
        case .readConflict(let id):
            return [.conflictRead(id, try store.conflicts().first { $0.trackerId == id })]
        case .runReport(let query):
            background { [store] in
                let report = try store.clickReport(query)
                return [.reportRead(query, report, ReportOrders(report))]
            }
            return []
        case .readClickActivity(let generation):
            // nil: the Clicks column stays blank; the Reports screen tells the same store's error itself.
            background { [store] in [.clickActivityRead(generation: generation, try? store.clickActivity(days: ClickTrackersScreen.activityDays))] }
            return []
        case .resolveConflict(let id, let keepMine):
            try store.resolveConflict(id: id, keepMine: keepMine)
            return [.conflictResolved(id, keepMine: keepMine)]
        case .keepInvestsCopy(let ids):
            return [try keepInvestsCopies(ids)]

        case .createTracker(let draft):
            do {
                let saved = try store.createTracker(draft, id: nil)
                return [.trackerSaved(saved, created: true, try step("Create tracker \(saved.id)", [saved.id]))]
            } catch {
                return [.trackerSaveFailed(Self.clicktraxError(error))]
            }
        case .updateTracker(let id, let draft, let revision):
            do {
                let saved = try store.updateTracker(id: id, with: draft, expectedRevision: revision)
                return [.trackerSaved(saved, created: false, try step("Edit tracker \(id)", [id]))]
            } catch {
                return [.trackerSaveFailed(Self.clicktraxError(error))]
            }
        case .change(let command, let ids):
            return [try change(command, ids)]
        case .undo(let step, let confirmed):
            if !confirmed {
                let onInvest = try store.investCopies(createdBy: step.changes)
                if !onInvest.isEmpty { return [.undoAsks(step, onInvest: onInvest)] }
            }
            let revert = try revert(step)
            return [.undone(step, revert: UndoStep(step.label, changes: revert))]
        case .redo(let step):
            let again = try revert(step)
            return [.redone(step, again: UndoStep(step.label, changes: again))]
        case .rememberExportOptions(let options):
            // Encoding a struct of strings and flags cannot fail.
            if let json = try? JSONEncoder().encode(options) {
                try store.setPreference(Self.lastExportKey, String(decoding: json, as: UTF8.self))
            }
            return []
        case .loadDemo:
            var summary = DemoCatalog.Summary()
            try store.load(bulk: false) { summary = try DemoCatalog().fill($0) }
            return [.demoLoaded(summary)]

        case .copy(let export):
            let pending = try services.copy(export.text)
            guard let helper = pending.helper?.first else { return [.copied(export, destination: pending.sentOnlyToTheTerminal)] }
            // The helper may take up to its timeout: never on the loop, and Esc stops it.
            let cancellation = CancelFlag()
            helperCancellation = cancellation
            background {
                do {
                    return [.copied(export, destination: try pending.finish(cancelled: { cancellation.isCancelled }))]
                } catch {
                    return [.copyFailed(CommandRunner.clicktraxError(error).description)]
                }
            }
            return [.helperStarted("Copying with \(helper)… (the terminal's clipboard has the tags already)")]
        case .cancelHelper:
            helperCancellation?.cancel()
            return []
        case .saveFile(let text, let path, let replacing):
            let absolute = services.absolute(path)
            if !replacing && services.fileExists(absolute) { return [.fileExists(path: absolute)] }
            do {
                try services.writeFile(text, absolute)
                return [.saved(path: absolute)]
            } catch {
                return [.saveFailed("\(error)")]
            }
        case .email(let export, let recipients):
            // The mail command may take up to its timeout: in the background, and Esc stops it
            // (the message then waits in the outbox, as after any failed send).
            let cancellation = CancelFlag()
            helperCancellation = cancellation
            let mail = services.mail
            background {
                do {
                    return [.mailed(try mail(export, recipients, cancellation), recipients: recipients)]
                } catch {
                    return [.mailFailed(CommandRunner.clicktraxError(error).description)]
                }
            }
            return [.helperStarted("Sending the email…")]
        case .suspend:
            services.suspend()
            return []
        case .redraw, .quit:
            return []
        }
    }

    /// The newest change-log entry of each tracker just changed: one undoable step.
    private func step(_ label: String, _ ids: [Int64]) throws -> UndoStep {
        UndoStep(label, changes: try ids.compactMap { try store.changes(trackerId: $0, limit: 1).first?.sequence })
    }

    /// Reverts a step's changes, newest first; returns the entries that did it (to revert in turn).
    private func revert(_ step: UndoStep) throws -> [Int64] {
        var reverts: [Int64] = []
        for sequence in step.changes.reversed() {
            reverts.append(try store.undo(change: sequence).sequence)
        }
        return reverts
    }

    private func change(_ command: TrackerCommand, _ ids: [Int64]) throws -> AppMessage {
        let noun = ids.count == 1 ? "tracker \(ids[0])" : "\(ids.count) trackers"
        switch command {
        case .activate, .deactivate:
            let state: ObjectState = command == .activate ? .active : .inactive
            let before = try store.trackers(ids: ids)
            let changed = before.filter { $0.state != state }.map(\.id)
            _ = try store.setState(state, trackerIds: ids)
            let what = changed.count == 1 ? "tracker \(changed[0])" : "\(changed.count) trackers"
            let text = changed.isEmpty ? "\(noun.prefix(1).uppercased() + noun.dropFirst()) already \(state.rawValue)" : "\(command.label)d \(what)"
            return .trackersChanged(command, ids, message: text, focus: nil,
                                    changed.isEmpty ? nil : try step("\(command.label) \(what)", changed))
        case .duplicate:
            let copies = try store.duplicateTrackers(ids: ids)
            let made = copies.map { String($0.id) }.joined(separator: ", ")
            return .trackersChanged(command, ids, message: "Duplicated \(noun) as \(made)", focus: copies.last?.id,
                                    try step("Duplicate \(noun) as \(made)", copies.map(\.id)))
        case .delete:
            // The log entries of the deletes are written with them: read them before the rows go.
            _ = try store.deleteTrackers(ids: ids)
            return .trackersChanged(command, ids, message: "Deleted \(noun) — u undoes it", focus: nil, try step("Delete \(noun)", ids))
        case .exportTags, .copyTags, .undo, .redo, .pull, .push, .takeInvests:
            throw ClicktraxError.badInput("\(command.plainLabel) is not a change")
        }
    }

    /// Take Invest's Copy on each tracker: what came back, what was removed (never pushed), as
    /// one undoable step. A tracker whose push is unsettled is named and left as it is.
    private func keepInvestsCopies(_ ids: [Int64]) throws -> AppMessage {
        var restored: [Int64] = []
        var removed: [Int64] = []
        var refused: [String] = []
        for id in ids {
            do {
                switch try store.keepInvestsCopy(id: id, removingUnpushed: true) {
                case .restored: restored.append(id)
                case .removed: removed.append(id)
                case .needsAgreement: break // removingUnpushed: true never asks
                }
            } catch {
                refused.append(Self.clicktraxError(error).description)
            }
        }
        let done = restored + removed
        guard !done.isEmpty else { throw ClicktraxError.badInput(refused.first ?? "Take Invest's Copy: nothing waited for Invest") }
        func noun(_ ids: [Int64]) -> String { ids.count == 1 ? "tracker \(ids[0])" : "\(ids.count) trackers" }
        var parts: [String] = []
        if !restored.isEmpty { parts.append("took Invest's copy of \(noun(restored))") }
        if !removed.isEmpty { parts.append("removed \(noun(removed)) never pushed") }
        let text = parts.joined(separator: "; ") + (refused.isEmpty ? "" : "; \(refused[0])")
        return .trackersChanged(.takeInvests, removed, message: text.prefix(1).uppercased() + text.dropFirst(), focus: nil,
                                try step("Take Invest's copy of \(noun(done))", done))
    }

    // MARK: Background

    /// Runs `work` on another thread; its messages reach the loop through the inbox.
    func background(_ work: @escaping @Sendable () throws -> [AppMessage]) {
        let inbox = inbox
        inbox.started()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                for message in try work() { inbox.post(message) }
            } catch {
                inbox.post(.failed(CommandRunner.clicktraxError(error)))
            }
            inbox.finished()
        }
    }

    /// The files to import are found here, at once (a wrong path goes back to the prompt);
    /// the import itself runs in the background, one transaction, cancellable.
    private func startImport(_ path: String) -> [AppMessage] {
        let expanded = services.absolute(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
            return [.importFinished(.badPath("no such file or folder: \(expanded)"))]
        }
        var files = [expanded]
        if isFolder.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: expanded) else {
                return [.importFinished(.badPath("cannot read the folder \(expanded) (permissions?)"))]
            }
            files = names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }.sorted().map { expanded + "/" + $0 }
            guard !files.isEmpty else { return [.importFinished(.badPath("no .json or .csv files in \(expanded)"))] }
        }
        let cancellation = ImportCancellation()
        importCancellation = cancellation
        let inbox = inbox
        background { [store, files] in
            do {
                let summary = try Importer().run(files, into: store, dryRun: false, cancellation: cancellation) { done, total, records in
                    inbox.post(.importProgress(filesDone: done, files: total, records: records))
                }
                return [.importFinished(.imported(files: summary.files, lines: summary.lines))]
            } catch is ImportCancellation.Cancelled {
                return [.importFinished(.cancelled)]
            } catch let failure as ImportFailure {
                return [.importFinished(.refused(failure.description.split(separator: "\n").map(String.init)))]
            } catch {
                return [.importFinished(.failed("\(error)"))]
            }
        }
        return [.importStarted(files: files.count)]
    }

    /// Every second, whether another process changed the database; until the loop ends.
    private func watch() {
        guard !watching else { return }
        watching = true
        let inbox = inbox
        let store = store
        // The starting point is read here, before what the screen shows was read: a change
        // made in between is then seen as one.
        // A counter that cannot be read (the database busy a moment) is asked again next second.
        let first = try? store.changeCounter()
        Thread.detachNewThread {
            var last = first
            while !inbox.isClosed {
                Thread.sleep(forTimeInterval: 1)
                guard !inbox.isClosed, let now = try? store.changeCounter() else { continue }
                if let previous = last, now != previous { inbox.post(.databaseChanged) }
                last = now
            }
        }
    }
}
