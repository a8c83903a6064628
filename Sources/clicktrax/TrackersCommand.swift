import ArgumentParser

/// `clicktrax trackers …`: the click trackers.
struct TrackersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trackers",
        abstract: "List, show, create, update, activate, deactivate and delete click trackers.",
        subcommands: [
            TrackersList<ClickTrackers>.self, TrackersShow<ClickTrackers>.self, TrackersCreate<ClickTrackers>.self,
            TrackersUpdate<ClickTrackers>.self, TrackersActivate<ClickTrackers>.self, TrackersDeactivate<ClickTrackers>.self,
            TrackersDelete<ClickTrackers>.self, TrackersHistory<ClickTrackers>.self,
        ])
}
