import ClicktraxCore
import Foundation

/// Every second, whether another process changed the database; until the loop ends.
final class DatabaseWatch {
    let store: any ChangeLog
    let inbox: Inbox
    private var watching = false

    init(store: any ChangeLog, inbox: Inbox) {
        self.store = store
        self.inbox = inbox
    }

    func start() {
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
