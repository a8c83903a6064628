import ClicktraxCore
import Foundation
import Testing

/// Invest stored the tracker, and this database could not note it (a full disk): the push says
/// the tracker may be on Invest and that the next push settles it — and the next one does,
/// without a second POST (issue 28, honest messages at the edges).
@Suite struct PushRecordFailureTests {
    /// The real store, but unable to record what a push confirmed (as with the disk full).
    final class CannotRecord: InvestSyncing, @unchecked Sendable {
        let store: SQLiteStore
        init(_ store: SQLiteStore) { self.store = store }

        func recordPushed(localId: Int64, invest: Tracker, sentRevision: Int?) throws -> Tracker? {
            throw ClicktraxError.operational("clicktrax.sqlite: the disk is full; nothing was saved")
        }
        func investConnection() throws -> InvestConnection? { try store.investConnection() }
        func saveInvestConnection(_ connection: InvestConnection) throws { try store.saveInvestConnection(connection) }
        func openPullStage(key: String) throws -> PullStage { try store.openPullStage(key: key) }
        func stage(_ pages: [StagedPage], owner: String) throws { try store.stage(pages, owner: owner) }
        func discardStagedList(_ list: String) throws { try store.discardStagedList(list) }
        func applyPull(_ plan: PullPlan) throws -> PullSummary { try store.applyPull(plan) }
        func removalCandidates(advertisers: [Int64]) throws -> [RemovalCandidate] { try store.removalCandidates(advertisers: advertisers) }
        func pendingChanges() throws -> [PendingChange] { try store.pendingChanges() }
        func conflicts() throws -> [InvestConflict] { try store.conflicts() }
        func outbox() throws -> [OutboxEntry] { try store.outbox() }
        func writeOutbox(_ entry: OutboxEntry) throws { try store.writeOutbox(entry) }
        func clearOutbox(trackerId: Int64) throws { try store.clearOutbox(trackerId: trackerId) }
        func settleCreate(localId: Int64, candidates: [Tracker], sentRevision: Int?) throws -> Tracker? {
            try store.settleCreate(localId: localId, candidates: candidates, sentRevision: sentRevision)
        }
        func recordPushedDelete(id: Int64) throws { try store.recordPushedDelete(id: id) }
        func recordRefusal(id: Int64, message: String) throws { try store.recordRefusal(id: id, message: message) }
        func recordConflict(id: Int64, theirs: Tracker?, reason: String) throws {
            try store.recordConflict(id: id, theirs: theirs, reason: reason)
        }
        func resolveConflict(id: Int64, keepMine: Bool) throws { try store.resolveConflict(id: id, keepMine: keepMine) }
        func keepInvestsCopy(id: Int64, removingUnpushed: Bool) throws -> KeepInvestsCopy {
            try store.keepInvestsCopy(id: id, removingUnpushed: removingUnpushed)
        }
    }

    @Test func aPushThatCannotRecordWhatLandedSaysSoAndTheNextSettlesIt() throws {
        let commands = InvestCommandTests()
        let setup = try commands.connected()
        let id = try commands.createHere(setup, name: "Landed, not noted")
        let store = try SQLiteStore.open(path: setup.cli.database)
        let client = InvestClient(endpoint: try InvestEndpoint(setup.invest.api), username: InvestStandIn.username, token: nil,
                                  password: { InvestStandIn.password })
        let push = InvestPush(client: client, store: CannotRecord(store), kind: .click, events: { _ in })
        let results = try AsyncBridgeForTests.wait { try await push.run() }
        guard case .unknown(let why)? = results.first?.outcome else { Issue.record("\(results)"); return }
        #expect(why.contains("Invest stored it as") && why.contains("the disk is full") && why.contains("the next push settles it"), "\(why)")
        #expect(try commands.trackersOnInvest(setup, named: "Landed, not noted").count == 1)
        // The next push, with a store that can write: settled, not sent again.
        let next = try setup.run(["invest", "push"])
        #expect(next.status == 0 && next.stdout.contains("pushed"), "\(next.stdout) \(next.stderr)")
        #expect(try commands.trackersOnInvest(setup, named: "Landed, not noted").count == 1)
        #expect(try setup.run(["trackers", "show", "\(id)"]).status != 0, "it carries Invest's id now")
    }
}

/// Waits for async work from a synchronous test.
enum AsyncBridgeForTests {
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    final class ResultBox<T>: @unchecked Sendable { var result: Result<T, any Error>? }
}
