import ClicktraxCore
import TerminalUI

/// Runs a More Action against the store and words the result for a toast. Keeps the change-log
/// entries this session made, so `u` undoes exactly them — never someone else's edit.
public struct TrackerCommandRunner {
    let store: any TrackerStore
    /// Each action's change-log entries, newest last.
    public private(set) var undoStack: [[Int64]] = []

    public init(store: any TrackerStore) { self.store = store }

    public var canUndo: Bool { !undoStack.isEmpty }

    /// Activate, deactivate, duplicate, delete (already confirmed) or undo. Returns the message.
    public mutating func run(_ command: TrackerCommand, on ids: [Int64]) throws -> String {
        let noun = ids.count == 1 ? "tracker \(ids[0])" : "\(ids.count) trackers"
        switch command {
        case .activate, .deactivate:
            let state: ObjectState = command == .activate ? .active : .inactive
            let before = try ids.compactMap { try store.tracker(id: $0) }
            let changed = before.filter { $0.state != state }.map(\.id)
            _ = try store.setState(state, trackerIds: ids)
            try remember(changed)
            return changed.isEmpty ? "\(noun.capitalizedFirst) already \(state.rawValue)" : "\(command.label)d \(changed.count == 1 ? "tracker \(changed[0])" : "\(changed.count) trackers")"
        case .duplicate:
            let copies = try store.duplicateTrackers(ids: ids)
            try remember(copies.map(\.id))
            return "Duplicated \(noun) as \(copies.map { String($0.id) }.joined(separator: ", "))"
        case .delete:
            _ = try store.deleteTrackers(ids: ids)
            try remember(ids)
            return "Deleted \(noun) — u undoes it"
        case .undo:
            guard let batch = undoStack.popLast() else { return "Nothing to undo" }
            var undone = 0
            for sequence in batch.reversed() {
                _ = try store.undo(change: sequence)
                undone += 1
            }
            return "Undid the last change (\(undone) tracker\(undone == 1 ? "" : "s"))"
        case .copyTags, .exportTags:
            return ""
        }
    }

    /// The newest change-log entry of each tracker just changed, as one undoable step.
    mutating func remember(_ ids: [Int64]) throws {
        let sequences = try ids.compactMap { try store.changes(trackerId: $0, limit: 1).first?.sequence }
        if !sequences.isEmpty { undoStack.append(sequences) }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
