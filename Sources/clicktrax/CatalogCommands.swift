import ArgumentParser
import ClicktraxCore
import Foundation
import TerminalUI

typealias PlainTextTableColumn = PlainTextTable.Column

/// `clicktrax line-items search TERM`.
struct LineItemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line-items", abstract: "Search or list line items.", subcommands: [LineItemsSearch.self, LineItemsList.self])
}

struct LineItemsSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Line items by ID, code, or every word of the name (case- and accent-insensitive), best first.",
        discussion: """
            Order: the ID, the code, names starting with the query, names with every word at the start of a word, \
            names containing every word. If no name holds every word, names holding the letters in order (as fzf \
            matches), closest first. The first search after a catalog change indexes the names once.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What to look for.") var term: String
    // Unconditional: `--limit -1` is a value to refuse by name, not an unknown option.
    @Option(parsing: .unconditional, help: "At most this many results (1 or more).") var limit: Int = 20
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit: must be 1 or more (got \(limit))") }
    }

    func run() throws {
        let store = try global.openStore()
        let started = Date()
        if try store.refreshSearchIndex(), isatty(STDERR_FILENO) == 1 {
            ObjectPrinter.note(String(format: "indexed the line item names for search in %.1f s (once per catalog change)",
                                    Date().timeIntervalSince(started)))
        }
        let matches = try store.findLineItems(term, limit: limit)
        if matches.fuzzy { ObjectPrinter.note("no name holds every word; closest by letters in order") }
        if matches.items.isEmpty {
            ObjectPrinter.note("no line item matches “\(TerminalSafe.clip(term, 60))” (by ID, code, the start of a code or an ID, or the words of its name)")
        }
        try ObjectPrinter.print(matches.items, format: format, columns: ObjectPrinter.lineItemColumns, row: ObjectPrinter.lineItemRow)
    }
}

/// `clicktrax line-items list`: every line item, for an export that `import` reads back.
struct LineItemsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every line item, in id order.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let store = try global.openStore()
        try ObjectPrinter.stream({ try store.forEachLineItem(count: $0, $1) }, format: format,
                                 columns: ObjectPrinter.lineItemColumns, row: ObjectPrinter.lineItemRow)
    }
}

/// `clicktrax publishers list`.
struct PublishersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publishers", abstract: "List publishers.", subcommands: [PublishersList.self])
}

struct PublishersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List publishers.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only publishers whose name holds every word, or whose ID or code it is.") var search: String?
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let store = try global.openStore()
        try ObjectPrinter.stream({ try store.forEachPublisher(matching: search, count: $0, $1) }, format: format,
                                 columns: ObjectPrinter.namedColumns) {
            [String($0.id), $0.name, $0.code ?? "", $0.state.rawValue]
        }
    }
}

/// `clicktrax placements list --publisher ID`.
struct PlacementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placements", abstract: "List a publisher's placements.", subcommands: [PlacementsList.self])
}

struct PlacementsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a publisher's placements.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The publisher's ID (default: every publisher's).") var publisher: Int64?
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let store = try global.openPublisherScope(publisher)
        let columns: [PlainTextTableColumn] = ObjectPrinter.namedColumns + [.init("Size")]
        try ObjectPrinter.stream({ try store.forEachPlacement(publisherId: publisher, count: $0, $1) }, format: format, columns: columns) {
            [String($0.id), $0.name, $0.code ?? "", $0.state.rawValue, Self.size($0)]
        }
    }
}

extension PlacementsList {
    static func size(_ placement: Placement) -> String {
        guard let width = placement.width, let height = placement.height else { return "" }
        return "\(width)x\(height)"
    }
}

/// `clicktrax payment-rules list --publisher ID`.
struct PaymentRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment-rules", abstract: "List a publisher's payment rules.", subcommands: [PaymentRulesList.self])
}

struct PaymentRulesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a publisher's payment rules.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The publisher's ID (default: every publisher's).") var publisher: Int64?
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let store = try global.openPublisherScope(publisher)
        let columns: [PlainTextTableColumn] = ObjectPrinter.namedColumns + [.init("Pricing"), .init("Priority", alignRight: true)]
        try ObjectPrinter.stream({ try store.forEachPaymentRule(publisherId: publisher, count: $0, $1) }, format: format, columns: columns) {
            [String($0.id), $0.name, $0.code ?? "", $0.state.rawValue, $0.pricingType.rawValue, $0.priority.map(String.init) ?? ""]
        }
    }
}

/// `clicktrax advertisers list`.
struct AdvertisersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advertisers", abstract: "List advertisers.", subcommands: [AdvertisersList.self])
}

struct AdvertisersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List advertisers.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let store = try global.openStore()
        try ObjectPrinter.stream({ try store.forEachAdvertiser(count: $0, $1) }, format: format, columns: ObjectPrinter.namedColumns) {
            [String($0.id), $0.name, $0.code ?? "", $0.state.rawValue]
        }
    }
}
