import ArgumentParser

/// `clicktrax trackers …`: the click trackers.
struct TrackersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trackers",
        abstract: "List, show, create, update, activate, deactivate and delete click trackers.",
        subcommands: [
            TrackersList.self, TrackersShow.self, TrackersCreate.self, TrackersUpdate.self,
            TrackersActivate.self, TrackersDeactivate.self, TrackersDelete.self, TrackersHistory.self,
        ])
}
