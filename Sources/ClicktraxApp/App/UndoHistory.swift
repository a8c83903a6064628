/// One undoable step: what it was (for "Undid: …") and the change-log entries it wrote.
public struct UndoStep: Sendable, Equatable {
    public var label: String
    public var changes: [Int64]

    public init(_ label: String, changes: [Int64]) {
        self.label = label
        self.changes = changes
    }
}

/// This session's changes, to undo and redo through the change log — several levels, never
/// someone else's change (the store refuses to revert a tracker another operator changed since).
public struct UndoHistory: Sendable, Equatable {
    public private(set) var undoable: [UndoStep] = []
    public private(set) var redoable: [UndoStep] = []
    static let depth = 100

    public init() {}

    /// A new change: it can be undone, and what was undone before can no longer be redone.
    mutating func record(_ step: UndoStep) {
        guard !step.changes.isEmpty else { return }
        undoable.append(step)
        if undoable.count > Self.depth { undoable.removeFirst() }
        redoable.removeAll()
    }

    mutating func popUndo() -> UndoStep? { undoable.popLast() }
    mutating func popRedo() -> UndoStep? { redoable.popLast() }

    /// The undo was done: the entries that reverted it can be reverted in turn (redo).
    mutating func undone(as revert: UndoStep) { redoable.append(revert) }
    mutating func redone(as step: UndoStep) { undoable.append(step) }
}
