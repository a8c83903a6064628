import ClicktraxCore

/// Impression Trackers (RULES.md §12) is the Click Trackers feature given the other kind: the same
/// screen, dialogs, reducers and performers. Its events and results are handled by the very code
/// Click Trackers' are, with its stack and undo history standing in for Click Trackers' while it
/// runs; the commands that code asks for are marked as the impressions' (`AppCommand.impressions`),
/// so the runner performs them on the impression trackers and their results come back here.
extension AppState {
    mutating func asImpressions(_ body: (inout AppState) -> [AppCommand]) -> [AppCommand] {
        guard impressions != nil, !standingIn else { return [] }
        let shownBefore = shown
        swap(&trackers, &impressions!)
        swap(&history, &impressionHistory)
        swap(&sync, &impressionSync)
        standingIn = true
        screenAsked = nil
        if shown == .impressionTrackers { shown = .clickTrackers }
        let commands = body(&self)
        if shown == .clickTrackers { shown = shownBefore }
        standingIn = false
        swap(&trackers, &impressions!)
        swap(&history, &impressionHistory)
        swap(&sync, &impressionSync)
        if let asked = screenAsked {
            screenAsked = nil
            // Alt-1 while standing in reads as "this screen": the click trackers' is meant.
            showScreen(asked)
        }
        return commands.map(Self.markedForImpressions)
    }

    /// The feature's own commands, marked — a conflict and Invest's copy are of one kind of
    /// tracker too; the rest (a pull or push of everything, the sync's status, quitting) are the app's.
    static func markedForImpressions(_ command: AppCommand) -> AppCommand {
        switch command {
        case .trackers, .delivery, .sync(.readConflict), .sync(.resolveConflict), .sync(.keepInvestsCopy): .impressions(command)
        default: command
        }
    }
}
