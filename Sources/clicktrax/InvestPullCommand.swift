import ArgumentParser
import ClicktraxCore
import Foundation
import TerminalUI
import TextTools

/// `clicktrax invest pull [--full] [--advertiser ID]…`: the catalog and trackers from Invest,
/// all or nothing; incremental after the first.
struct InvestPullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Bring advertisers, line items, publishers, placements, payment rules and click trackers from Invest.",
        discussion: """
            The first pull is full; later ones ask only what changed since the previous one. --full also removes \
            what Invest no longer has (never what a pending change here still needs). The catalog changes only when \
            the pull completes; an interrupted pull resumes from the pages it already fetched.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var wait: SyncWaitOption

    @Flag(help: "Everything, and remove what Invest no longer has.")
    var full = false

    @Option(name: .customLong("advertiser"), help: ArgumentHelp("Only this advertiser (repeatable; default: [invest] advertisers, else all).", valueName: "id"))
    var advertisers: [Int64] = []

    func run() throws {
        let context = try InvestContext(global: global)
        let progress = InvestProgressLine()
        let sync = InvestSync(session: context.session, store: context.store, runBy: "clicktrax invest pull", lockWait: wait.seconds,
                              events: progress.events)
        let host = try InvestEndpoint(try sync.connection().api).host
        let summary: PullSummary
        do {
            let (full, advertisers) = (full, advertisers)
            summary = try AsyncBridge.wait { try await sync.pull(full: full, advertisers: advertisers) }
        } catch {
            let counts = progress.finish()
            if counts.pages > 0 {
                ObjectPrinter.note("pull stopped after \(counts.pages.grouped) pages; nothing changed here, and the next pull resumes from them")
            }
            throw error
        }
        let counts = progress.finish()
        let seconds = Date().timeIntervalSince(progress.started)
        try ObjectPrinter.line("pulled \(counts.pages.grouped) pages (\(counts.objects.grouped) objects) from \(host) in \(String(format: "%.1f", seconds)) s"
              + (counts.waited > 0 ? ", \(Int(counts.waited.rounded())) s of it waiting for Invest" : ""))
        try ObjectPrinter.line(Self.describe(summary))
        for line in Self.keptAsInvestHasThem(summary) { try ObjectPrinter.say(line) }
        for line in summary.skipped.prefix(10) { ObjectPrinter.note("skipped \(line)") }
        for kind in TrackerKind.allCases {
            let counts = summary[kind]
            for move in counts.renumbered.prefix(10) {
                try ObjectPrinter.line("\(kind.shortNoun) \(move.from) was made here, not on Invest: it is now \(move.to), pending until clicktrax invest push")
            }
            if counts.renumbered.count > 10 { try ObjectPrinter.line("… and \(counts.renumbered.count - 10) more \(kind.plural) made here, now pending") }
            for move in counts.adopted {
                try ObjectPrinter.line("\(kind.shortNoun) \(move.from) was stored on Invest by a push that was cut: it is now \(move.to), as on Invest")
            }
            if !counts.conflicts.isEmpty {
                try ObjectPrinter.line("conflicting\(kind == .click ? "" : " " + kind.plural) (changed here and on Invest; both kept): \(counts.conflicts.map(String.init).joined(separator: ", "))"
                      + " — see clicktrax invest status, settle with clicktrax invest resolve\(kind == .click ? "" : " --imp") ID --keep-mine|--keep-theirs")
            }
        }
    }

    /// What could not be kept, what was left empty, and what was kept as Invest has it though it
    /// would not be accepted if typed — each said once, counted, the first few named.
    static func keptAsInvestHasThem(_ summary: PullSummary) -> [String] {
        var lines: [String] = []
        if !summary.skippedObjects.isEmpty {
            lines.append("not kept (\(summary.skippedObjects.count)): objects Invest sent without a usable id or with a value past 64 KB; the rest were pulled")
            lines += summary.skippedObjects.prefix(10).map { "  \($0)" }
            if summary.skippedObjects.count > 10 { lines.append("  … and \(summary.skippedObjects.count - 10) more") }
        }
        if !summary.leftEmpty.isEmpty {
            lines.append("left empty (\(summary.leftEmpty.count)): values Invest sent that are not of their field's type")
            lines += summary.leftEmpty.prefix(10).map { "  \($0)" }
            if summary.leftEmpty.count > 10 { lines.append("  … and \(summary.leftEmpty.count - 10) more") }
        }
        if !summary.legacy.isEmpty {
            lines.append("kept as Invest has them, though they would not be accepted if typed (clicktrax invest status --format json lists them):")
            lines += summary.legacy.lines.map { "  " + $0 }
        }
        return lines
    }

    static func describe(_ summary: PullSummary) -> String {
        var parts = [summary.changedCatalog.map { "new or changed: " + $0 } ?? "catalog unchanged"]
        if let removed = summary.removedCatalog { parts.append("removed (gone from Invest): " + removed) }
        for kind in TrackerKind.allCases {
            let counts = summary[kind]
            parts.append("\(kind == .click ? "trackers" : kind.plural): \(counts.added) new, \(counts.updated) updated, \(counts.removed) removed, "
                         + "\(counts.conflicts.count) conflicting")
        }
        return parts.joined(separator: "; ")
    }
}
