import ArgumentParser
import ClicktraxCore
import Foundation
import TerminalUI

/// `clicktrax trackers show ID`, `clicktrax imptrackers show ID`.
struct TrackersShow<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: "Show one \(Kind.kind.noun), with its revision.")
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The tracker's ID.")
    var id: Int64

    @Option(help: "table, json (the Invest API envelope, one object) or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let store = try global.openStore(for: Kind.kind)
        guard let tracker = try store.tracker(id: id) else { throw ClicktraxError.notFound(kind: Kind.kind.noun, id: id) }
        switch format {
        case .json:
            try ObjectPrinter.write(try TrackerOutput.json(tracker))
        case .csv:
            try ObjectPrinter.write(TrackerOutput.csv([tracker], kind: Kind.kind))
        case .table:
            // The advertiser by name, as the operator knows it (the tracker carries only its id).
            let advertiser = try tracker.advertiserId.flatMap { id in try store.advertisers().first { $0.id == id } }
            try ObjectPrinter.write(TrackerDescription.describe(tracker, advertiserName: advertiser?.name))
        }
    }

}

/// `show`'s table: a label per line, as the Create dialog's sections read.
enum TrackerDescription {
    static func describe(_ t: Tracker, advertiserName: String? = nil) -> String {
        func ref(_ r: ObjectRef?) -> String { r.map { "\($0.name) (\($0.id))" } ?? "—" }
        let landingPage: [(String, String)] = t.kind == .click ? [("Landing Page URL", t.clickUrl ?? "—")] : []
        let fields: [(String, String)] = [
            ("ID", String(t.id)), ("Name", t.name), ("Code", t.code ?? "—"), ("State", t.state.rawValue),
        ] + landingPage + [
            ("Line Item", ref(t.lineItem)), ("Publisher", ref(t.publisher)),
            ("Placement", ref(t.tag)), ("Payment Rule", ref(t.paymentRule)),
            ("Advertiser", t.advertiserId.map { id in advertiserName.map { "\($0) (\(id))" } ?? String(id) } ?? "—"),
            ("Member", t.memberId.map(String.init) ?? "—"),
            ("Last Modified", t.lastModified + " UTC"), ("Revision", String(t.revision)),
        ]
        return fields.map { label, value in
            DisplayWidth.fit(label, to: 18) + TerminalSafeText.sanitize(value)
        }.joined(separator: "\n") + "\n"
    }
}
