import Foundation
import Testing
@testable import ClicktraxCore

/// The CSV reader gives back what `CSVWriter` wrote, field for field and line for line, for
/// fields with commas, doubled quotes, line breaks, accents and empties — from text, and from
/// a file of several chunks, so records cross the reader's chunk boundaries.
@Suite struct CSVReaderRoundTripTests {
    static let pieces = ["plain", "", "a,b", "say \"hi\"", "\"", "two\r\nlines", "line\nbreak", "Café Olé – 東京", "x\"y", ",", "\"\"", " spaced "]

    func records(_ count: Int, seed: UInt64) -> [[String]] {
        var state = seed
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        return (0..<count).map { _ in (0..<(1 + next() % 6)).map { _ in Self.pieces[next() % Self.pieces.count] + String(next() % 1000) } }
    }

    /// RFC 4180 by hand (the app's writer turns line breaks into spaces; a spreadsheet's does not).
    func written(_ records: [[String]]) -> String {
        records.map { fields in
            fields.map { field in
                field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",") + "\r\n"
        }.joined()
    }

    func readAll(_ reader: CSVReader) throws -> [(fields: [String], line: Int)] {
        var reader = reader
        var out: [(fields: [String], line: Int)] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    @Test func whatTheWriterWroteIsReadBackFromTextAndAcrossChunks() throws {
        let expected = records(60_000, seed: 7)
        let text = written(expected)
        #expect(text.utf8.count > 2 * CSVReader.chunkSize, "several chunks: \(text.utf8.count) bytes")
        let fromText = try readAll(CSVReader(text: text))
        #expect(fromText.map(\.fields) == expected)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try readAll(CSVReader(handle: try FileHandle(forReadingFrom: url)))
        #expect(fromFile.map(\.fields) == expected)
        // Lines: each record starts one line after the previous one's line breaks.
        var line = 1
        for (index, record) in fromFile.enumerated() {
            #expect(record.line == line, "record \(index)")
            line += 1 + expected[index].reduce(0) { $0 + $1.utf8.filter { $0 == 10 }.count }
        }
    }

    @Test func edgeCasesReadAsBefore() throws {
        let cases: [(String, [[String]])] = [
            ("a,b\nc,d", [["a", "b"], ["c", "d"]]),
            ("a,b\r\n", [["a", "b"]]),
            ("\"x\"tail,y\n", [["xtail", "y"]]),
            ("mid\"quote,z\n", [["mid\"quote", "z"]]),
            (",\n", [["", ""]]),
            ("\"\"\n", [[""]]),
            ("\"a\"\"\"\n", [["a\""]]),
            ("\u{FEFF}id,name\n", [["id", "name"]]),
            ("one\rtwo\r", [["one"], ["two"]]),
        ]
        for (text, expected) in cases {
            #expect(try readAll(CSVReader(text: text)).map(\.fields) == expected, "\(text.debugDescription)")
        }
        #expect(throws: CSVReader.Failure.self) { try readAll(CSVReader(text: "\"never closed\nmore")) }
        var bad = CSVReader(text: "")
        #expect(try bad.next() == nil)
    }
}
