import ClicktraxCore
import TerminalUI

/// Getting tags out — the Export dialog, `y`, the clipboard, files, mail — over Click Trackers.
extension AppState {
    mutating func reduceDelivery(_ message: DeliveryMessage) -> [AppCommand] {
        switch message {
        case .exportOptionsRead(let options):
            exportOptions = options ?? tagDefaults
        case .exportTrackersRead(let found, let purpose):
            guard !found.isEmpty else { show("Those trackers are gone: someone deleted them", .error); reloadScreens(); return [] }
            switch purpose {
            case .dialog:
                trackers.push(.export(ExportDialog(trackers: found, options: exportOptions, hidden: clickTrackers.hiddenTicked)))
            case .copy:
                do {
                    return [.delivery(.copy(try TagExport.make(found, options: exportOptions.adapted(for: found[0].kind))))]
                } catch {
                    show("Copy Tags: \(error)", .error)
                }
            }
        case .helperStarted(let what):
            helperRunning = what
        case .copyFailed(let text):
            helperRunning = nil
            show(text, .error)
        case .copied(let export, let destination):
            helperRunning = nil
            // Which trackers, with which options: the operator pastes it into an ad server next.
            let which = TrackerIDsText.of(export.trackers.map(\.id), hidden: clickTrackers.hiddenTicked, kind: export.kind ?? .click)
            let options = [export.options.type.label] + (export.options.preset.map { ["\($0.shortLabel) preset"] } ?? [])
            let warning = export.warnings.first.map { " — warning: \($0)" } ?? ""
            let count = export.trackers.count
            show("Copied \(count) tag\(count == 1 ? "" : "s") of \(which) (\(options.joined(separator: ", "))) to \(destination)\(warning)",
                 export.warnings.isEmpty ? .success : .info)
        case .saved(let path):
            trackers.popTop(if: .path)
            show("Saved the tags to \(path)", .success)
        case .fileExists(let path):
            guard case .path(let prompt)? = trackers.modals.last, case .saveTags(let export) = prompt.purpose else { return [] }
            trackers.push(.confirm(ConfirmDialog(
                title: "Replace the file?", message: "\(path) is there already. Replace it with these tags?", confirmLabel: "Replace",
                onConfirm: .delivery(.overwrite(export, path: path)), onDecline: .show(Toast("Not saved: \(path) is kept as it was")))))
        case .saveFailed(let text):
            if !trackers.updateTop({ modal in
                guard case .path(var prompt) = modal else { return false }
                prompt.show(text)
                modal = .path(prompt)
                return true
            }) {
                show(text, .error)
            }
        case .mailed(let outcome, let recipients):
            helperRunning = nil
            trackers.popTop(if: .export)
            switch outcome {
            case .sent(let command):
                show("Sent to \(recipients.joined(separator: ", ")) through \(command)", .success)
            case .savedToOutbox(let path):
                trackers.push(.message(MessageDialog(title: "Not sent: saved to the outbox", lines: [
                    "No mail command is configured and there is no sendmail, so nothing was sent.",
                    "The message is saved, whole, as:", path,
                    "Send it from there, or set [email] command in the configuration.",
                ], isError: true)))
            }
        case .mailFailed(let text):
            helperRunning = nil
            showInExportDialog(text)
        }
        return []
    }

    mutating func performDelivery(_ intent: DeliveryIntent) -> [AppCommand] {
        switch intent {
        case .deliver(let request, let found):
            return deliver(request, trackers: found)
        case .copy(let export):
            return [.delivery(.copy(export))]
        case .page(let export):
            return [.delivery(.page(export))]
        case .saveTags(let export, let path):
            return [.delivery(.saveFile(export.text, path: path, replacing: false))]
        case .overwrite(let export, let path):
            return [.delivery(.saveFile(export.text, path: path, replacing: true))]
        }
    }

    /// Generate now: the tags replace the dialog. By mail: the message goes, and the dialog
    /// stays until it went (or says why it did not). Either way the options are remembered.
    mutating func deliver(_ request: ExportDialog.Request, trackers found: [Tracker]) -> [AppCommand] {
        let options: TagOptions
        switch request {
        case .generateNow(let chosen), .email(let chosen, _): options = chosen
        }
        // The options remembered are the click trackers' (an impression's have lost the Link and `redir`).
        let kind = found.first?.kind ?? .click
        if kind == .click { exportOptions = options }
        let remember: [AppCommand] = writeBlocked == nil && kind == .click ? [.delivery(.rememberExportOptions(options))] : []
        do {
            let export = try TagExport.make(found, options: options)
            switch request {
            case .generateNow:
                trackers.updateTop { modal in
                    guard case .export = modal else { return false }
                    modal = .result(ExportResultView(export: export))
                    return true
                }
                return remember
            case .email(_, let recipients):
                return remember + [.delivery(.email(export, recipients))]
            }
        } catch {
            showInExportDialog("\(error)")
            return remember
        }
    }

    mutating func showInExportDialog(_ text: String) {
        trackers.updateTop { modal in
            guard case .export(var dialog) = modal else { return false }
            dialog.show(text)
            modal = .export(dialog)
            return true
        }
    }
}
