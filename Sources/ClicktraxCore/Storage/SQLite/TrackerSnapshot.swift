import Foundation

/// A tracker as the change log keeps it: the Invest JSON plus the revision it had.
struct TrackerSnapshot: Codable {
    var revision: Int
    var tracker: Tracker

    static func json(_ tracker: Tracker?) throws -> String? {
        guard let tracker else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(TrackerSnapshot(revision: tracker.revision, tracker: tracker))
        return String(decoding: data, as: UTF8.self)
    }

    static func tracker(fromJSON json: String?, kind: TrackerKind = .click) throws -> Tracker? {
        guard let json else { return nil }
        let decoder = JSONDecoder()
        decoder.userInfo[TrackerKind.decodingKey] = kind
        var snapshot = try decoder.decode(TrackerSnapshot.self, from: Data(json.utf8))
        snapshot.tracker.revision = snapshot.revision
        return snapshot.tracker
    }
}
