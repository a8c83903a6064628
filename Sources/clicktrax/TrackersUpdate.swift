import ArgumentParser
import ClicktraxCore

/// `clicktrax trackers update ID`, `clicktrax imptrackers update ID`.
struct TrackersUpdate<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "update",
        abstract: "Change \(Kind.kind == .click ? "a" : "an") \(Kind.kind.noun)'s fields; only the options given change.",
        discussion: """
            A new --publisher clears the placement and payment rule unless they are given too. \
            With --revision N the save is refused if the tracker is no longer at revision N \
            (someone else saved it since you read it): no edit is lost.
            """)
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The tracker's ID.")
    var id: Int64

    @OptionGroup var fields: TrackerFieldOptions

    @Option(help: "The revision your edit starts from (see 'trackers show'); default: the current one.")
    var revision: Int?

    @Option(help: "table (a confirmation line), json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let store = try global.openStore(for: Kind.kind)
        guard let current = try store.tracker(id: id) else { throw ClicktraxError.notFound(kind: Kind.kind.noun, id: id) }
        var draft = current.draft
        let cleared = fields.apply(to: &draft)
        let saved = try store.updateTracker(id: id, with: draft, expectedRevision: revision ?? current.revision).tracker
        if !cleared.isEmpty {
            ObjectPrinter.note("the publisher changed, so the \(cleared.map { $0.label.lowercased() }.joined(separator: " and ")) was cleared")
        }
        try TrackerResultPrinter.print(saved, verb: saved.revision == current.revision ? "Unchanged (nothing differed):" : "Updated",
                                       format: format)
        try TrackerResultPrinter.notePending(saved, store: store)
    }
}
