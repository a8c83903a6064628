import ClicktraxCore
import Foundation
import Synchronization

/// Pull and Push from the UI: the same `InvestPull` and `InvestPush` as the command line, on a
/// task of their own; progress reaches the loop through the inbox a few times a second, so
/// input stays live while they run.
extension CommandRunner {
    func syncStatus() throws -> SyncStatus {
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
            inbox.post(.syncFinished(kind, outcome))
            inbox.finished()
        }
    }
}

/// Counts a run's events and posts its progress at most five times a second.
final class SyncProgressRelay: Sendable {
    private let run: Mutex<(state: SyncRun, posted: Date)>
    private let inbox: Inbox

    init(kind: SyncRun.Kind, inbox: Inbox) {
        run = Mutex((SyncRun(kind: kind), .distantPast))
        self.inbox = inbox
    }

    var events: @Sendable (InvestEvent) -> Void { { [self] in handle($0) } }

    var totals: (pages: Int, objects: Int) { run.withLock { ($0.state.pages, $0.state.objects) } }

    private func handle(_ event: InvestEvent) {
        let snapshot: SyncRun? = run.withLock { run in
            switch event {
            case .page(_, let objects):
                run.state.pages += 1
                run.state.objects += objects
            case .listSized(_, let pages): run.state.expectedPages += pages
            case .waiting(let seconds, let why):
                run.state.waited += seconds
                run.state.note = "\(why): waiting \(Int(seconds.rounded(.up))) s"
            case .loggedInAgain: run.state.note = "the session had expired: logged in again"
            case .note(let text): run.state.note = text
            }
            let now = Date()
            guard now.timeIntervalSince(run.posted) >= 0.2 else { return nil }
            run.posted = now
            return run.state
        }
        if let snapshot { inbox.post(.syncProgress(snapshot)) }
    }
}
