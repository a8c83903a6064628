import ClicktraxCore
import TerminalUI

/// Where everything of the Click Trackers screen is, for drawing and for the mouse alike.
struct ClickTrackersLayout {
    let toolbar: Rect
    /// The toolbar's buttons (shorter labels when the terminal is narrow).
    let buttons: ButtonRow
    let createButton: Rect
    let moreActionsButton: Rect
    let filterLabel: Rect
    let filterField: Rect
    let counts: Rect
    let countsText: String
    /// The table: its header row, then the rows.
    let table: Rect
    /// The columns shown at this width: index into `TrackerTableColumn.allCases`, x, width.
    let columns: [(column: TrackerTableColumn, x: Int, width: Int)]

    static let usableFilterWidth = 16

    /// Whether the filter got a usable width beside the counts (else they say less).
    var filterIsUsable: Bool { counts.x - 1 - filterField.x >= Self.usableFilterWidth }

    /// Rows of the table's body: the trackers on one page.
    var pageSize: Int { max(1, table.height - 1) }

    /// `showingClicks`: false when there are no clicks to show (the Clicks column takes no room).
    init(body: Rect, countsText: String, showingClicks: Bool = true, kind: TrackerKind = .click) {
        let (toolbar, table) = body.splitTop(1)
        self.toolbar = toolbar
        self.table = table
        self.countsText = countsText
        let countsWidth = DisplayWidth.of(countsText)
        counts = Rect(x: max(toolbar.x, toolbar.maxX - countsWidth - 1), y: toolbar.y, width: countsWidth, height: 1)
        // The filter keeps a usable width: in a narrow terminal the buttons say less.
        var buttons = ButtonRow([kind == .click ? "Create Click Tracker" : "Create Imp Tracker", "More Actions ▾"], x: toolbar.x + 1, y: toolbar.y)
        if counts.x - 1 - (buttons.maxX + 2 + 7) < Self.usableFilterWidth {
            buttons = ButtonRow(["Create", "More ▾"], x: toolbar.x + 1, y: toolbar.y)
        }
        self.buttons = buttons
        createButton = buttons.areas[0]
        moreActionsButton = buttons.areas[1]
        filterLabel = Rect(x: moreActionsButton.maxX + 2, y: toolbar.y, width: 7, height: 1)
        let room = counts.x - 1 - filterLabel.maxX
        filterField = Rect(x: filterLabel.maxX, y: toolbar.y, width: max(Self.usableFilterWidth, min(48, room)), height: 1)
        var left = table.x + TableWidget.checkboxWidth
        columns = TableColumn.layout(TrackerTableColumn.columns(showingClicks: showingClicks, kind: kind),
                                     width: table.width - TableWidget.checkboxWidth - 1).map { index, width in
            defer { left += width + 1 }
            return (TrackerTableColumn(rawValue: index)!, left, width)
        }
    }

    func column(atX x: Int) -> TrackerTableColumn? {
        columns.first { x >= $0.x && x < $0.x + $0.width }?.column
    }
}
