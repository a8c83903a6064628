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
    public func run(_ paths: [String], into store: SQLiteStore, dryRun: Bool,
                    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> ImportSummary {
        var records: [ImportRecord] = []
        var problems: [ImportProblem] = []
        for (index, path) in paths.enumerated() {
            let read = ImportFileReader(path: path, publisherForPaymentRules: publisherForPaymentRules, csvKind: csvKind).read()
            records += read.records
            problems += read.problems
            progress(index + 1, paths.count)
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        var summary = try store.importRecords(records, dryRun: dryRun)
        summary.files = paths.count
        return summary
    }
}
