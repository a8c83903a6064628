import ClicktraxCore

/// A tracker written out as its kind travels: a click tracker as `clicktracker`, an impression
/// tracker as `imptracker` (its envelope keys, and its CSV without `click_url`).
enum TrackerOutput {
    static func json(_ tracker: Tracker) throws -> String {
        let data = tracker.kind == .click ? try InvestEnvelope.encode(single: tracker) : try InvestEnvelope.encode(single: ImpTracker(tracker))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func csv(_ trackers: [Tracker], kind: TrackerKind) -> String {
        kind == .click ? CSVWriter.document(trackers) : CSVWriter.document(trackers.map(ImpTracker.init))
    }

    /// A listing, streamed in the kind's own shape.
    static func stream(_ store: any TrackerStore, _ query: TrackerQuery, format: OutputFormat) throws {
        let kind = store.trackerKind
        let columns = ObjectPrinter.trackerColumns(kind)
        if kind == .click {
            try ObjectPrinter.stream({ try store.forEachTracker(query, count: $0, $1) }, format: format,
                                     columns: columns, row: { ObjectPrinter.trackerRow($0) })
        } else {
            try ObjectPrinter.stream({ count, each in try store.forEachTracker(query, count: count) { try each(ImpTracker($0)) } },
                                     format: format, columns: columns, row: { ObjectPrinter.trackerRow($0.tracker, kind: .impression) })
        }
    }
}
