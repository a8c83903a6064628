import ArgumentParser
import ClicktraxCore

/// `2026-11-30` (a day) or `2026-11-30T14` (an hour), UTC, as `--from` and `--to` take them.
/// `--to` names the last day or hour included, so `--from 2026-11-01 --to 2026-11-30` is all
/// of November.
struct ClickTimeArgument: ExpressibleByArgument {
    var start: Int64
    var isHour: Bool

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        guard text.count == 10 || text.count == 13, let start = ClickTime.parse(text) else { return nil }
        self.start = start
        isHour = text.count == 13
    }

    /// The end of what it names: the next day, or the next hour.
    var end: Int64 { start + (isHour ? ClickTime.hour : ClickTime.day) }

    static var defaultValueDescription: String { "YYYY-MM-DD[THH]" }
}
