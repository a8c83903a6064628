/// What a dialog's `handle` says, in one value, so the modal stack is changed in one place
/// (`AppState.handleTopModal`): keep it, close it, put another in its place, open one on top of
/// it, or ask the app for something (and stay, or close).
public enum ModalStep: Sendable, Equatable {
    case stay
    case close
    case replace(Modal)
    case push(Modal)
    /// The dialog stays; the intent's result comes back to it (a save refused, say).
    case emit(AppIntent)
    case closeAndEmit(AppIntent)
}
