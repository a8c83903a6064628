import ClicktraxCore
import Foundation

/// Pull and Push from the UI — the same `InvestSync` as the command line, on a task of their
/// own; progress reaches the loop through the inbox a few times a second, so input stays live
/// while they run — and the store's side of conflicts and taking Invest's copy.
struct SyncPerformer {
    /// `InvestSync` works on the whole store: a pull writes the catalog, the trackers and the
    /// sync state in one transaction. Conflicts and Invest's copies are of the store's kind of
    /// tracker (the Impression Trackers screen has a performer of its own).
    let store: any TrackerStore
    /// Makes Invest clients for Pull and Push; nil where the database has no file (tests).
    let invest: InvestSession?
    let inbox: Inbox

    func perform(_ command: SyncCommand) throws -> [AppMessage] {
        switch command {
        case .readSyncStatus:
            return [.sync(.syncStatusRead(try syncStatus(of: store.scoped(to: .click)),
                                          impressions: try syncStatus(of: store.scoped(to: .impression))))]
        case .runSync(let kind):
            runSync(kind)
            return []
        case .readConflict(let id):
            return [.sync(.conflictRead(id, try store.conflicts().first { $0.trackerId == id }))]
        case .resolveConflict(let id, let keepMine):
            try store.resolveConflict(id: id, keepMine: keepMine)
            return [.sync(.conflictResolved(id, keepMine: keepMine))]
        case .keepInvestsCopy(let ids):
            return [.sync(try keepInvestsCopies(ids))]
        }
    }

    func syncStatus(of store: any TrackerStore) throws -> SyncStatus {
        let connection = try store.investConnection()
        guard connection?.connected == true else { return SyncStatus(connection: connection) }
        var pending: [Int64: PendingChange.Action] = [:]
        for change in try store.pendingChanges() { pending[change.trackerId] = change.action }
        return SyncStatus(connection: connection, pending: pending, conflicts: Set(try store.conflicts().map(\.trackerId)))
    }

    func runSync(_ kind: SyncRun.Kind) {
        let inbox = inbox
        let store = store
        let invest = invest
        inbox.started()
        Task.detached {
            let progress = SyncProgressRelay(kind: kind, inbox: inbox)
            let outcome: SyncOutcome
            do {
                guard let invest else { throw InvestError.badSetting("this database has no file to keep an Invest token beside") }
                // The command line's routine, options and all (`[invest] advertisers`).
                let sync = InvestSync(session: invest, store: store, runBy: "the terminal UI", lockWait: 30, events: progress.events)
                switch kind {
                case .pull:
                    let summary = try await sync.pull()
                    let totals = progress.totals
                    outcome = .pulled(summary, pages: totals.pages, objects: totals.objects)
                case .push:
                    outcome = .pushed(try await sync.push())
                }
            } catch let error as InvestError {
                outcome = .failed(error.description)
            } catch {
                outcome = .failed("\(error)")
            }
            inbox.post(.sync(.syncFinished(kind, outcome)))
            inbox.finished()
        }
    }

    /// Take Invest's Copy on each tracker: what came back, what was removed (never pushed), as
    /// one undoable step. A tracker whose push is unsettled is named and left as it is.
    private func keepInvestsCopies(_ ids: [Int64]) throws -> SyncMessage {
        var restored: [Int64] = []
        var removed: [Int64] = []
        var refused: [String] = []
        var changes: [Int64] = []
        for id in ids {
            do {
                let kept = try store.keepInvestsCopy(id: id, removingUnpushed: true)
                switch kept.outcome {
                case .restored: restored.append(id)
                case .removed: removed.append(id)
                case .needsAgreement: break // removingUnpushed: true never asks
                }
                changes += kept.changes
            } catch {
                refused.append(ClicktraxError.from(error).description)
            }
        }
        let done = restored + removed
        guard !done.isEmpty else { throw ClicktraxError.badInput(refused.first ?? "Take Invest's Copy: nothing waited for Invest") }
        let kind = store.trackerKind
        func noun(_ ids: [Int64]) -> String { ids.count == 1 ? "\(kind.shortNoun) \(ids[0])" : "\(ids.count) \(kind == .click ? "trackers" : kind.plural)" }
        var parts: [String] = []
        if !restored.isEmpty { parts.append("took Invest's copy of \(noun(restored))") }
        if !removed.isEmpty { parts.append("removed \(noun(removed)) never pushed") }
        let text = parts.joined(separator: "; ") + (refused.isEmpty ? "" : "; \(refused[0])")
        return .investsCopyTaken(message: text.prefix(1).uppercased() + text.dropFirst(), removed: removed,
                                 UndoStep("Take Invest's copy of \(noun(done))", changes: changes))
    }
}
