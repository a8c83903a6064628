import Foundation

/// `clicktrax import`: reads every file, then imports everything in one transaction — all of
/// it or none. Problems in the files are all collected first, so one run lists them together.
public struct Importer: Sendable {
    public var publisherForPaymentRules: Int64?
    public var csvKind: ObjectKind?

    public init(publisherForPaymentRules: Int64? = nil, csvKind: ObjectKind? = nil) {
        self.publisherForPaymentRules = publisherForPaymentRules
        self.csvKind = csvKind
    }

    /// `progress` is told each file as it is read (for a progress line on a terminal).
    public func run(_ paths: [String], into store: any TrackerStore, dryRun: Bool,
                    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> ImportSummary {
        // One file in memory at a time: its records go into the transaction before the next is read.
        // Many files (a paged export) or a big one: build the line item indexes once, at the end.
        let bytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let bulk = paths.count > 200 || bytes > 20_000_000
        // Files are read and decoded on a second thread while this one writes: the two halves of
        // an import's work overlap on a 2-core machine.
        let pipeline = ImportPipeline()
        let reader = Thread { [publisherForPaymentRules, csvKind] in
            for (index, path) in paths.enumerated() {
                let problems = ImportFileReader(path: path, publisherForPaymentRules: publisherForPaymentRules, csvKind: csvKind)
                    .read { pipeline.push(.record($0)) }
                pipeline.push(.fileDone(index: index, problems: problems))
            }
            pipeline.finish()
        }
        reader.start()
        defer { pipeline.cancel() }
        var summary = try store.importStream(dryRun: dryRun, bulk: bulk) { sink in
            var problems: [ImportProblem] = []
            while let batch = pipeline.next() {
                for item in batch {
                    switch item {
                    case .record(let record): sink(record)
                    case .fileDone(let index, let fileProblems):
                        problems += fileProblems
                        progress(index + 1, paths.count)
                    }
                }
            }
            return problems
        }
        summary.files = paths.count
        return summary
    }
}
