import ArgumentParser
import ClicktraxCore
import Foundation

/// `--from`, `--to` and `--timeout` of the commands that pull Invest's reports a window at a
/// time (`pull-clicks`, `pull-impressions`).
struct ReportWindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The first day or hour (YYYY-MM-DD[THH], UTC).", valueName: "date"))
    var from: ClickTimeArgument

    @Option(help: ArgumentHelp("The last day or hour included (default: up to now).", valueName: "date"))
    var to: ClickTimeArgument?

    @Option(help: ArgumentHelp("How long one report may stay pending, in seconds.", valueName: "seconds"))
    var timeout: Double = 1_200

    /// The range up to the current hour at most, cut by `cut` (which refuses what Invest keeps
    /// no more); `command` names the command in the messages.
    func windows(_ command: String, _ cut: (_ from: Int64, _ to: Int64, _ now: Int64) throws -> [InvestClickPull.Window])
        throws -> [InvestClickPull.Window] {
        let now = Int64(Date().timeIntervalSince1970)
        let end = min(to?.end ?? ClickTime.startOfHour(now) + ClickTime.hour, ClickTime.startOfHour(now) + ClickTime.hour)
        let windows = try cut(from.start, end, now)
        guard timeout > 0 else { throw ClicktraxError.badInput("\(command): --timeout must be more than 0 seconds") }
        return windows
    }
}
