import ClicktraxCore
import TerminalUI

/// The columns of the Click Trackers table (RULES.md §5): the table's layout, how each sorts, and
/// what each shows of a tracker. In a narrow terminal the lowest priority goes first.
public enum TrackerTableColumn: Int, CaseIterable, Sendable {
    case id, name, code, state, lineItem, publisher, placement, paymentRule, landingPage, clicks, lastModified

    public var column: TableColumn {
        switch self {
        case .id: TableColumn("ID", minWidth: 8, priority: 80, alignRight: true)
        case .name: TableColumn("Name", minWidth: 20, preferredWidth: 32, preferredOver: 50, flex: 4, priority: 90)
        case .code: TableColumn("Code", minWidth: 10, priority: 40)
        case .state: TableColumn("State", minWidth: 8, priority: 70)
        // Wide enough for the brand, campaign, market and format ("Wonka Holiday 2026 – JP – Video 30s").
        case .lineItem: TableColumn("Line Item", minWidth: 20, preferredWidth: 36, preferredOver: 50, flex: 3, priority: 60)
        case .publisher: TableColumn("Publisher", minWidth: 16, flex: 2, priority: 50)
        case .placement: TableColumn("Placement", minWidth: 14, flex: 1, priority: 30)
        case .paymentRule: TableColumn("Payment Rule", minWidth: 14, priority: 20)
        case .landingPage: TableColumn("Landing Page", minWidth: 20, flex: 1, priority: 25)
        case .lastModified: TableColumn("Last Modified", minWidth: 19, priority: 10)
        // The count and a 14-day sparkline (`ClickTrackersScreen.clicksCell`).
        case .clicks: TableColumn("Clicks, 14 days", minWidth: 22, priority: 45, alignRight: true)
        }
    }

    /// How the store sorts by it; nil for the clicks, which are not a tracker's field.
    public var sort: TrackerSort? {
        switch self {
        case .id: .id
        case .name: .name
        case .code: .code
        case .state: .state
        case .lineItem: .lineItem
        case .publisher: .publisher
        case .placement: .placement
        case .paymentRule: .paymentRule
        case .landingPage: .landingPage
        case .lastModified: .lastModified
        case .clicks: nil
        }
    }

    /// The columns `s` steps through and a header click sorts by.
    public static let sortable = allCases.filter { $0.sort != nil }

    public func text(_ tracker: Tracker) -> String {
        switch self {
        // Until Invest gives it an id, the one here means nothing outside this database.
        case .id: InvestIDs.isProvisional(tracker.id) ? "new" : String(tracker.id)
        case .name: tracker.name
        case .code: tracker.code ?? ""
        case .state: tracker.state.rawValue
        case .lineItem: tracker.lineItem.name
        case .publisher: tracker.publisher.name
        case .placement: tracker.tag?.name ?? ""
        case .paymentRule: tracker.paymentRule?.name ?? ""
        case .landingPage: tracker.clickUrl ?? ""
        case .lastModified: tracker.lastModified
        case .clicks: ""
        }
    }

    public static var columns: [TableColumn] { columns(showingClicks: true) }

    /// The columns, the Clicks one hidden when there are no clicks to show (it takes no room);
    /// an impression tracker's table has no Landing Page and no Clicks.
    public static func columns(showingClicks: Bool, kind: TrackerKind = .click) -> [TableColumn] {
        allCases.map { column in
            var table = column.column
            if column == .clicks && (!showingClicks || kind == .impression) { table.hidden = true }
            if column == .landingPage && kind == .impression { table.hidden = true }
            return table
        }
    }
}
