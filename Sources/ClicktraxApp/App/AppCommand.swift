import ClicktraxCore
import TerminalUI

/// Everything the app asks of the world — the store, the clipboard, files, mail, the terminal —
/// as values. `AppState.update` returns them; `CommandRunner` performs them and feeds what
/// happened back as `AppMessage`s. A flow test can read "Enter on Create emits
/// `.createTracker(draft)`" with no database at all.
public enum AppCommand: Sendable, Equatable {
    // MARK: Reads (quick, on the loop's thread: the next frame shows them)
    case countTrackers
    /// Every tracker's ID in this order (the query has no search: the filter narrows in memory).
    case readTrackerIDs(TrackerQuery)
    /// A page of the table: the trackers with these IDs, for rows `page`.
    case readTrackers(ids: [Int64], page: Range<Int>)
    /// The first frame's screenful: the first `limit` trackers of this order, read by the query
    /// itself (every ID in order comes once that frame is up).
    case readFirstTrackers(TrackerQuery, limit: Int)
    case readTracker(Int64, for: TrackerReadPurpose)
    /// A picker's search; `advertiser` filters a line item search.
    case searchPicker(PickerDialog.Kind, term: String, advertiser: Int64?)
    case readExportOptions
    /// Tab in a path prompt: complete from the file system.
    case completePath(String)
    /// The trackers an export or a copy works on.
    case readExportTrackers([Int64], for: ExportPurpose)

    // MARK: Background (off the loop; the result arrives in the inbox)
    /// The filter's texts of every tracker (`TrackerFilterIndex`); `generation` tells a stale
    /// read from the current one; `order`, the list the screen shows, is prepared for with it.
    case readFilterIndex(generation: Int, order: [Int64])
    /// Brings the line item search index up to date and into memory.
    case prepareSearch
    /// Imports a file, or the .json and .csv files of a folder, all or nothing.
    case importFiles(path: String)
    case cancelImport
    /// Watches the database for changes made by other processes.
    case watchDatabase
    /// The connection to Invest, what is pending, what is conflicting.
    case readSyncStatus
    /// A pull from or a push to Invest, progress and outcome in the inbox.
    case runSync(SyncRun.Kind)
    /// Both versions of a conflicting tracker.
    case readConflict(Int64)
    /// A clicks report for the Reports screen.
    case runReport(ClickReportQuery)
    /// Clicks per tracker per day over the last 14 days, for the table's column; `generation`
    /// tells a stale read from the current one.
    case readClickActivity(generation: Int)

    // MARK: Writes
    case createTracker(TrackerDraft)
    case updateTracker(id: Int64, TrackerDraft, revision: Int)
    /// Activate, deactivate, duplicate or delete (already confirmed).
    case change(TrackerCommand, [Int64])
    /// Undo a step; unless `confirmed`, one that would delete a tracker on Invest asks first.
    case undo(UndoStep, confirmed: Bool)
    case redo(UndoStep)
    case rememberExportOptions(TagOptions)
    case loadDemo
    case resolveConflict(Int64, keepMine: Bool)
    /// Drops what waits for Invest on these trackers and restores Invest's copies; a tracker
    /// never pushed is removed (the operator agreed).
    case keepInvestsCopy([Int64])

    // MARK: The world outside
    case copy(TagExport)
    /// Esc while a helper (clipboard, mail) runs: stop it.
    case cancelHelper
    /// Writes the tags to a file, whole or not at all; an existing file only when `replacing`.
    case saveFile(String, path: String, replacing: Bool)
    case email(TagExport, [String])
    case suspend
    /// Forget what is on the terminal and draw everything again.
    case redraw
    case quit
}

/// Why a tracker is read.
public enum TrackerReadPurpose: Sendable, Equatable {
    case edit
    /// Into the open dialog, after a save was refused over someone's change.
    case reloadDialog
}

/// What the trackers of an export are for.
public enum ExportPurpose: Sendable, Equatable {
    /// The Export dialog.
    case dialog
    /// `y`: copy at once, with the last Export options.
    case copy
}
