import ArgumentParser
import ClicktraxCore
import Foundation
import TextTools

/// `clicktrax invest pull-impressions --from … [--to …]`: Network Analytics' external
/// impressions and clicks per hour, line item, publisher and placement.
struct InvestPullImpressions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull-impressions",
        abstract: "Pull external impressions and clicks (Network Analytics) from Invest, by the hour.",
        discussion: """
            What impression trackers count: Network Analytics' external impressions (imp_type 9) and clicks (10) per hour, \
            line item, publisher and placement — no report has a tracker id, so two impression trackers on the same line \
            item, publisher and placement are counted together. One report per window of at most 7 days; a window pulled \
            again replaces what was stored for it. Hours are kept 100 days: an older --from is refused before anything is \
            requested. --to defaults to now. clicktrax report --impressions shows them, with the click-through rate.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: SyncWaitOption

    @OptionGroup var range: ReportWindowOptions

    func run() throws {
        let windows = try range.windows("pull-impressions", InvestImpressionPull.windows)
        let context = try InvestContext(global: global)
        let progress = InvestProgressLine()
        let sync = InvestSync(session: context.session, store: context.store, runBy: "clicktrax invest pull-impressions",
                              lockWait: wait.seconds, events: progress.events)
        let host = try InvestEndpoint(try sync.connection().api).host
        if windows.count > 1 { ObjectPrinter.note("\(windows.count) windows of at most 7 days: one report each") }
        let totals = Totals()
        do {
            let timeout = range.timeout
            try AsyncBridge.wait {
                try await sync.pullImpressions(windows, pollTimeout: timeout) { window, rows, impressions, clicks in
                    totals.add(impressions, clicks)
                    progress.handle(.note("\(window.label): \(impressions.grouped) impressions, \(clicks.grouped) clicks in \(rows.grouped) rows"))
                }
            }
        } catch {
            _ = progress.finish()
            throw error
        }
        _ = progress.finish()
        let (impressions, clicks) = totals.sums
        try ObjectPrinter.line("pulled \(windows.count) window\(windows.count == 1 ? "" : "s") of impressions from \(host): "
                               + "\(impressions.grouped) impressions, \(clicks.grouped) clicks (clicktrax report --impressions shows them)")
    }

    /// The windows' sums, added from the pull's task.
    final class Totals: @unchecked Sendable {
        private let lock = NSLock()
        private var impressions: Int64 = 0
        private var clicks: Int64 = 0

        func add(_ impressions: Int64, _ clicks: Int64) {
            lock.withLock {
                self.impressions &+= impressions
                self.clicks &+= clicks
            }
        }

        var sums: (Int64, Int64) { lock.withLock { (impressions, clicks) } }
    }
}
