import ClicktraxCore
import TerminalUI

/// What reaches `AppState.update`: the terminal's events, time passing, and what each command
/// found or did — from the loop's own thread or, for background work, through the inbox.
public enum AppMessage: Sendable {
    case event(InputEvent)
    /// A tenth of a second with no input: toasts fade.
    case tick

    // MARK: Reads
    case trackersCounted(total: Int, databaseEmpty: Bool)
    case trackerIDsRead(TrackerQuery, [Int64])
    case trackersRead(page: Range<Int>, [ClickTracker])
    case firstTrackersRead(TrackerQuery, [ClickTracker])
    case trackerRead(Int64, ClickTracker?, for: TrackerReadPurpose)
    case pickerResults(PickerDialog.Kind, term: String, advertiser: Int64?, PickerDialog.Results)
    case exportOptionsRead(TagOptions?)
    case pathCompleted(typed: String, PathCompletion)
    case exportTrackersRead([ClickTracker], for: ExportPurpose)
    /// nil when it could not be read: the filter then asks the store.
    case filterIndexRead(generation: Int, TrackerFilterIndex?)
    case syncStatusRead(SyncStatus)
    /// nil: the tracker is not conflicting (any more).
    case conflictRead(Int64, InvestConflict?)
    case conflictResolved(Int64, keepMine: Bool)
    /// A pull or push in the background got this far; then ended so.
    case syncProgress(SyncRun)
    case syncFinished(SyncRun.Kind, SyncOutcome)
    case reportRead(ClickReportQuery, ClickReport, ReportOrders)
    /// nil when it could not be read (the column then stays empty).
    case clickActivityRead(generation: Int, ClickActivity?)

    // MARK: Writes
    case trackerSaved(ClickTracker, created: Bool, UndoStep)
    case trackerSaveFailed(ClicktraxError)
    /// A More Action was done on these trackers: what to say, the tracker to keep the cursor
    /// on, what undoes it.
    case trackersChanged(TrackerCommand, [Int64], message: String, focus: Int64?, UndoStep?)
    case undone(UndoStep, revert: UndoStep)
    /// The step would delete these trackers on Invest at the next push: ask first.
    case undoAsks(UndoStep, onInvest: [Int64])
    case redone(UndoStep, again: UndoStep)
    case demoLoaded(DemoCatalog.Summary)

    // MARK: Background
    /// The import's files are found and it runs in the background.
    case importStarted(files: Int)
    case importProgress(filesDone: Int, files: Int, records: Int)
    case importFinished(ImportOutcome)
    /// Another process changed the database.
    case databaseChanged

    // MARK: The world outside
    /// A helper runs in the background — the clipboard's (xclip, wl-copy…; the tags are on the
    /// terminal's clipboard already) or the mail command — saying what it does, for the footer.
    case helperStarted(String)
    case copied(TagExport, destination: String)
    /// The helper failed, timed out or was stopped (the terminal's clipboard still has the tags).
    case copyFailed(String)
    case saved(path: String)
    /// The file is there: ask before replacing it.
    case fileExists(path: String)
    case saveFailed(String)
    case mailed(MailDelivery.Outcome, recipients: [String])
    case mailFailed(String)
    /// A command failed; the message says what and where.
    case failed(ClicktraxError)
}

/// How an import from the UI ended.
public enum ImportOutcome: Sendable, Equatable {
    case imported(files: Int, lines: [String])
    /// The files had problems: nothing was written.
    case refused([String])
    case failed(String)
    case cancelled
    /// The path was not there, or held nothing to import: back to the prompt.
    case badPath(String)
}
