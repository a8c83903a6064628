/// The tables one kind of tracker lives in (docs/ARCHITECTURE.md, "Two kinds of tracker"): click
/// trackers in `click_tracker` and `tracker_change`, impression trackers in `imp_tracker` and
/// `imp_tracker_change` (migration v10), with the same columns — so the store's SQL is one text
/// with the names put in, and revisions, the change log and undo are one implementation.
struct TrackerTables: Sendable, Equatable {
    let kind: TrackerKind

    static let click = TrackerTables(kind: .click)
    static let impression = TrackerTables(kind: .impression)

    /// The trackers.
    var trackers: String {
        switch kind {
        case .click: "click_tracker"
        case .impression: "imp_tracker"
        }
    }

    /// Their change log.
    var changes: String {
        switch kind {
        case .click: "tracker_change"
        case .impression: "imp_tracker_change"
        }
    }

    /// The smallest index holding every id (a first frame reads the ids from it).
    var publisherIndex: String { trackers + "_by_publisher" }

    /// The setting that keeps the highest provisional id ever given (`InvestIDs`).
    var provisionalHighKey: String {
        switch kind {
        case .click: "invest.provisional_high"
        case .impression: "invest.imp_provisional_high"
        }
    }

    /// The setting that keeps the highest local id ever given (`demo --replace` erases the rest).
    var idHighWaterKey: String {
        switch kind {
        case .click: "trackers.id_high_water"
        case .impression: "imptrackers.id_high_water"
        }
    }

    // Working with Invest (migration v3 for clicks, v11 for impressions).

    /// Invest's copy of each tracker as last seen: what a local edit started from.
    var investCopies: String { kind == .click ? "invest_tracker" : "invest_imp_tracker" }

    /// Requests written down before they are sent.
    var outbox: String { kind == .click ? "invest_outbox" : "invest_imp_outbox" }

    /// Trackers changed here and on Invest.
    var conflicts: String { kind == .click ? "invest_conflict" : "invest_imp_conflict" }

    /// Why Invest refused the last push of a tracker.
    var refusals: String { kind == .click ? "invest_refusal" : "invest_imp_refusal" }

    /// A pull's staged trackers (Invest's JSON).
    var staged: String { kind == .click ? "invest_stage_tracker" : "invest_stage_imp_tracker" }

    static let all: [TrackerTables] = TrackerKind.allCases.map(TrackerTables.init(kind:))
}
