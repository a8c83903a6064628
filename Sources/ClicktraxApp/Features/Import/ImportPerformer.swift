import ClicktraxCore
import Foundation

/// Imports from the UI — the files found at once (a wrong path goes back to the prompt), the
/// import itself in the background, one transaction, cancellable — and the demo catalog.
final class ImportPerformer {
    let store: any CatalogImporting & LineItemSearching
    let services: AppServices
    let background: BackgroundWork
    private var cancellation: ImportCancellation?

    init(store: any CatalogImporting & LineItemSearching, services: AppServices, background: BackgroundWork) {
        self.store = store
        self.services = services
        self.background = background
    }

    func perform(_ command: ImportCommand) throws -> [AppMessage] {
        switch command {
        case .importFiles(let path):
            return [.imports(startImport(path))]
        case .cancelImport:
            cancellation?.cancel()
            return []
        case .loadDemo:
            var summary = DemoCatalog.Summary()
            try store.load(bulk: false) { summary = try DemoCatalog().fill($0) }
            return [.imports(.demoLoaded(summary))]
        }
    }

    /// The most tracker changes an import may make and still be one undo step (undoing it is
    /// one transaction, as an import is; past this it is too big a thing to take back by a key).
    static let undoLimit = 10_000

    /// An import of trackers alone is one step in the history; one that changed the catalog —
    /// which has no change log — or more than `undoLimit` trackers cannot be undone, and its step
    /// says so, so `u` never reaches past it to an older, unrelated change.
    static func undoStep(_ summary: ImportSummary) -> UndoStep {
        let files = summary.files == 1 ? "1 file" : "\(summary.files) files"
        let count = summary.trackerChanges.count
        let label = "Import of \(files) (\(count) tracker change\(count == 1 ? "" : "s"))"
        if summary.changedTheCatalog {
            return UndoStep(label, changes: [], blocked: "the import of \(files) changed the catalog (line items, publishers…), which undo "
                + "does not take back; nothing before it is undone either")
        }
        if count > undoLimit {
            return UndoStep(label, changes: [], blocked: "the import of \(files) changed \(count) trackers, more than undo takes back "
                + "(\(undoLimit)); nothing before it is undone either")
        }
        return UndoStep(label, changes: summary.trackerChanges)
    }

    private func startImport(_ path: String) -> ImportMessage {
        let expanded = services.absolute(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
            return .importFinished(.badPath("no such file or folder: \(expanded)"))
        }
        var files = [expanded]
        if isFolder.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: expanded) else {
                return .importFinished(.badPath("cannot read the folder \(expanded) (permissions?)"))
            }
            files = names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }.sorted().map { expanded + "/" + $0 }
            guard !files.isEmpty else { return .importFinished(.badPath("no .json or .csv files in \(expanded)")) }
        }
        let cancellation = ImportCancellation()
        self.cancellation = cancellation
        let inbox = background.inbox
        background.run { [store, files] in
            do {
                let summary = try Importer().run(files, into: store, dryRun: false, cancellation: cancellation) { done, total, records in
                    inbox.post(.imports(.importProgress(filesDone: done, files: total, records: records)))
                }
                return [.imports(.importFinished(.imported(files: summary.files, lines: summary.lines, Self.undoStep(summary))))]
            } catch is ImportCancellation.Cancelled {
                return [.imports(.importFinished(.cancelled))]
            } catch let failure as ImportFailure {
                return [.imports(.importFinished(.refused(failure.description.split(separator: "\n").map(String.init))))]
            } catch {
                return [.imports(.importFinished(.failed("\(error)")))]
            }
        }
        return .importStarted(files: files.count)
    }
}
