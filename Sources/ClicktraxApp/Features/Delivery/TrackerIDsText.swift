import ClicktraxCore

/// Trackers named in a title or a toast: `tracker 21378`, `trackers 21378, 21379, 21380 +2`.
enum TrackerIDsText {
    static func of(_ ids: [Int64], hidden: Int = 0, kind: TrackerKind = .click) -> String {
        let first = ids.prefix(3).map(String.init).joined(separator: ", ")
        let more = ids.count > 3 ? " +\(ids.count - 3)" : ""
        let hiddenText = hidden > 0 ? " (\(hidden) hidden by the filter)" : ""
        return (ids.count == 1 ? kind.shortNoun + " " : kind.shortNoun + "s ") + first + more + hiddenText
    }
}
