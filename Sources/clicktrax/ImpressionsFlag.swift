import ArgumentParser
import ClicktraxCore

/// `--imp`: the trackers named are impression trackers — Invest numbers the two kinds apart, so
/// an id alone does not say which one is meant.
struct ImpressionsFlag: ParsableArguments {
    @Flag(name: .customLong("imp"), help: "Impression trackers (Invest numbers them apart from click trackers).")
    var impressions = false

    var kind: TrackerKind { impressions ? .impression : .click }
}
