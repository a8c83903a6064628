/// The columns of the Click Trackers table (SPEC §5), and which survive a narrow terminal:
/// each has a priority, and the lowest go first until the rest fit.
public enum TrackerTableColumn: String, CaseIterable, Sendable {
    case checkbox, id, name, code, state, lineItem, publisher, placement, paymentRule, landingPage, lastModified

    public var title: String {
        switch self {
        case .checkbox: ""
        case .id: "ID"
        case .name: "Name"
        case .code: "Code"
        case .state: "State"
        case .lineItem: "Line Item"
        case .publisher: "Publisher"
        case .placement: "Placement"
        case .paymentRule: "Payment Rule"
        case .landingPage: "Landing Page"
        case .lastModified: "Last Modified"
        }
    }

    /// Cells the column needs at the least.
    public var minimumWidth: Int {
        switch self {
        case .checkbox: 3
        case .id: 8
        case .name: 20
        case .code: 10
        case .state: 8
        case .lineItem: 20
        case .publisher: 16
        case .placement: 14
        case .paymentRule: 14
        case .landingPage: 20
        case .lastModified: 19
        }
    }

    /// Higher stays longer. Name and ID are what an operator scans by; the rest can be read
    /// in the tracker's dialog.
    public var priority: Int {
        switch self {
        case .checkbox: 100
        case .name: 90
        case .id: 80
        case .state: 70
        case .lineItem: 60
        case .publisher: 50
        case .code: 40
        case .placement: 30
        case .landingPage: 25
        case .paymentRule: 20
        case .lastModified: 10
        }
    }

    /// The columns that fit in `width` cells (one cell between columns), in display order.
    public static func visible(in width: Int) -> [TrackerTableColumn] {
        var shown = allCases
        func needed(_ columns: [TrackerTableColumn]) -> Int {
            columns.reduce(0) { $0 + $1.minimumWidth } + max(0, columns.count - 1)
        }
        while needed(shown) > width, let lowest = shown.min(by: { $0.priority < $1.priority }), shown.count > 2 {
            shown.removeAll { $0 == lowest }
        }
        return shown
    }
}
