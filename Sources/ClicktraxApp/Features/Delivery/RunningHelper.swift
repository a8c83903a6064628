import ClicktraxCore

/// The clipboard or mail helper running in the background, to stop on Esc. One for the app: the
/// Click Trackers and Impression Trackers screens each have a `DeliveryPerformer`, and Esc on
/// either screen stops the helper whichever started it. Used on the loop's thread only.
final class RunningHelper {
    var cancellation: CancelFlag?
}
