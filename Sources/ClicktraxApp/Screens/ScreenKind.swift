/// The app's screens, in the order of the title bar's tabs; `Alt-1`… go to each. A new screen
/// is a new case here, a folder of its own, and a case in `AppScreen`.
public enum ScreenKind: Int, CaseIterable, Sendable, Equatable {
    case clickTrackers
    case reports
    /// Invest's sister screen (RULES.md §12): the Click Trackers screen given the other kind.
    case impressionTrackers

    public var title: String {
        switch self {
        case .clickTrackers: "Click Trackers"
        case .reports: "Reports"
        case .impressionTrackers: "Impression Trackers"
        }
    }

    /// The tab's word where the title bar is short of room.
    public var shortTitle: String {
        switch self {
        case .clickTrackers: "Trackers"
        case .reports: "Reports"
        case .impressionTrackers: "Imp Trackers"
        }
    }

    /// The breadcrumb in the title bar.
    public var breadcrumb: String {
        switch self {
        case .clickTrackers: "Creative › Click Trackers"
        case .reports: "Reporting › Clicks"
        case .impressionTrackers: "Creative › Impression Trackers"
        }
    }
}
