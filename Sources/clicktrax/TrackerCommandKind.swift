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

extension TrackerKind {
    /// "click trackers", "impression trackers": for help texts.
    var plural: String { noun + "s" }

    /// "Tracker", "Impression tracker": at the start of a confirmation line ("Tracker 5 is active.").
    var sentenceNoun: String {
        switch self {
        case .click: "Tracker"
        case .impression: "Impression tracker"
        }
    }

    /// "tracker", "impression tracker": inside a sentence.
    var shortNoun: String { self == .click ? "tracker" : noun }
}

extension GlobalOptions {
    /// The store, its tracker capabilities acting on `kind`'s trackers.
    func openStore(for kind: TrackerKind) throws -> any TrackerStore {
        try openStore().scoped(to: kind)
    }
}
