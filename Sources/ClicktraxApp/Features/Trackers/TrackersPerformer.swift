import ClicktraxCore

/// Performs the Click Trackers feature's commands against the store capabilities they use:
/// the trackers and their change log, the catalog (pickers, the search index), the clicks (the
/// table's column). Writes report what their own transaction wrote — never read back after.
struct TrackersPerformer {
    typealias Store = TrackerRepository & ChangeLog & CatalogReading & LineItemSearching & ClickStoring
    let store: any Store
    let background: BackgroundWork
    /// The kind of tracker the store's tracker capabilities act on, for the words of messages.
    var kind: TrackerKind = .click

    func perform(_ command: TrackersCommand) throws -> [AppMessage] {
        try perform(command).map { .trackers($0) }
    }

    private func perform(_ command: TrackersCommand) throws -> [TrackersMessage] {
        switch command {
        case .countTrackers:
            let total = try store.trackerCount(TrackerQuery())
            return [.trackersCounted(total: total, databaseEmpty: try total == 0 && store.isEmpty())]
        case .readTrackerIDs(let query):
            return [.trackerIDsRead(query, try store.trackerIDs(query))]
        case .readTrackers(let ids, let page):
            return [.trackersRead(page: page, try store.trackers(ids: ids))]
        case .readFirstTrackers(let query, let limit):
            var first = query
            first.limit = limit
            return [.firstTrackersRead(query, try store.trackers(first))]
        case .readTracker(let id, let purpose):
            return [.trackerRead(id, try store.tracker(id: id), for: purpose)]
        case .searchPicker(let kind, let term, let advertiser):
            return [.pickerResults(kind, term: term, advertiser: advertiser, PickerSearch(catalog: store).results(kind, term, advertiser: advertiser))]
        case .readFilterIndex(let generation, let order):
            // nil: the filter runs through the store instead (slower, never wrong) — `filterFailed`.
            background.run { [store] in
                var index = try? store.trackerFilterIndex()
                // The list's rows worked out here, not on the first keystroke.
                index?.prepare(for: order)
                return [.trackers(.filterIndexRead(generation: generation, index))]
            }
        case .prepareSearch:
            // A failure only leaves searching slower (it scans), so it is not reported.
            background.run { [store] in _ = try? store.prepareSearch(); return [] }
        case .readClickActivity(let generation):
            // nil: the Clicks column stays blank; the Reports screen tells the same store's error itself.
            background.run { [store] in
                [.trackers(.clickActivityRead(generation: generation, try? store.clickActivity(days: ClickTrackersScreen.activityDays)))]
            }
        case .createTracker(let draft):
            do {
                let written = try store.createTracker(draft, id: nil)
                let saved = written.tracker
                return [.trackerSaved(saved, created: true, UndoStep("Create \(kind.shortNoun) \(saved.id)", changes: written.changes))]
            } catch {
                return [.trackerSaveFailed(ClicktraxError.from(error))]
            }
        case .updateTracker(let id, let draft, let revision):
            do {
                let written = try store.updateTracker(id: id, with: draft, expectedRevision: revision)
                return [.trackerSaved(written.tracker, created: false, UndoStep("Edit \(kind.shortNoun) \(id)", changes: written.changes))]
            } catch {
                return [.trackerSaveFailed(ClicktraxError.from(error))]
            }
        case .change(let action, let ids):
            return [try change(action, ids)]
        case .undo(let step, let confirmed):
            if !confirmed {
                let onInvest = try store.investCopies(createdBy: step.changes)
                if !onInvest.isEmpty { return [.undoAsks(step, onInvest: onInvest)] }
            }
            let reverts = try store.undo(changes: step.changes)
            return [.undone(step, revert: UndoStep(step.label, changes: reverts.map(\.sequence)))]
        case .redo(let step):
            let again = try store.undo(changes: step.changes)
            return [.redone(step, again: UndoStep(step.label, changes: again.map(\.sequence)))]
        }
        return []
    }

    private func change(_ action: MoreAction, _ ids: [Int64]) throws -> TrackersMessage {
        let noun = ids.count == 1 ? "\(kind.shortNoun) \(ids[0])" : "\(ids.count) \(kind.shortNoun)s"
        switch action {
        case .activate, .deactivate:
            let state: ObjectState = action == .activate ? .active : .inactive
            let written = try store.setState(state, trackerIds: ids)
            let changed = written.changedIds
            let what = changed.count == 1 ? "\(kind.shortNoun) \(changed[0])" : "\(changed.count) \(kind.shortNoun)s"
            let text = changed.isEmpty ? "\(noun.prefix(1).uppercased() + noun.dropFirst()) already \(state.rawValue)" : "\(action.label)d \(what)"
            return .trackersChanged(message: text, changed.isEmpty ? nil : UndoStep("\(action.label) \(what)", changes: written.changes),
                                    made: [], removed: [])
        case .duplicate:
            let written = try store.duplicateTrackers(ids: ids)
            let made = written.trackers.map { String($0.id) }.joined(separator: ", ")
            return .trackersChanged(message: "Duplicated \(noun) as \(made)", UndoStep("Duplicate \(noun) as \(made)", changes: written.changes),
                                    made: written.trackers.map(\.id), removed: [])
        case .delete:
            let written = try store.deleteTrackers(ids: ids)
            return .trackersChanged(message: "Deleted \(noun) — u undoes it", UndoStep("Delete \(noun)", changes: written.changes),
                                    made: [], removed: ids)
        case .exportTags, .copyTags, .undo, .redo, .pull, .push, .takeInvests:
            throw ClicktraxError.badInput("\(action.plainLabel) is not a change")
        }
    }
}
