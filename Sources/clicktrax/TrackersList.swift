import ArgumentParser
import ClicktraxCore

/// `clicktrax trackers list`.
struct TrackersList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List click trackers; --format json prints the Invest API envelope.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only trackers whose name, code, line item or publisher holds every word, or whose ID it is.")
    var search: String?

    @Option(help: "Only active or only inactive trackers.")
    var state: ObjectState?

    @Option(help: "table, json (the Invest API envelope) or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let store = try global.openStore()
        let query = TrackerQuery(search: search, state: state)
        try ObjectPrinter.stream({ try store.forEachTracker(query, count: $0, $1) }, format: format,
                                 columns: ObjectPrinter.trackerColumns, row: ObjectPrinter.trackerRow)
    }
}

extension ObjectState: ExpressibleByArgument {}
