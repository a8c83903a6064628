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
        let totals: (impressions: Int64, clicks: Int64)
        do {
            let timeout = range.timeout
            totals = try AsyncBridge.wait {
                try await sync.pullImpressions(windows, pollTimeout: timeout) { window, rows, impressions, clicks in
                    progress.handle(.note("\(window.label): \(impressions.grouped) impressions, \(clicks.grouped) clicks in \(rows.grouped) rows"))
                }
            }
        } catch {
            _ = progress.finish()
            throw error
        }
        _ = progress.finish()
        try ObjectPrinter.line("pulled \(windows.count) window\(windows.count == 1 ? "" : "s") of impressions from \(host): "
                               + "\(totals.impressions.grouped) impressions, \(totals.clicks.grouped) clicks (clicktrax report --impressions shows them)")
    }
}
