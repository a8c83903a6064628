import Foundation
import Testing
@testable import ClicktraxCore

/// Every text field is checked on the way in — an import file, an Invest page, an option —
/// and `--format csv` never writes a control character, whatever is in the database.
@Suite struct FieldValidationTests {
    static let zalgo = "a" + String(repeating: "\u{0301}", count: 30_000)

    @Test func namesAreBoundedInCharactersCodePointsAndMarksPerCharacter() {
        #expect(Self.zalgo.count == 1 && Self.zalgo.utf8.count > 60_000)
        #expect(TextFieldRules.nameProblem(Self.zalgo, max: 255)?.contains("a character with 30001 code points") == true)
        #expect(TextFieldRules.nameProblem("e" + String(repeating: "\u{0301}", count: 9), max: 255)?.contains("at most 8 marks") == true)
        #expect(TrackerRules.nameProblem(Self.zalgo) != nil, "the tracker dialog's rule is the same")
        // Real text in real scripts passes: accents, Vietnamese, pointed Hebrew, emoji sequences, CJK.
        for name in ["Café Olé", "Tiếng Việt ở đây", "שָׁלוֹם", "👨‍👩‍👧‍👦 family", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland", "東京ラーメン 新春セール", "e\u{0301}\u{0302}\u{0323}"] {
            #expect(TextFieldRules.nameProblem(name, max: 255) == nil, "\(name)")
        }
        #expect(TextFieldRules.nameProblem(String(repeating: "x", count: 256), max: 255)?.contains("at most 255") == true)
        #expect(TextFieldRules.nameProblem("tab\there", max: 255)?.contains("U+0009") == true)
        #expect(TextFieldRules.nameProblem("   ", max: 255)?.hasPrefix("required") == true)
    }

    @Test func codesTypesCurrenciesAndDatesFollowTheirShapes() {
        #expect(TextFieldRules.plainProblem("ADV-1 (north)", max: 100) == nil)
        #expect(TextFieldRules.plainProblem("abc\u{202E}cba", max: 100)?.contains("U+202E") == true)
        #expect(TextFieldRules.plainProblem("a\u{200B}b", max: 100)?.contains("format") == true)
        #expect(TextFieldRules.plainProblem(String(repeating: "c", count: 101), max: 100) != nil)
        #expect(TextFieldRules.tokenProblem("standard_v2") == nil && TextFieldRules.tokenProblem("flat-fee") == nil)
        #expect(TextFieldRules.tokenProblem("cpm\u{1B}[31m") != nil && TextFieldRules.tokenProblem("") != nil)
        #expect(TextFieldRules.tokenProblem(String(repeating: "a", count: 65)) != nil)
        #expect(TextFieldRules.currencyProblem("USD") == nil && TextFieldRules.currencyProblem("jpy") == nil)
        for bad in ["US", "USDX", "U$D", "ＵＳＤ"] { #expect(TextFieldRules.currencyProblem(bad) != nil, "\(bad)") }
        for good in ["2026-02-28 00:00:00", "2024-02-29 23:59:59", "2026-12-01"] {
            #expect(TextFieldRules.timestampProblem(good, dateAlone: true) == nil, "\(good)")
        }
        for bad in ["2026-02-29 00:00:00", "2026-13-01 00:00:00", "2026-04-31", "2026-01-01 24:00:00", "2026-01-01T00:00:00",
                    "yesterday", "2026-1-1", "２０２６-01-01", "2026-01-01 00:00:00\u{1B}"] {
            #expect(TextFieldRules.timestampProblem(bad, dateAlone: true) != nil, "\(bad)")
        }
        #expect(TextFieldRules.timestampProblem("2026-12-01") != nil, "last_modified is a time, not a day")
    }

    func importProblem(_ object: ImportRecord.Object) throws -> ImportProblem? {
        let store = try TestCatalog.store()
        do {
            _ = try store.importStream(dryRun: true, bulk: false) { sink in
                sink(ImportRecord(object: object, file: "in.csv", place: "line 2", origin: .operatorInput))
                return []
            }
            return nil
        } catch let failure as ImportFailure {
            return failure.problems.first
        }
    }

    /// The operator's own rows (a CSV import) are held to the input rules; each problem names its
    /// field. (Invest's pages are kept as they are: `LegacyCatalogTests`.)
    @Test func anImportNamesTheFieldOfEveryKind() throws {
        let item = LineItem(id: 9001, name: "Item", advertiserId: 1)
        var cases: [(ImportRecord.Object, String)] = []
        var typed = item; typed.lineItemType = "standard\u{1B}[2J"; cases.append((.lineItem(typed), "line_item_type"))
        var revenue = item; revenue.revenueType = "c p m"; cases.append((.lineItem(revenue), "revenue_type"))
        var money = item; money.currency = "dollars"; cases.append((.lineItem(money), "currency"))
        var start = item; start.startDate = "2026-02-30 00:00:00"; cases.append((.lineItem(start), "start_date"))
        var end = item; end.endDate = "soon"; cases.append((.lineItem(end), "end_date"))
        var heavy = item; heavy.name = Self.zalgo; cases.append((.lineItem(heavy), "name"))
        cases.append((.advertiser(Advertiser(id: 9002, code: "A\u{202E}B", name: "Adv")), "code"))
        cases.append((.publisher(Publisher(id: 9003, name: Self.zalgo)), "name"))
        cases.append((.placement(Placement(id: 9004, code: "p\u{0007}", name: "Pl", publisherId: 1)), "code"))
        cases.append((.paymentRule(PaymentRule(id: 9005, name: "Rule", publisherId: 1, costCpm: -1)), "cost_cpm"))
        for (object, field) in cases {
            let problem = try importProblem(object)
            #expect(problem?.field == field, "\(field): \(String(describing: problem))")
            #expect((problem?.description.count ?? 0) < 300, "\(field): not echoed whole")
        }
        #expect(try importProblem(.lineItem(item)) == nil)
    }

    @Test func csvCellsNeverCarryAControlCharacter() {
        let line = CSVWriter.line(["a\u{1B}[31mb", "two\nlines", "c1\u{0085}\u{009B}x", "tab\tcell", "del\u{7F}", "fine, “quoted”"])
        let body = line.dropLast(2)
        #expect(!body.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(line.debugDescription)")
        #expect(line.hasSuffix("\r\n") && line.contains("\"fine, “quoted”\""))
        #expect(CSVWriter.line(["plain"]) == "plain\r\n")
    }
}
