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

    @Argument(help: ArgumentHelp("Only these trackers (default: every pending one, click trackers then impression trackers).", valueName: "id"))
    var ids: [Int64] = []

    @OptionGroup var kind: ImpressionsFlag

    func run() throws {
        let context = try InvestContext(global: global)
        let connection = try context.requireConnection()
        guard connection.connected else {
            throw InvestError.needsLogin("\(global.databasePath) has not pulled from Invest yet: run clicktrax invest pull first (then push)")
        }
        // Named ids are of one kind; --imp alone pushes only impression trackers.
        let only: TrackerKind? = kind.impressions || !ids.isEmpty ? kind.kind : nil
        let kinds = only.map { [$0] } ?? TrackerKind.allCases
        if !ids.isEmpty {
            let store = context.store.scoped(to: kind.kind)
            let known = Set(try store.pendingChanges().map(\.trackerId)).union(try store.outbox().map(\.trackerId))
            if let missing = ids.first(where: { !known.contains($0) }) {
                throw ClicktraxError.badInput("\(kind.kind.shortNoun) \(missing) has nothing to push (clicktrax invest status lists what is pending)")
            }
        }
        if dryRun {
            var nothing = true
            for kind in kinds {
                let plan = InvestPush.plan(try context.store.scoped(to: kind).pendingChanges(), only: Set(ids))
                nothing = nothing && plan.isEmpty
                for change in plan { try ObjectPrinter.say(Self.describe(change, kind: kind)) }
            }
            if nothing { try ObjectPrinter.line("nothing to push") }
            return
        }
        let progress = InvestProgressLine()
        let sync = InvestSync(session: context.session, store: context.store, runBy: "clicktrax invest push", lockWait: wait.seconds,
                              events: progress.events)
        let ids = Set(ids)
        let results = try AsyncBridge.wait { try await sync.push(only: ids, of: only) }
        _ = progress.finish()
        if results.isEmpty { try ObjectPrinter.line("nothing to push") }
        for result in results { try ObjectPrinter.say(Self.describe(result)) }
        let pushed = results.filter { $0.outcome == .pushed }.count
        if !results.isEmpty { try ObjectPrinter.line("\(pushed) of \(results.count) pushed") }
        if pushed < results.count { throw ExitCode(1) }
    }

    /// `impression tracker ` before an impression tracker's id; nothing before a click tracker's.
    static func label(_ kind: TrackerKind) -> String { kind == .click ? "" : kind.noun + " " }

    static func describe(_ change: PendingChange, kind: TrackerKind) -> String {
        let name = change.mine?.name ?? change.base?.name ?? ""
        let id = label(kind) + String(change.trackerId)
        switch change.action {
        case .create: return "would create \(id) “\(name)”"
        case .delete: return "would delete \(id) “\(name)”"
        case .update:
            guard let base = change.base, let mine = change.mine else { return "would update \(id)" }
            let fields = InvestPush.changedFields(from: base, to: mine).keys.sorted().joined(separator: ", ")
            return "would update \(id) “\(name)”: \(fields)"
        }
    }

    static func describe(_ result: InvestPush.Result) -> String {
        let what = "\(result.action.rawValue) \(label(result.kind))\(result.trackerId) “\(result.name)”"
        switch result.outcome {
        case .pushed:
            if let id = result.investId, id != result.trackerId { return "pushed   \(what) → Invest id \(id)" }
            return "pushed   \(what)"
        case .refused(let message): return "refused  \(what): \(message)"
        case .conflicting(let why): return "conflict \(what): \(why); see clicktrax invest resolve\(result.kind == .click ? "" : " --imp")"
        case .unknown(let why): return "unknown  \(what): \(why); the next push asks Invest before sending it again"
        }
    }
}
