import ClicktraxCore
import Foundation
import TerminalUI
@testable import ClicktraxApp

extension AppDriver {
    /// Connects the database (as a pull would) and makes the first tracker conflicting: changed
    /// here and on Invest; then reloads the screen (Ctrl-L) so it shows.
    func makeConflict(theirsName: String) throws {
        try connect()
        let mine = try require_(store.trackers(TrackerQuery()).first)
        var theirs = mine
        theirs.name = theirsName
        theirs.state = mine.state == .active ? .inactive : .active
        theirs.lastModified = "2026-12-01 10:00:00"
        try store.recordConflict(id: mine.id, theirs: theirs, reason: "changed here and on Invest")
        press(.ctrl("l"))
    }

    /// The database as after a first pull from member 958.
    func connect() throws {
        try store.saveInvestConnection(InvestConnection(api: "https://api.appnexus.com", username: "ops@example.com", memberId: 958,
                                                        memberName: "Demo Member", lastPull: "2026-12-01 09:30:00", mark: "2026-12-01 09:20:00"))
    }
}

/// `#require` for a helper outside a test: throws instead of recording.
func require_<T>(_ value: T?) throws -> T {
    guard let value else { throw ClicktraxError.operational("expected a value") }
    return value
}
