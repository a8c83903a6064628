import Foundation

/// An object here that a full pull's lists did not hold: removed only once Invest confirms it
/// has no such object.
public struct RemovalCandidate: Sendable, Equatable {
    public var kind: ObjectKind
    public var id: Int64
    /// A placement's or payment rule's publisher (a payment rule's JSON carries none).
    public var publisherId: Int64?
}
