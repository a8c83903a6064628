import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax invest push [--dry-run] [ID…]`: what was created, edited, (de)activated or
/// deleted here, to Invest — each tracker on its own, exactly once.
struct InvestPushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send what was created, edited, (de)activated or deleted here to Invest.",
        discussion: """
            Creates first, then edits and state changes, then deletes; one line per tracker: pushed, refused \
            (Invest's message) or conflicting (Invest's copy changed since the last pull: nothing is overwritten). \
            Exit status 1 when any tracker was not pushed.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: SyncWaitOption

    @Flag(help: "Show what would be sent, and send nothing.")
    var dryRun = false

    @Argument(help: ArgumentHelp("Only these trackers (default: every pending one).", valueName: "id"))
    var ids: [Int64] = []

    func run() throws {
        let context = try InvestContext(global: global)
        let connection = try context.requireConnection()
        guard connection.connected else {
            throw InvestError.needsLogin("\(global.databasePath) has not pulled from Invest yet: run clicktrax invest pull first (then push)")
        }
        let pending = try context.store.pendingChanges()
        let known = Set(pending.map(\.trackerId)).union(try context.store.outbox().map(\.trackerId))
        if let missing = ids.first(where: { !known.contains($0) }) {
            throw ClicktraxError.badInput("tracker \(missing) has nothing to push (clicktrax invest status lists what is pending)")
        }
        if dryRun {
            let plan = InvestPush.plan(pending, only: Set(ids))
            if plan.isEmpty { try ObjectPrinter.line("nothing to push") }
            for change in plan { try ObjectPrinter.say(Self.describe(change)) }
            return
        }
        let progress = InvestProgressLine()
        let sync = InvestSync(session: context.session, store: context.store, runBy: "clicktrax invest push", lockWait: wait.seconds,
                              events: progress.events)
        let only = Set(ids)
        let results = try AsyncBridge.wait { try await sync.push(only: only) }
        _ = progress.finish()
        if results.isEmpty { try ObjectPrinter.line("nothing to push") }
        for result in results { try ObjectPrinter.say(Self.describe(result)) }
        let pushed = results.filter { $0.outcome == .pushed }.count
        if !results.isEmpty { try ObjectPrinter.line("\(pushed) of \(results.count) pushed") }
        if pushed < results.count { throw ExitCode(1) }
    }

    static func describe(_ change: PendingChange) -> String {
        let name = change.mine?.name ?? change.base?.name ?? ""
        switch change.action {
        case .create: return "would create \(change.trackerId) “\(name)”"
        case .delete: return "would delete \(change.trackerId) “\(name)”"
        case .update:
            guard let base = change.base, let mine = change.mine else { return "would update \(change.trackerId)" }
            let fields = InvestPush.changedFields(from: base, to: mine).keys.sorted().joined(separator: ", ")
            return "would update \(change.trackerId) “\(name)”: \(fields)"
        }
    }

    static func describe(_ result: InvestPush.Result) -> String {
        let what = "\(result.action.rawValue) \(result.trackerId) “\(result.name)”"
        switch result.outcome {
        case .pushed:
            if let id = result.investId, id != result.trackerId { return "pushed   \(what) → Invest id \(id)" }
            return "pushed   \(what)"
        case .refused(let message): return "refused  \(what): \(message)"
        case .conflicting(let why): return "conflict \(what): \(why); see clicktrax invest resolve"
        case .unknown(let why): return "unknown  \(what): \(why); the next push asks Invest before sending it again"
        }
    }
}
