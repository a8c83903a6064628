import ArgumentParser
import ClicktraxCore

/// `clicktrax trackers list`, `clicktrax imptrackers list`.
struct TrackersList<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: "List \(Kind.kind.plural); --format json prints the Invest API envelope.")
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only trackers whose name, code, line item or publisher holds every word, or whose ID it is.")
    var search: String?

    @Option(help: "Only active or only inactive trackers.")
    var state: ObjectState?

    @Option(help: "table, json (the Invest API envelope) or csv.")
    var format: OutputFormat = .table

    func run() throws {
        try TrackerOutput.stream(try global.openStore(for: Kind.kind), TrackerQuery(search: search, state: state), format: format)
    }
}

extension ObjectState: ExpressibleByArgument {}
