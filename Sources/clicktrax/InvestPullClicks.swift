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

    @Option(help: ArgumentHelp("The first day or hour (YYYY-MM-DD[THH], UTC).", valueName: "date"))
    var from: ClickTimeArgument

    @Option(help: ArgumentHelp("The last day or hour included (default: up to now).", valueName: "date"))
    var to: ClickTimeArgument?

    @Option(help: ArgumentHelp("How long one report may stay pending, in seconds.", valueName: "seconds"))
    var timeout: Double = 1_200

    func run() throws {
        let now = Int64(Date().timeIntervalSince1970)
        let end = min(to?.end ?? ClickTime.startOfHour(now) + ClickTime.hour, ClickTime.startOfHour(now) + ClickTime.hour)
        let windows = try InvestClickPull.windows(from: from.start, to: end, now: now)
        guard timeout > 0 else { throw ClicktraxError.badInput("pull-clicks: --timeout must be more than 0 seconds") }
        let context = try InvestContext(global: global)
        let progress = InvestProgressLine()
        let sync = InvestSync(session: context.session, store: context.store, runBy: "clicktrax invest pull-clicks", lockWait: wait.seconds,
                              events: progress.events)
        let host = try InvestEndpoint(try sync.connection().api).host
        if windows.count > 1 { ObjectPrinter.note("\(windows.count) windows of at most 24 hours: one report each") }
        let clicks: Int
        do {
            let timeout = timeout
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
