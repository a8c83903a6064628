import ClicktraxCore

/// What a screen asks the runner to do outside itself; the result comes back as a toast.
public enum AppEffect: Sendable, Equatable {
    /// Put this text on the clipboard (OSC 52 and any helper).
    case copyText(String)
    /// Mail these tags to these addresses.
    case email(TagExport, [String])
    /// Write these tags to this file, whole or not at all.
    case saveFile(String, path: String)
    /// A More Action on the screen's targets (ticked trackers, or the current one).
    case run(TrackerCommand)
    /// Fill an empty database with the demo catalog (the welcome screen's offer).
    case loadDemo
    /// Ask for a file or folder to import.
    case openImport
    case openMoreActions
    /// The Create dialog (nil) or the Edit dialog of a tracker.
    case openTracker(Int64?)
    case openHelp
    case redraw
    case suspend
    case quit
}
