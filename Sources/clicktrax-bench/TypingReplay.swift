import ClicktraxCore
import Foundation

/// An operator typing into the line item picker: each query replayed a letter at a time through
/// the same call the picker makes (`findLineItems`, the top 200), in one process whose search
/// index is loaded as the UI loads it at start.
struct TypingReplay {
    /// Real queries: a campaign by brand, by market and format, accents typed without them,
    /// Japanese, a word from the middle of names, an ID, and one with typos (the fuzzy fallback).
    static let queries = [
        "wonka holiday jp", "holiday jp audio", "back to school de video", "globex summer sale",
        "cafe ole", "東京ラーメン 新春", "retargeting", "video 30s dec 2026", "zurich uhren black friday",
        "contextual", "74957", "wnka hlday jp",
    ]
    static let limit = 200

    struct QueryResult {
        var query: String
        var stats: LatencyStats
        var found: Int
        var fuzzy: Bool
    }

    static func run(store: SQLiteStore) throws -> (perQuery: [QueryResult], all: LatencyStats, slowest: [(typed: String, ms: Double)]) {
        var results: [QueryResult] = []
        var all: [Double] = []
        var each: [(typed: String, ms: Double)] = []
        for query in queries {
            var samples: [Double] = []
            var last: LineItemMatches?
            let characters = Array(query)
            for length in 1...characters.count {
                let typed = String(characters[..<length])
                let started = DispatchTime.now()
                last = try store.findLineItems(typed, limit: limit)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6)
                each.append((typed, samples.last!))
            }
            all += samples
            results.append(QueryResult(query: query, stats: LatencyStats(samples), found: last?.items.count ?? 0, fuzzy: last?.fuzzy ?? false))
        }
        return (results, LatencyStats(all), Array(each.sorted { $0.ms > $1.ms }.prefix(5)))
    }
}
