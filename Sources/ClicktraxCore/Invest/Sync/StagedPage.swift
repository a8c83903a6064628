/// One fetched page of a list (`line-item?advertiser_id=5`), whose size is `count`.
public struct StagedPage: Sendable {
    public var list: String
    public var count: Int
    public var start: Int
    public var objects: ObjectBatch
    /// Objects of the page that could not be kept (`line item 5: id: …`).
    public var skipped: [String] = []
    /// Values left empty because they could not be read as their type.
    public var notes: [String] = []

    public init(list: String, count: Int, start: Int, objects: ObjectBatch, skipped: [String] = [], notes: [String] = []) {
        self.list = list
        self.count = count
        self.start = start
        self.objects = objects
        self.skipped = skipped
        self.notes = notes
    }
}
