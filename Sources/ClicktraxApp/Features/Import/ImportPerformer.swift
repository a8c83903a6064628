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
                return [.imports(.importFinished(.imported(files: summary.files, lines: summary.lines)))]
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
