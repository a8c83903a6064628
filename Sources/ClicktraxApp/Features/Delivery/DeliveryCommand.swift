import ClicktraxCore

/// Getting tags out: the export options remembered, the clipboard, files and mail
/// (`DeliveryPerformer`).
public enum DeliveryCommand: Sendable, Equatable {
    case readExportOptions
    case rememberExportOptions(TagOptions)
    /// The trackers an export or a copy works on.
    case readExportTrackers([Int64], for: ExportPurpose)
    case copy(TagExport)
    /// The tags in the pager, the terminal given to it meanwhile.
    case page(TagExport)
    /// Esc while a helper (clipboard, mail) runs: stop it.
    case cancelHelper
    /// Writes the tags to a file, whole or not at all; an existing file only when `replacing`.
    case saveFile(String, path: String, replacing: Bool)
    case email(TagExport, [String])
}

/// What the trackers of an export are for.
public enum ExportPurpose: Sendable, Equatable {
    /// The Export dialog.
    case dialog
    /// `y`: copy at once, with the last Export options.
    case copy
}

/// What delivery found or did.
public enum DeliveryMessage: Sendable {
    case exportOptionsRead(TagOptions?)
    case exportTrackersRead([Tracker], for: ExportPurpose)
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
}

/// What the export dialogs ask of the app.
public enum DeliveryIntent: Sendable, Equatable {
    case deliver(ExportDialog.Request, trackers: [Tracker])
    case copy(TagExport)
    case page(TagExport)
    case saveTags(TagExport, path: String)
    /// Saving over the file that is there, confirmed.
    case overwrite(TagExport, path: String)
}
