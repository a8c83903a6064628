/// What a pull or push is doing, for a progress bar or a log line. Sent from the client's
/// tasks; the receiver must be quick (it runs on the network's thread).
public enum InvestEvent: Sendable, Equatable {
    /// A page of a list arrived: the list (`line-item?advertiser_id=5`), the objects in it.
    case page(list: String, objects: Int)
    /// A list's size is known (its first page said `count`), in pages.
    case listSized(list: String, pages: Int)
    /// Invest throttled a call, or it failed and will be tried again: waiting this long.
    case waiting(seconds: Double, why: String)
    /// Logged in again after Invest answered NOAUTH (the session had expired).
    case loggedInAgain
    /// A line for the operator (push results, reconciling).
    case note(String)
}
