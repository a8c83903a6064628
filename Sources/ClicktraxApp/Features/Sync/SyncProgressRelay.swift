import ClicktraxCore
import Foundation
import Synchronization

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
        if let snapshot { inbox.post(.sync(.syncProgress(snapshot))) }
    }
}
