import ClicktraxCore

/// What a screen asks the runner to do outside itself; the result comes back as a toast.
public enum AppEffect: Sendable, Equatable {
    /// Copy these trackers' tags (with the configured defaults) to the clipboard.
    case copyTags([Int64])
    case redraw
    case suspend
    case quit
}
