import ClicktraxCore
import Dispatch

/// Work off the loop's thread: its messages reach the loop through the inbox, which counts it
/// while it runs (so a test can wait for it to settle).
struct BackgroundWork: Sendable {
    let inbox: Inbox
    /// How its messages are marked (the impressions' work posts them as theirs).
    var mark: @Sendable (AppMessage) -> AppMessage = { $0 }

    /// Runs `work` on another thread; what it returns, or its error, is posted.
    func run(_ work: @escaping @Sendable () throws -> [AppMessage]) {
        let inbox = inbox
        let mark = mark
        inbox.started()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                for message in try work() { inbox.post(mark(message)) }
            } catch {
                inbox.post(mark(.failed(ClicktraxError.from(error))))
            }
            inbox.finished()
        }
    }
}

extension ClicktraxError {
    /// Any error as Clicktrax's, for a message the operator reads.
    static func from(_ error: Error) -> ClicktraxError {
        error as? ClicktraxError ?? .operational("\(error)")
    }
}
