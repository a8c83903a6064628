import Foundation

/// The reading half of a click import, on its own thread: parses and checks each file, numbers
/// the sources, sums each hour's clicks per source (the writer thread only inserts rows), and
/// decides which hours a file replaces — all handed to the writer in order through the pipeline.
/// Sums count every row read; the writer marks the hours where a row was already stored, and
/// those hours are summed again from the stored clicks at the end.
final class ClickImportReader {
    static let batchRows = 8_192
    /// Hour sums held before they go to the writer: bounded memory at any size.
    static let flushSums = 400_000
    /// In a feed in time order (Invest's is), the sums go when a new hour starts, so each hour's
    /// block is written about once instead of being read back and rewritten at every flush.
    static let flushAtNewHour = 20_000

    private let pipeline: ImportPipeline<ClickImportItem>
    private let window: (from: Int64, to: Int64)?
    private let sources = ClickSourceInterner()
    private var sums = FastKeyMap<Int64, ClickHourSum>()
    private var hoursInSums = Set<Int64>()
    private var replacedThisFile = Set<Int64>()
    private var latestHour = Int64.min

    init(pipeline: ImportPipeline<ClickImportItem>, window: (from: Int64, to: Int64)?) {
        self.pipeline = pipeline
        self.window = window
    }

    /// A click dated past now by more than this is refused: clocks differ a little, never by more.
    static let futureSlack: Int64 = 15 * 60

    func run(_ paths: [String]) {
        var problems = 0
        let latestAllowed = Int64(Date().timeIntervalSince1970) + Self.futureSlack
        if let window { replace(from: window.from, to: window.to) }
        for (index, path) in paths.enumerated() where problems < ClickImporter.problemLimit {
            let parser = ClickFeedParser(path: path, fileIndex: index)
            replacedThisFile.removeAll()
            var rows: [ClickRow] = []
            rows.reserveCapacity(Self.batchRows)
            var bytes: Int64 = 0
            var lastHour = Int64.min
            var refused = 0
            parser.read(problemLimit: ClickImporter.problemLimit - problems, sources: sources, bytes: { bytes += $0 }) { row in
                // A click in the future, or outside the window asked for, is no click of it:
                // counted and refused, never stored (it would count in a window not replaced).
                if row.at > latestAllowed || window.map({ row.at < $0.from || row.at >= $0.to }) == true {
                    refused += 1
                    return
                }
                let hour = ClickTime.startOfHour(row.at)
                // A file without auction ids replaces each hour it has clicks in, from its first.
                if hour != lastHour {
                    lastHour = hour
                    if hour > latestHour {
                        latestHour = hour
                        if sums.count >= Self.flushAtNewHour { flushSums() }
                    }
                    if window == nil && !parser.facts.hasAuctionIds && !replacedThisFile.contains(hour) {
                        if !rows.isEmpty { send(&rows, &bytes) }
                        replace(from: hour, to: hour + ClickTime.hour)
                    }
                }
                rows.append(row)
                add(row, hour: hour)
                if rows.count == Self.batchRows { send(&rows, &bytes) }
            }
            send(&rows, &bytes)
            // …and the hours between its first click and its last that had none.
            if window == nil && !parser.facts.hasAuctionIds, let first = parser.facts.firstHour, let last = parser.facts.lastHour {
                replace(from: first, to: last + ClickTime.hour)
            }
            problems += parser.problems.count
            pipeline.push(.end(parser.facts, problems: parser.problems, refused: refused))
        }
        flushSums()
        pipeline.finish()
    }

    private func send(_ rows: inout [ClickRow], _ bytes: inout Int64) {
        pipeline.push(.batch(rows, sources: sources.takeNew(), bytes: bytes))
        rows.removeAll(keepingCapacity: true)
        bytes = 0
    }

    private func add(_ row: ClickRow, hour: Int64) {
        let key = (hour / ClickTime.hour) << 32 | Int64(row.source)
        if let index = sums.index(of: key) {
            let sum = sums[index: index]
            // A sum that would overflow goes to the writer first (which adds it to the block).
            if sum.clicks == UInt32.max { flushSums(); return add(row, hour: hour) }
            sums[index: index] = ClickHourSum(clicks: sum.clicks + 1, cost: ClickCost.sum(sum.cost, row.cost),
                                     first: min(sum.first, row.at), last: max(sum.last, row.at))
        } else {
            sums.append(key, ClickHourSum(clicks: 1, cost: row.cost, first: row.at, last: row.at))
            hoursInSums.insert(hour)
            if sums.count >= Self.flushSums { flushSums() }
        }
    }

    /// Every hour of `[from, to)` not yet replaced by this file loses what was stored for it —
    /// and what this import summed for it so far (earlier files), which the writer deletes too.
    private func replace(from: Int64, to: Int64) {
        var hour = ClickTime.startOfHour(from)
        var hours: [Int64] = []
        while hour < to {
            if replacedThisFile.insert(hour).inserted { hours.append(hour) }
            hour += ClickTime.hour
        }
        guard !hours.isEmpty else { return }
        if hours.contains(where: hoursInSums.contains) { flushSums() }
        pipeline.push(.replace(hours: hours))
    }

    private func flushSums() {
        guard sums.count > 0 else { return }
        var entries: [(key: Int64, sum: ClickHourSum)] = []
        entries.reserveCapacity(sums.count)
        for (key, sum) in zip(sums.keys, sums.values) { entries.append((key, sum)) }
        pipeline.push(.sums(entries, sources: sources.takeNew()))
        sums.removeAll()
        hoursInSums.removeAll(keepingCapacity: true)
    }
}

/// What the reader thread hands the writer, in order.
enum ClickImportItem: Sendable {
    /// Clicks, with the sources first numbered in them, and the bytes read for them.
    case batch([ClickRow], sources: [ClickSource], bytes: Int64)
    /// Hours whose stored clicks go (their hour start times).
    case replace(hours: [Int64])
    /// Hour sums per source, keyed hour number << 32 | the import's source number.
    case sums([(key: Int64, sum: ClickHourSum)], sources: [ClickSource])
    /// A file read to its end: its facts, its problems, and the rows refused for their time.
    case end(ClickFeedParser.FileFacts, problems: [ImportProblem], refused: Int)
}
