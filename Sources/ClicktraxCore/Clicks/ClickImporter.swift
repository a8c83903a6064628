import Foundation
import TextTools

/// `clicktrax clicks import` and the last step of `invest pull-clicks`: feed CSV files into the
/// database, all or nothing. One thread reads and checks the files while the import's
/// transaction writes (the two halves overlap on two cores); any problem in any file and the
/// transaction rolls back. Counting each click once:
/// - a file with `auction_id`: a click already stored (same auction, same second) is skipped;
/// - a file without: it replaces every hour from its first click to its last (the window it
///   covers), since nothing tells its clicks apart from those imported before;
/// - a pulled window (`window`): replaced whole, whatever the files hold.
public struct ClickImporter: Sendable {
    public static let problemLimit = 20

    public var window: (from: Int64, to: Int64)?

    public init(window: (from: Int64, to: Int64)? = nil) {
        self.window = window
    }

    /// `progress` gets bytes read of the total and clicks written, about ten times a second.
    public func run(_ paths: [String], into store: any ClickStoring, cancellation: ImportCancellation? = nil,
                    progress: @escaping (_ bytes: Int64, _ total: Int64, _ clicks: Int) -> Void = { _, _, _ in })
    throws -> ClickImportSummary {
        let total = paths.reduce(Int64(0)) { sum, path in
            var status = stat()
            return sum + (stat(path, &status) == 0 ? Int64(status.st_size) : 0)
        }
        ImportTrace.mark("started")
        let pipeline = ImportPipeline<ClickImportItem>(capacity: 8)
        let reader = Thread { [window] in
            ClickImportReader(pipeline: pipeline, window: window).run(paths)
            ImportTrace.mark("read and checked every file")
        }
        reader.stackSize = 1 << 22
        reader.start()
        defer { pipeline.cancel() }
        return try store.importClicks { writer in
            var summary = ClickImportSummary()
            var problems: [ImportProblem] = []
            var bytes: Int64 = 0
            var lastReport = DispatchTime.now().uptimeNanoseconds
            while let items = pipeline.next() {
                for item in items {
                    try cancellation?.check()
                    switch item {
                    case .batch(let rows, let sources, let read):
                        bytes += read
                        try writer.add(sources: sources)
                        // Past the first problem nothing will be kept: read on only to list them.
                        if problems.isEmpty { try writer.add(rows) }
                        let now = DispatchTime.now().uptimeNanoseconds
                        if now - lastReport > 100_000_000 {
                            progress(bytes, total, writer.totals.added)
                            lastReport = now
                        }
                    case .replace(let hours):
                        if problems.isEmpty { try writer.replace(hours: hours) }
                    case .sums(let sums, let sources):
                        try writer.add(sources: sources)
                        if problems.isEmpty { try writer.add(sums: sums) }
                    case .end(let facts, let fileProblems, let refused):
                        problems += fileProblems
                        summary.files += 1
                        summary.rows += facts.rows
                        summary.refused += refused
                        if let first = facts.firstHour, let last = facts.lastHour {
                            summary.firstHour = min(summary.firstHour ?? first, first)
                            summary.lastHour = max(summary.lastHour ?? last, last)
                        }
                    }
                }
            }
            ImportTrace.mark("wrote every click")
            guard problems.isEmpty else { throw ImportFailure(problems: problems) }
            progress(total, total, writer.totals.added)
            return summary
        }
    }
}

/// What a click import did.
public struct ClickImportSummary: Sendable, Equatable {
    public var files = 0
    /// Rows read from the files.
    public var rows = 0
    /// Clicks stored that were not there before.
    public var added = 0
    /// Clicks of a file with auction ids that were already stored.
    public var alreadyThere = 0
    /// Clicks stored before in the windows the import replaced.
    public var replaced = 0
    /// Rows dated in the future, or outside the window asked for: not stored.
    public var refused = 0
    public var firstHour: Int64?
    public var lastHour: Int64?
    /// Trackers the clicks name that this database does not have, with their clicks: kept all
    /// the same (a pull of the catalog may bring the trackers).
    public var unknownTrackers: [Int64: Int] = [:]

    public init() {}

    public var lines: [String] {
        var lines = ["\(added.grouped) click\(added == 1 ? "" : "s") added from \(rows.grouped) row\(rows == 1 ? "" : "s")"]
        if let firstHour, let lastHour {
            lines.append("window: \(ClickTime.formatHour(firstHour)) to \(ClickTime.formatHour(lastHour + ClickTime.hour)) UTC")
        }
        if alreadyThere > 0 { lines.append("\(alreadyThere.grouped) already there (the same auction id): counted once") }
        if replaced > 0 { lines.append("\(replaced.grouped) click\(replaced == 1 ? "" : "s") of an earlier import replaced (the same window)") }
        if refused > 0 {
            lines.append("\(refused.grouped) row\(refused == 1 ? "" : "s") dated in the future or outside the window asked for: refused, not stored")
        }
        if !unknownTrackers.isEmpty {
            let clicks = unknownTrackers.values.reduce(0, +)
            let ids = unknownTrackers.keys.sorted().prefix(10).map(String.init).joined(separator: ", ")
            let more = unknownTrackers.count > 10 ? ", …" : ""
            lines.append("\(clicks.grouped) click\(clicks == 1 ? "" : "s") of \(unknownTrackers.count) tracker\(unknownTrackers.count == 1 ? "" : "s") not in this database, kept: \(ids)\(more)")
        }
        return lines
    }
}
