import Foundation

/// Reading and decoding files on one core while the other writes to the database: a producer
/// thread fills this bounded queue, the import's transaction drains it. Bounded, so memory holds
/// at most `capacity` items in flight whatever the import's size. Catalog imports queue records
/// (`CatalogImportItem`), click imports batches of clicks (`ClickImportItem`).
final class ImportPipeline<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Producer side: waits while the queue is full.
    func push(_ item: Item) {
        condition.lock()
        while items.count >= capacity && !cancelled { condition.wait() }
        if !cancelled { items.append(item) }
        condition.signal()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer gave up (the database failed): the producer's pushes return at once, so its
    /// thread runs to its end instead of waiting forever.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer side: everything queued so far, waiting for some; nil once the producer is done
    /// and the queue is empty.
    func next() -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        if items.isEmpty { return nil }
        let batch = items
        items.removeAll(keepingCapacity: true)
        condition.broadcast()
        return batch
    }
}

/// What a catalog import's reader thread hands the writer.
enum CatalogImportItem: Sendable {
    /// Records in the order read, a batch at a time: one lock and one wake-up per batch, not
    /// per record (a million of those kept the writer waking and sleeping).
    case records([ImportRecord])
    /// A file was read to its end (for progress), with what its reader found besides records.
    case fileDone(index: Int, outcome: ImportFileReader.Outcome)
}
