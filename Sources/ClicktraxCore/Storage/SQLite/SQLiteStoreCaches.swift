import Synchronization

/// What a store keeps in memory between calls, shared by the store and its views of one kind of
/// tracker (`SQLiteStore.scoped(to:)`): a million line items' search index is loaded once per
/// process, whichever screen asked.
final class SQLiteStoreCaches: Sendable {
    /// The line item search index of the current catalog generation, once a search loaded it.
    let searchIndex = Mutex<LineItemSearchIndex?>(nil)
    /// The line items of the advertiser a picker is filtered by, for one catalog generation.
    let advertiserLineItems = Mutex<(key: String, ids: Set<Int64>)?>(nil)
    /// The click sources of one click generation, once a report read them.
    let sourcePack = Mutex<(generation: String?, pack: ClickSourcePack)?>(nil)
    /// The Click Trackers table's clicks, for one click generation.
    let activity = Mutex<(generation: String?, days: Int, activity: ClickActivity)?>(nil)
}
