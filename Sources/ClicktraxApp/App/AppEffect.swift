import ClicktraxCore

/// What a screen asks the runner to do outside itself; the result comes back as a toast.
public enum AppEffect: Sendable, Equatable {
    /// Copy these trackers' tags (with the configured defaults) to the clipboard.
    case copyTags([Int64])
    /// A More Action on the screen's targets (ticked trackers, or the current one).
    case run(TrackerCommand)
    case openMoreActions
    /// The Create dialog (nil) or the Edit dialog of a tracker.
    case openTracker(Int64?)
    case openHelp
    case redraw
    case suspend
    case quit
}
