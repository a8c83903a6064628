/// One undoable step: what it was (for "Undid: …") and the change-log entries it wrote — or a
/// step that cannot be undone (an import that changed the catalog), which says why and stops
/// `u` from reaching past it to an older, unrelated change.
public struct UndoStep: Sendable, Equatable {
    public var label: String
    public var changes: [Int64]
    /// Why it cannot be undone; nil when it can.
    public var blocked: String?

    public init(_ label: String, changes: [Int64], blocked: String? = nil) {
        self.label = label
        self.changes = changes
        self.blocked = blocked
    }

    /// The label with each id of `ids` written as its new one. Ids are whole runs of digits in
    /// the label, and a provisional id (≥ 10^12) is no other number a label holds.
    func renumbered(_ ids: [Int64: Int64]) -> UndoStep {
        var text = ""
        var digits = ""
        func flush() {
            if let old = Int64(digits), let new = ids[old] { text += String(new) } else { text += digits }
            digits = ""
        }
        for character in label {
            if character.isASCII && character.isNumber { digits.append(character); continue }
            flush()
            text.append(character)
        }
        flush()
        return UndoStep(text, changes: changes, blocked: blocked)
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
        guard !step.changes.isEmpty || step.blocked != nil else { return }
        undoable.append(step)
        if undoable.count > Self.depth { undoable.removeFirst() }
        redoable.removeAll()
    }

    mutating func popUndo() -> UndoStep? { undoable.popLast() }
    /// A step popped to undo that waits for the operator's yes goes back where it was.
    mutating func putBack(_ step: UndoStep) { undoable.append(step) }
    mutating func popRedo() -> UndoStep? { redoable.popLast() }

    /// The undo was done: the entries that reverted it can be reverted in turn (redo).
    mutating func undone(as revert: UndoStep) { redoable.append(revert) }
    mutating func redone(as step: UndoStep) { undoable.append(step) }

    /// After a push: trackers made here carry the ids Invest gave them, in every label. (The
    /// change log's entries moved with them, so the steps' numbers stay right.)
    mutating func renumber(_ ids: [Int64: Int64]) {
        guard !ids.isEmpty else { return }
        undoable = undoable.map { $0.renumbered(ids) }
        redoable = redoable.map { $0.renumbered(ids) }
    }
}
