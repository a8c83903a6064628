import ArgumentParser
import ClicktraxCore
import Foundation
import TextTools

/// `clicktrax invest pull-clicks --from … [--to …]`: the Clicktrackers Feed, a window at a time.
struct InvestPullClicks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull-clicks",
        abstract: "Pull the Clicktrackers Feed from Invest and import it.",
        discussion: """
            One report per window of at most 24 hours (Invest's limit), each polled until ready, downloaded and \
            imported; a window pulled again replaces what was stored for it. The feed keeps 30 days: an older --from is \
            refused before anything is requested. --to defaults to now.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: SyncWaitOption

    @OptionGroup var range: ReportWindowOptions

    func run() throws {
        let windows = try range.windows("pull-clicks", InvestClickPull.windows)
        let context = try InvestContext(global: global)
        let progress = InvestProgressLine()
        let sync = InvestSync(session: context.session, store: context.store, runBy: "clicktrax invest pull-clicks", lockWait: wait.seconds,
                              events: progress.events)
        let host = try InvestEndpoint(try sync.connection().api).host
        if windows.count > 1 { ObjectPrinter.note("\(windows.count) windows of at most 24 hours: one report each") }
        let clicks: Int
        do {
            let timeout = range.timeout
            clicks = try AsyncBridge.wait {
                try await sync.pullClicks(windows, pollTimeout: timeout) { window, summary in
                    progress.handle(.note("\(window.label): \(summary.lines.joined(separator: "; "))"))
                }
            }
        } catch let failure as ImportFailure {
            _ = progress.finish()
            throw ClicktraxError.badInput("the feed Invest sent could not be imported: " + failure.description)
        } catch {
            _ = progress.finish()
            throw error
        }
        _ = progress.finish()
        try ObjectPrinter.line("pulled \(windows.count) window\(windows.count == 1 ? "" : "s") of clicks from \(host): \(clicks.grouped) clicks")
    }
}
