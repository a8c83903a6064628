import ArgumentParser
import ClicktraxCore

/// `clicktrax trackers activate ID…`, `clicktrax imptrackers activate ID…`.
struct TrackersActivate<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "activate", abstract: "Activate \(Kind.kind.plural).") }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trackers' IDs (several to an argument as 1,2,3; - reads them from stdin).") var ids: [String]

    func run() throws { try TrackerStateChange.run(.active, ids: try TrackerIDList.parse(ids), kind: Kind.kind, global: global) }
}

/// `clicktrax trackers deactivate ID…`, `clicktrax imptrackers deactivate ID…`.
struct TrackersDeactivate<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "deactivate", abstract: "Deactivate \(Kind.kind.plural).") }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trackers' IDs (several to an argument as 1,2,3; - reads them from stdin).") var ids: [String]

    func run() throws { try TrackerStateChange.run(.inactive, ids: try TrackerIDList.parse(ids), kind: Kind.kind, global: global) }
}

enum TrackerStateChange {
    /// All or nothing: an unknown ID leaves every tracker as it was.
    static func run(_ state: ObjectState, ids: [Int64], kind: TrackerKind, global: GlobalOptions) throws {
        guard !ids.isEmpty else { throw ClicktraxError.badInput("name at least one \(kind.shortNoun) ID") }
        let store = try global.openStore(for: kind)
        for tracker in try store.setState(state, trackerIds: ids).trackers {
            try ObjectPrinter.write("\(kind.sentenceNoun) \(tracker.id) is \(tracker.state.rawValue).\n")
        }
    }
}

/// `clicktrax trackers delete ID…`, `clicktrax imptrackers delete ID…`.
struct TrackersDelete<Kind: TrackerCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "delete", abstract: "Delete \(Kind.kind.plural) (the change log keeps them).")
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trackers' IDs (several to an argument as 1,2,3; - reads them from stdin).") var ids: [String]

    func run() throws {
        let ids = try TrackerIDList.parse(ids)
        guard !ids.isEmpty else { throw ClicktraxError.badInput("name at least one \(Kind.kind.shortNoun) ID") }
        let store = try global.openStore(for: Kind.kind)
        for tracker in try store.deleteTrackers(ids: ids).trackers {
            try ObjectPrinter.write("Deleted \(Kind.kind.shortNoun) \(tracker.id) (revision \(tracker.revision)).\n")
        }
    }
}
