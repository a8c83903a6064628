import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax trackers create`, `clicktrax imptrackers create`.
struct TrackersCreate<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "create",
            abstract: "Create \(Kind.kind == .click ? "a" : "an") \(Kind.kind.noun).",
            discussion: "--name, --line-item and --publisher are required; the placement and payment rule must be the publisher's."
                + (Kind.kind == .impression ? " An impression tracker has no landing page." : ""))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: TrackerFieldOptions

    @Option(help: "Mirror a tracker that already exists in Invest under this ID (default: the next free ID of its kind).")
    var id: Int64?

    @Option(help: "table (a confirmation line), json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        var draft = TrackerDraft()
        fields.apply(to: &draft)
        let store = try global.openStore(for: Kind.kind)
        let tracker = try store.createTracker(draft, id: id).tracker
        try TrackerResultPrinter.print(tracker, verb: "Created", format: format)
        try TrackerResultPrinter.notePending(tracker, store: store)
    }
}

/// How create and update report the tracker they saved.
enum TrackerResultPrinter {
    /// In a database connected to Invest, a change made here waits for a push: said on stderr,
    /// with the command that sends it.
    static func notePending(_ tracker: Tracker, store: any TrackerStore) throws {
        guard try store.investConnection()?.connected == true else { return }
        guard try store.scoped(to: tracker.kind).pendingChanges().contains(where: { $0.trackerId == tracker.id }) else { return }
        let what = InvestIDs.isProvisional(tracker.id) ? "not on Invest yet (Invest gives it its id when it is sent)" : "changed here, not on Invest yet"
        ObjectPrinter.note("pending: \(tracker.kind.shortNoun) \(tracker.id) is \(what); clicktrax invest push sends it")
    }

    static func print(_ tracker: Tracker, verb: String, format: OutputFormat) throws {
        switch format {
        case .json: try ObjectPrinter.write(try TrackerOutput.json(tracker))
        case .csv: try ObjectPrinter.write(TrackerOutput.csv([tracker], kind: tracker.kind))
        case .table: try ObjectPrinter.write("\(verb) \(tracker.kind.noun) \(tracker.id) (revision \(tracker.revision)).\n")
        }
    }
}
