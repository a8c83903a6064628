import ClicktraxCore
import Foundation
import Synchronization
import TerminalUI
import TextTools

/// The progress of a pull or push on stderr: on a terminal one line redrawn in place
/// (`pages 1,234/10,000 · 123,400 objects · waited 3 s`), elsewhere only the waits and notes,
/// one line each, so a log shows why a run took long.
final class InvestProgressLine: Sendable {
    struct Counts {
        var pages = 0
        var expectedPages = 0
        var objects = 0
        var waited = 0.0
        var lastDraw = Date.distantPast
        var drawn = false
    }

    private let counts = Mutex(Counts())
    private let terminal = isatty(STDERR_FILENO) == 1
    let started = Date()

    var events: @Sendable (InvestEvent) -> Void { { [self] event in handle(event) } }

    func handle(_ event: InvestEvent) {
        counts.withLock { c in
            switch event {
            case .page(_, let objects):
                c.pages += 1
                c.objects += objects
            case .listSized(_, let pages):
                c.expectedPages += pages
            case .waiting(let seconds, let why):
                c.waited += seconds
                line("\(why): waiting \(String(format: "%.1f", seconds)) s", &c)
            case .loggedInAgain:
                line("the Invest session had expired: logged in again", &c)
            case .note(let text):
                line(text, &c)
            }
            let now = Date()
            if terminal, now.timeIntervalSince(c.lastDraw) > 0.2 {
                c.lastDraw = now
                draw(c)
                c.drawn = true
            }
        }
    }

    private func line(_ text: String, _ c: inout Counts) {
        let clear = terminal && c.drawn ? "\r\u{1B}[K" : ""
        StandardError.write(clear + TerminalSafe.message(text) + "\n")
        c.drawn = false
    }

    private func draw(_ c: Counts) {
        let total = max(c.expectedPages, c.pages)
        let width = 24
        let filled = total > 0 ? min(width, c.pages * width / total) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let waited = c.waited > 0 ? " · waited \(Int(c.waited.rounded())) s" : ""
        let text = "\r\u{1B}[K\(bar) pages \(c.pages.grouped)/\(total.grouped) · \(c.objects.grouped) objects\(waited)"
        StandardError.write(text)
    }

    /// Clears the bar; returns the totals.
    func finish() -> Counts {
        counts.withLock { c in
            if terminal && c.drawn { StandardError.write("\r\u{1B}[K") }
            return c
        }
    }
}
