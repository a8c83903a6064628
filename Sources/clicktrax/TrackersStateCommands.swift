import ArgumentParser
import ClicktraxCore

/// `clicktrax trackers activate ID…`.
struct TrackersActivate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activate", abstract: "Activate click trackers.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trackers' IDs (several to an argument as 1,2,3; - reads them from stdin).") var ids: [String]

    func run() throws { try TrackerStateChange.run(.active, ids: try TrackerIDList.parse(ids), global: global) }
}

/// `clicktrax trackers deactivate ID…`.
struct TrackersDeactivate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deactivate", abstract: "Deactivate click trackers.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trackers' IDs (several to an argument as 1,2,3; - reads them from stdin).") var ids: [String]

    func run() throws { try TrackerStateChange.run(.inactive, ids: try TrackerIDList.parse(ids), global: global) }
}

enum TrackerStateChange {
    /// All or nothing: an unknown ID leaves every tracker as it was.
    static func run(_ state: ObjectState, ids: [Int64], global: GlobalOptions) throws {
        guard !ids.isEmpty else { throw ClicktraxError.badInput("name at least one tracker ID") }
        let store = try global.openStore()
        for tracker in try store.setState(state, trackerIds: ids).trackers {
            try ObjectPrinter.write("Tracker \(tracker.id) is \(tracker.state.rawValue).\n")
        }
    }
}

/// `clicktrax trackers delete ID…`.
struct TrackersDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete click trackers (the change log keeps them).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trackers' IDs (several to an argument as 1,2,3; - reads them from stdin).") var ids: [String]

    func run() throws {
        let ids = try TrackerIDList.parse(ids)
        guard !ids.isEmpty else { throw ClicktraxError.badInput("name at least one tracker ID") }
        let store = try global.openStore()
        for tracker in try store.deleteTrackers(ids: ids).trackers {
            try ObjectPrinter.write("Deleted tracker \(tracker.id) (revision \(tracker.revision)).\n")
        }
    }
}
