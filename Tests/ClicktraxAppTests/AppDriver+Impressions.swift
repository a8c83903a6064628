import ClicktraxCore
@testable import ClicktraxApp

extension AppDriver {
    /// Alt-3, and the Impression Trackers screen's first rows read.
    func openImpressions() {
        press(.alt("3"))
        waitFor { impressions.map { !$0.visible.isEmpty || $0.total == 0 && !$0.ids.isEmpty } ?? false }
        settle()
    }

    var impressions: ClickTrackersScreen? { state.impressions?.screen }
}
