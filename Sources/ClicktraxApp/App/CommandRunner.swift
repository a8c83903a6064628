import ClicktraxCore
import Foundation
import TerminalUI

/// Hands each `AppCommand` to its feature's performer — each holding only the store
/// capabilities it uses — and returns what happened as messages: quick ones at once, on the
/// loop's thread (the next frame shows them), slow ones (an import, the filter's texts, the
/// search index, a sync) from another thread through the inbox. The terminal's own commands
/// (redraw, suspend, quit) are the loop's.
public final class CommandRunner {
    public let inbox: Inbox
    let services: AppServices
    private let trackers: TrackersPerformer
    private let reports: ReportsPerformer
    private let sync: SyncPerformer
    private let delivery: DeliveryPerformer
    private let imports: ImportPerformer
    private let watch: DatabaseWatch
    /// The Impression Trackers screen's: the same performers on the impression trackers.
    private let impressionTrackers: TrackersPerformer
    private let impressionDelivery: DeliveryPerformer
    private let impressionSync: SyncPerformer

    /// `invest` makes Invest clients for Pull and Push; nil where the database has no file (tests).
    public init(store: any TrackerStore, services: AppServices, invest: InvestSession? = nil, inbox: Inbox = Inbox()) {
        self.inbox = inbox
        self.services = services
        let background = BackgroundWork(inbox: inbox)
        trackers = TrackersPerformer(store: store, background: background)
        reports = ReportsPerformer(store: store, background: background)
        sync = SyncPerformer(store: store, invest: invest, inbox: inbox)
        let helper = RunningHelper()
        delivery = DeliveryPerformer(store: store, services: services, background: background, helper: helper)
        imports = ImportPerformer(store: store, services: services, background: background)
        watch = DatabaseWatch(store: store, inbox: inbox)
        let impressions = store.scoped(to: .impression)
        let marked = BackgroundWork(inbox: inbox, mark: { .impressions($0) })
        impressionTrackers = TrackersPerformer(store: impressions, background: marked, kind: .impression)
        impressionDelivery = DeliveryPerformer(store: impressions, services: services, background: marked, helper: helper)
        impressionSync = SyncPerformer(store: impressions, invest: invest, inbox: inbox)
    }

    /// Performs one command; the messages it produced now (background results come later).
    public func perform(_ command: AppCommand) -> [AppMessage] {
        do {
            switch command {
            case .trackers(let command): return try trackers.perform(command)
            case .reports(let command): return try reports.perform(command)
            case .sync(let command): return try sync.perform(command)
            case .delivery(let command): return try delivery.perform(command)
            case .imports(let command): return try imports.perform(command)
            case .impressions(.trackers(let command)): return try impressionTrackers.perform(command).map { .impressions($0) }
            case .impressions(.delivery(let command)): return try impressionDelivery.perform(command).map { .impressions($0) }
            case .impressions(.sync(let command)): return try impressionSync.perform(command).map { .impressions($0) }
            case .impressions(let command): return perform(command)
            case .completePath(let typed):
                return [.pathCompleted(typed: typed, PathCompletion.complete(typed, home: services.home,
                                                                             currentDirectory: services.currentDirectory))]
            case .watchDatabase:
                watch.start()
                return []
            case .suspend:
                services.suspend()
                return []
            case .redraw, .quit:
                return []
            }
        } catch {
            return [.failed(ClicktraxError.from(error))]
        }
    }
}
