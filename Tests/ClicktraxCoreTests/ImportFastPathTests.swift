import Foundation
import GRDB
import Testing
@testable import ClicktraxCore

/// The shortcuts a million-row import takes give the answers the long way gives.
@Suite struct ImportFastPathTests {
    @Test func idsSeenTwiceAreFoundInOrderOrNot() {
        var ids = DistinctIDs()
        func new(_ id: Int64) -> Bool { ids.insert(id) }
        // Ascending, as an export lists them; then back and forth.
        for id: Int64 in [1, 2, 5, 9] { #expect(new(id), "\(id) is new") }
        #expect(!new(9) && !new(2) && !new(1), "seen in the ascending run")
        #expect(new(3) && new(4), "below the run, not seen")
        #expect(!new(3), "seen out of order")
        // Above the run, but seen out of order before: a repeat all the same.
        #expect(new(7))
        #expect(new(20))
        #expect(!new(7))
        var other = DistinctIDs()
        func fresh(_ id: Int64) -> Bool { other.insert(id) }
        #expect(fresh(30) && fresh(10) && !fresh(30) && !fresh(10) && fresh(40) && !fresh(40))
    }

    @Test func aCSVIdTwiceIsRefusedWhereverItComes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (rows, repeatedLine) in [("5,a\n6,b\n5,c\n", 4), ("9,a\n3,b\n12,c\n3,d\n", 5), ("9,a\n3,b\n12,c\n9,d\n", 5)] {
            let path = folder.appendingPathComponent("advertisers.csv").path
            try Data(("id,name\n" + rows).utf8).write(to: URL(fileURLWithPath: path))
            let problems = ImportFileReader(path: path, publisherForPaymentRules: nil, csvKind: nil).read().problems
            #expect(problems.count == 1 && problems[0].place == "line \(repeatedLine)" && problems[0].message.contains("comes twice"), "\(rows): \(problems)")
        }
    }

    /// The scalars `mayJoin` answers without Unicode's tables are none of the categories that join.
    @Test func theJoiningShortcutAgreesWithUnicode() {
        let joining: Set<Unicode.GeneralCategory> = [.nonspacingMark, .spacingMark, .enclosingMark, .format]
        for range in [0x2010...0x2027, 0x2030...0x205E, 0x3041...0x3096, 0x30A0...0x30FF, 0x4E00...0x9FFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(!joining.contains(scalar.properties.generalCategory) && !TextFieldRules.mayJoin(scalar), "U+\(String(value, radix: 16))")
            }
        }
        // The table still decides around them.
        #expect(TextFieldRules.mayJoin("\u{200D}") && TextFieldRules.mayJoin("\u{202E}") && TextFieldRules.mayJoin("\u{3099}"))
        #expect(TextFieldRules.nameProblem("Acme – UK – Display – 東京ラーメン", max: 255) == nil)
    }

    /// A long value repeated down a column is handed out again — and only when the bytes are the same.
    @Test func repeatedLongFieldsReadAsWritten() throws {
        let rows = [["1", "2026-01-01 00:00:00", "standard_v2"], ["2", "2026-01-01 00:00:00", "standard_v2"],
                    ["3", "2026-01-02 00:00:00", "standard_v2"], ["4", "2026-01-02 00:00:01", "x"],
                    ["5", "2026-01-02 00:00:01", "2026-01-02 00:00:01"], ["6", "'=2026-01-02 00:00:01", "Zürich Zürich Zürich"],
                    ["7", "2026-01-02 00:00:0", "Zürich Zürich Zürich"]]
        var reader = CSVReader(text: rows.map { $0.joined(separator: ",") + "\n" }.joined())
        var read: [[String]] = []
        while let record = try reader.next() { read.append(record.fields) }
        var expected = rows
        expected[5][1] = "=2026-01-02 00:00:01"
        #expect(read == expected)
    }

    @Test func foldingTakesTheShortWayForASCIIAndRepeatedScalars() {
        #expect(TextFolding.fold("ACME Holiday 2026 #42") == "acme holiday 2026 #42")
        #expect(TextFolding.fold("") == "")
        #expect(TextFolding.fold("Café – UK – Olé – ÉTÉ – ß") == "cafe – uk – ole – ete – " + TextFolding.fold("ß"))
        #expect(TextFolding.fold("ÀÀÀ àà") == "aaa aa")
    }

    @Test func aNewDatabaseHasSixteenKilobytePagesAndAnOldOneKeepsItsOwn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fresh = folder.appendingPathComponent("new.sqlite").path
        let store = try SQLiteStore.open(path: fresh)
        #expect(try store.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 16384)
        // A database made with 4 KB pages (by an earlier Clicktrax, or by hand) opens and keeps them.
        let old = folder.appendingPathComponent("old.sqlite").path
        try DatabaseQueue(path: old).write { db in
            try db.execute(sql: "PRAGMA page_size = 4096; CREATE TABLE t (x)")
        }
        let reopened = try SQLiteStore.open(path: old)
        #expect(try reopened.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4096)
        #expect(try reopened.searchLineItems("anything", limit: 5).isEmpty)
    }
}
