import Foundation
import Testing
@testable import ClicktraxCore

@Suite struct InvestEnvelopeStreamTests {
    func streamed<T: InvestObject>(_ objects: [T]) throws -> String {
        var stream = try InvestEnvelopeStream<T>(count: objects.count)
        var bytes = Array(stream.start.utf8)
        for object in objects { try stream.append(object, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self) + (try stream.end())
    }

    @Test func theStreamIsTheWholeDocumentForAnyNumberOfObjects() throws {
        let store = try TestCatalog.store()
        try TestCatalog.fill(store)
        for index in 0..<3 { _ = try store.createTracker(TestCatalog.draft(name: "Tracker \(index) \"quoted\" / é"), id: nil).tracker }
        let trackers = try store.trackers(TrackerQuery())
        let lineItems = try store.allLineItems()
        for count in [0, 1, trackers.count] {
            let some = Array(trackers.prefix(count))
            #expect(try streamed(some) == String(decoding: try InvestEnvelope.encode(some), as: UTF8.self) + "\n")
        }
        // Kinds without a PrettyJSON writer go through JSONEncoder a chunk at a time.
        let publishers = (0..<(InvestEnvelopeStream<Publisher>.chunkSize * 2 + 3)).map {
            Publisher(id: Int64($0 + 1), code: $0 % 2 == 0 ? nil : "P\($0)", name: "Publisher \($0) \"x\" / é", state: .active)
        }
        for count in [0, 1, InvestEnvelopeStream<Publisher>.chunkSize, publishers.count] {
            let some = Array(publishers.prefix(count))
            #expect(try streamed(some) == String(decoding: try InvestEnvelope.encode(some), as: UTF8.self) + "\n")
        }
        for count in [0, 1, lineItems.count] {
            let some = Array(lineItems.prefix(count))
            #expect(try streamed(some) == String(decoding: try InvestEnvelope.encode(some), as: UTF8.self) + "\n")
        }
    }
}
