import ClicktraxCore
import TerminalUI

/// Filling the database from the UI: the import prompt and its background run, the demo.
extension AppState {
    mutating func reduceImport(_ message: ImportMessage) -> [AppCommand] {
        switch message {
        case .importStarted(let files):
            trackers.popTop(if: .path)
            importing = (0, files, 0)
        case .importProgress(let done, let files, let records):
            if importing != nil { importing = (done, files, records) }
        case .importFinished(let outcome):
            return importFinished(outcome)
        case .demoLoaded(let summary):
            reloadScreens()
            show("Loaded the demo catalog: \(summary.lineItems) line items, \(summary.publishers) publishers, \(summary.trackers) click trackers",
                 .success)
            return [.trackers(.prepareSearch)]
        }
        return []
    }

    mutating func performImport(_ intent: ImportIntent) -> [AppCommand] {
        if let writeBlocked {
            show("\(intent == .loadDemo ? "Demo" : "Import"): \(writeBlocked)", .error)
            return []
        }
        switch intent {
        case .openImport:
            trackers.push(.path(.importFiles()))
            return []
        case .importPath(let path):
            return [.imports(.importFiles(path: path))]
        case .loadDemo:
            return [.imports(.loadDemo)]
        }
    }

    mutating func importFinished(_ outcome: ImportOutcome) -> [AppCommand] {
        if case .badPath(let text) = outcome {
            trackers.updateTop { modal in
                guard case .path(var prompt) = modal else { return false }
                prompt.show(text)
                modal = .path(prompt)
                return true
            }
            return []
        }
        importing = nil
        switch outcome {
        case .imported(let files, let lines, let step):
            history.record(step)
            reloadScreens()
            let undo = step.blocked.map { "Undo: \($0)." } ?? (step.changes.isEmpty ? nil : "u undoes this import.")
            trackers.push(.message(MessageDialog(title: "Imported \(files) file\(files == 1 ? "" : "s")",
                                                 lines: (lines.isEmpty ? ["The files hold no objects."] : lines) + (undo.map { ["", $0] } ?? []))))
            return [.trackers(.prepareSearch)]
        case .refused(let lines):
            trackers.push(.message(MessageDialog(title: "Import refused: nothing was written", lines: lines, isError: true)))
        case .failed(let text):
            trackers.push(.message(MessageDialog(title: "Import failed: nothing was written", lines: [text], isError: true)))
        case .cancelled:
            show("Import cancelled: nothing was written", .info)
        case .badPath:
            break
        }
        return []
    }
}
