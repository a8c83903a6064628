import Foundation

/// What an interrupted pull had already fetched: per list, its size and the pages staged.
public struct PullStage: Sendable {
    public var lists: [String: (count: Int, pages: Set<Int>)]
    /// When the first run of this pull started (UTC): the next incremental pull asks from
    /// before it, so what changed while it ran is fetched again.
    public var startedAt: String = Timestamp.now()
    /// This run's mark on the stage: it stages and applies only while the stage is its own.
    public var owner = UUID().uuidString

    public init(lists: [String: (count: Int, pages: Set<Int>)] = [:]) { self.lists = lists }
}
