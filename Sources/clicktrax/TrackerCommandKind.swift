import ClicktraxCore

/// Which kind of tracker a command acts on: the `trackers` commands (and `export`) and the
/// `imptrackers` commands are one text each, given a kind (RULES.md §12).
protocol TrackerCommandKind {
    static var kind: TrackerKind { get }
}

enum ClickTrackers: TrackerCommandKind {
    static var kind: TrackerKind { .click }
}

enum ImpressionTrackers: TrackerCommandKind {
    static var kind: TrackerKind { .impression }
}

extension GlobalOptions {
    /// The store, its tracker capabilities acting on `kind`'s trackers.
    func openStore(for kind: TrackerKind) throws -> any TrackerStore {
        try openStore().scoped(to: kind)
    }
}
