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

    /// `progress` is told, as the import goes, how many files are done of how many, and how many
    /// records went in (every file, and every 50,000 records within a big one). `cancellation`
    /// stops it from another thread, writing nothing.
    public func run(_ paths: [String], into store: any CatalogImporting & LineItemSearching, dryRun: Bool, cancellation: ImportCancellation? = nil,
                    progress: (_ filesDone: Int, _ files: Int, _ records: Int) -> Void = { _, _, _ in }) throws -> ImportSummary {
        // One file in memory at a time: its records go into the transaction before the next is read.
        // Many files (a paged export) or a big one: build the line item indexes once, at the end.
        // Sizes only weigh the progress bar; an unreadable file is reported by its reader.
        ImportTrace.mark("started")
        let bytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let bulk = paths.count > 200 || bytes > 20_000_000
        // Files are read and decoded on a second thread while this one writes: the two halves of
        // an import's work overlap on a 2-core machine.
        // At most 20 batches of 1,000 records in flight.
        let pipeline = ImportPipeline<CatalogImportItem>(capacity: 20)
        let reader = Thread { [publisherForPaymentRules, csvKind] in
            var batch: [ImportRecord] = []
            batch.reserveCapacity(1_000)
            for (index, path) in paths.enumerated() {
                let outcome = ImportFileReader(path: path, publisherForPaymentRules: publisherForPaymentRules, csvKind: csvKind)
                    .read { record in
                        batch.append(record)
                        if batch.count == 1_000 {
                            pipeline.push(.records(batch))
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                if !batch.isEmpty {
                    pipeline.push(.records(batch))
                    batch.removeAll(keepingCapacity: true)
                }
                pipeline.push(.fileDone(index: index, outcome: outcome))
            }
            ImportTrace.markWithThreadCPU("every record read")
            pipeline.finish()
        }
        reader.start()
        defer { pipeline.cancel() }
        var skipped: [String] = []
        var leftEmpty: [String] = []
        var legacy = LegacyValues()
        var summary = try store.importStream(dryRun: dryRun, bulk: bulk) { sink in
            var problems: [ImportProblem] = []
            var records = 0
            var filesDone = 0
            while let batch = pipeline.next() {
                for item in batch {
                    switch item {
                    case .records(let list):
                        for record in list {
                            sink(record)
                            records += 1
                            if records % 50_000 == 0 { progress(filesDone, paths.count, records) }
                        }
                        try cancellation?.check()
                    case .fileDone(let index, let outcome):
                        try cancellation?.check()
                        problems += outcome.problems
                        skipped += outcome.skipped.map { "\(paths[index]): \($0)" }
                        leftEmpty += outcome.leftEmpty.map { "\(paths[index]): \($0)" }
                        legacy.merge(outcome.legacy)
                        filesDone = index + 1
                        progress(filesDone, paths.count, records)
                    }
                }
            }
            return problems
        }
        summary.files = paths.count
        summary.skipped = skipped
        summary.leftEmpty = leftEmpty
        legacy.sort()
        summary.legacy = legacy
        // The names' search index is built now, with the import, so the first search after it is
        // as fast as any other (about 2 s for a million names); the codes' index is the first
        // search's (`ensureCodeKeyIndex`). Failing here loses nothing: the index stays marked out
        // of date and the next search builds it.
        let lineItems = summary.counts[.lineItem] ?? ImportSummary.Counts()
        if !dryRun && lineItems.created + lineItems.updated > 0 {
            try? store.refreshNameIndex()
            ImportTrace.mark("search index built")
        }
        return summary
    }
}
