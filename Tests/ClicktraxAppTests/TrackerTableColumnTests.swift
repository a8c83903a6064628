import Testing
@testable import ClicktraxApp

@Suite struct TrackerTableColumnTests {
    @Test func aWideTerminalShowsEveryColumn() {
        #expect(TrackerTableColumn.visible(in: 250) == TrackerTableColumn.allCases)
    }

    @Test func aNarrowTerminalDropsTheLowestPriorityFirst() {
        let at80 = TrackerTableColumn.visible(in: 80)
        #expect(at80 == [.checkbox, .id, .name, .state, .lineItem, .publisher])
        #expect(TrackerTableColumn.visible(in: 79) == [.checkbox, .id, .name, .state, .lineItem])
        #expect(!TrackerTableColumn.visible(in: 120).contains(.lastModified))
        let at30 = TrackerTableColumn.visible(in: 30)
        #expect(at30 == [.checkbox, .name])
    }
}
