import TerminalUI
import Testing
@testable import ClicktraxApp

@Suite struct TrackerTableColumnTests {
    func shown(_ width: Int) -> [String] {
        TableColumn.layout(TrackerTableColumn.columns, width: width).map { TrackerTableColumn.columns[$0.index].title }
    }

    @Test func aWideTerminalShowsEveryColumn() {
        #expect(shown(250).count == TrackerTableColumn.allCases.count)
    }

    @Test func aNarrowTerminalDropsTheLowestPriorityFirst() {
        #expect(shown(80) == ["ID", "Name", "State", "Line Item", "Publisher"])
        #expect(!shown(150).contains("Last Modified"))
        #expect(shown(30) == ["ID", "Name"])
        #expect(shown(20) == ["Name"])
        let layout = TableColumn.layout(TrackerTableColumn.columns, width: 120)
        #expect(layout.reduce(0) { $0 + $1.width } + layout.count - 1 == 120, "the shown columns fill the width")
    }
}
