import ArgumentParser
import ClicktraxCore
import TerminalUI

/// `clicktrax trackers history [ID]`, `clicktrax imptrackers history [ID]`: the change log.
struct TrackersHistory<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "history", abstract: "Show the \(Kind.kind.plural)' change log, newest first: of one, or of all.")
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Only this tracker's changes.")
    var id: Int64?

    // Unconditional: `--limit -1` is a value to refuse by name, not an unknown option.
    @Option(parsing: .unconditional, help: "At most this many entries (1 or more).")
    var limit: Int = 50

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit: must be 1 or more (got \(limit))") }
    }

    func run() throws {
        let store = try global.openStore(for: Kind.kind)
        var table = PlainTextTable(columns: [
            .init("#", alignRight: true), .init("When (UTC)"), .init(Kind.kind.sentenceNoun, alignRight: true), .init("Action"),
            .init("Revision"), .init("Changed", maxWidth: 60), .init("By", maxWidth: 40),
        ])
        for change in try store.changes(trackerId: id, limit: limit) {
            let revisions = [change.before?.revision, change.after?.revision].compactMap { $0.map(String.init) }
            table.append([
                String(change.sequence), change.changedAt, String(change.trackerId), change.action.rawValue,
                revisions.joined(separator: " → "), TrackerChangedFields.changedFields(change).joined(separator: ", "), change.actor,
            ])
        }
        try ObjectPrinter.write(table.render(totalWidth: ObjectPrinter.terminalColumns()))
    }

    /// The fields whose value differs between before and after.
}

/// What an entry of the change log changed.
enum TrackerChangedFields {
    static func changedFields(_ change: TrackerChange) -> [String] {
        guard let before = change.before?.draft, let after = change.after?.draft else { return [] }
        var fields: [String] = []
        if before.name != after.name { fields.append("name") }
        if before.code != after.code { fields.append("code") }
        if before.state != after.state { fields.append("state") }
        if before.clickUrl != after.clickUrl { fields.append("landing page") }
        if before.lineItemId != after.lineItemId { fields.append("line item") }
        if before.publisherId != after.publisherId { fields.append("publisher") }
        if before.placementId != after.placementId { fields.append("placement") }
        if before.paymentRuleId != after.paymentRuleId { fields.append("payment rule") }
        return fields
    }
}
