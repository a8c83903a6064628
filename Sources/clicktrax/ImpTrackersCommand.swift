import ArgumentParser

/// `clicktrax imptrackers …`: the impression trackers (RULES.md §12) — the `trackers` commands and
/// `export`, given the kind: their own ids, change log and tags (`imptr`).
struct ImpTrackersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imptrackers",
        abstract: "List, show, create, update, activate, deactivate, delete and export impression trackers.",
        subcommands: [
            TrackersList<ImpressionTrackers>.self, TrackersShow<ImpressionTrackers>.self, TrackersCreate<ImpressionTrackers>.self,
            TrackersUpdate<ImpressionTrackers>.self, TrackersActivate<ImpressionTrackers>.self,
            TrackersDeactivate<ImpressionTrackers>.self, TrackersDelete<ImpressionTrackers>.self,
            TrackersHistory<ImpressionTrackers>.self, ExportCommand<ImpressionTrackers>.self,
        ])
}
