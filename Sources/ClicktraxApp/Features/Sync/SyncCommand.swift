import ClicktraxCore

/// What the Invest connection asks of the store and of Invest (`SyncPerformer`).
public enum SyncCommand: Sendable, Equatable {
    /// The connection to Invest, what is pending, what is conflicting.
    case readSyncStatus
    /// A pull from or a push to Invest, progress and outcome in the inbox.
    case runSync(SyncRun.Kind)
    /// Both versions of a conflicting tracker.
    case readConflict(Int64)
    case resolveConflict(Int64, keepMine: Bool)
    /// Drops what waits for Invest on these trackers and restores Invest's copies; a tracker
    /// never pushed is removed (the operator agreed).
    case keepInvestsCopy([Int64])
}

/// What it found or did.
public enum SyncMessage: Sendable {
    /// Click trackers' and impression trackers'.
    case syncStatusRead(SyncStatus, impressions: SyncStatus)
    /// nil: the tracker is not conflicting (any more).
    case conflictRead(Int64, InvestConflict?)
    case conflictResolved(Int64, keepMine: Bool)
    /// A pull or push in the background got this far; then ended so.
    case syncProgress(SyncRun)
    case syncFinished(SyncRun.Kind, SyncOutcome)
    /// Take Invest's Copy was done: what to say, the trackers removed, what undoes it.
    case investsCopyTaken(message: String, removed: [Int64], UndoStep)
}

/// What the connection's dialogs ask of the app.
public enum SyncIntent: Sendable, Equatable {
    /// Settle a conflicting tracker: this database's version, or Invest's.
    case resolveConflict(Int64, keepMine: Bool)
    /// Take Invest's Copy, confirmed.
    case takeInvests([Int64])
}
