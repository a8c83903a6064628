import ClicktraxCore
import Foundation
import Testing

/// Listings are written as they are read (issue 15), and say exactly what the whole-list
/// printer said: the Invest envelope byte for byte, the same CSV, an aligned table.
@Suite struct StreamingListTests {
    @Test func streamedListingsAreTheWholeListsByteForByte() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let store = try SQLiteStore.open(path: cli.database)
        let trackers = try store.trackers(TrackerQuery())
        let lineItems = try store.allLineItems()
        #expect(trackers.count == 25 && lineItems.count == 300)

        let trackersJSON = try cli.run(["trackers", "list", "--format", "json"])
        #expect(trackersJSON.status == 0)
        #expect(trackersJSON.stdout == String(decoding: try InvestEnvelope.encode(trackers), as: UTF8.self) + "\n")
        let itemsJSON = try cli.run(["line-items", "list", "--format", "json"])
        #expect(itemsJSON.stdout == String(decoding: try InvestEnvelope.encode(lineItems), as: UTF8.self) + "\n")
        #expect(try cli.run(["trackers", "list", "--format", "csv"]).stdout == CSVWriter.document(trackers))
        #expect(try cli.run(["line-items", "list", "--format", "csv"]).stdout == CSVWriter.document(lineItems))

        // A filter that selects nothing is still a whole document.
        let none = try cli.run(["trackers", "list", "--search", "no such words anywhere", "--format", "json"])
        #expect(none.stdout == String(decoding: try InvestEnvelope.encode([Tracker]()), as: UTF8.self) + "\n")
        let some = try cli.run(["trackers", "list", "--state", "inactive", "--format", "json"])
        let inactive = try store.trackers(TrackerQuery(state: .inactive))
        #expect(some.stdout == String(decoding: try InvestEnvelope.encode(inactive), as: UTF8.self) + "\n")
    }

    @Test func everyCatalogListingStreamsTheSameDocument() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let store = try SQLiteStore.open(path: cli.database)
        func json<T: InvestObject>(_ objects: [T]) throws -> String { String(decoding: try InvestEnvelope.encode(objects), as: UTF8.self) + "\n" }
        #expect(try cli.run(["advertisers", "list", "--format", "json"]).stdout == (try json(store.advertisers())))
        #expect(try cli.run(["publishers", "list", "--format", "json"]).stdout == (try json(store.publishers(matching: nil))))
        #expect(try cli.run(["placements", "list", "--format", "json"]).stdout == (try json(store.placements(publisherId: nil))))
        #expect(try cli.run(["payment-rules", "list", "--format", "json"]).stdout == (try json(store.paymentRules(publisherId: nil))))
        #expect(try cli.run(["placements", "list", "--format", "csv"]).stdout == CSVWriter.document(try store.placements(publisherId: nil)))
        let publisher = try #require(try store.publishers(matching: nil).first)
        let words = publisher.name.split(separator: " ").prefix(2).joined(separator: " ")
        let found = try cli.run(["publishers", "list", "--search", words, "--format", "json"])
        #expect(found.stdout == (try json(store.publishers(matching: words))))
        #expect(found.stdout.contains(publisher.name))
        let own = try cli.run(["payment-rules", "list", "--publisher", String(publisher.id), "--format", "csv"])
        #expect(own.stdout == CSVWriter.document(try store.paymentRules(publisherId: publisher.id)))
    }

    @Test func aStreamedTableIsMeasuredOverEveryRow() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let table = try cli.run(["line-items", "list"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 301)
        // Every row's second column starts where the header's does: widths came from all rows.
        let nameColumn = try #require(lines.first?.range(of: "Name")).lowerBound.utf16Offset(in: String(lines.first!))
        for line in lines.dropFirst() {
            let text = String(line)
            let beforeName = text.prefix(nameColumn)
            #expect(beforeName.hasSuffix("  "), "\(text)")
            #expect(text.dropFirst(nameColumn).first != " ", "\(text)")
        }
    }
}
