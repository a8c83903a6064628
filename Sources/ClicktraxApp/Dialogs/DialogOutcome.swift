/// What a dialog's `handle` says: keep it open, close it, or close it with a result for its
/// parent to act on. Dialogs never call back into other components.
public enum DialogOutcome<Result: Sendable & Equatable>: Sendable, Equatable {
    case stay
    case cancel
    case done(Result)
}
