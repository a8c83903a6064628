import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

@Suite struct ImportFromTheUITests {
    typealias Driver = AppDriver

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ui-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theWelcomeScreenImportsAFolderAndShowsTheSummary() throws {
        let folder = try Self.folder()
        try "{\"response\": {\"publishers\": [{\"id\": 1, \"name\": \"Pub\"}]}}".write(
            to: folder.appendingPathComponent("publishers.json"), atomically: true, encoding: .utf8)
        try "{\"response\": {\"line-items\": [{\"id\": 2, \"name\": \"Item\"}]}}".write(
            to: folder.appendingPathComponent("items.json"), atomically: true, encoding: .utf8)
        let driver = try Driver(width: 100, height: 24, emptyDatabase: true)
        driver.press(.char("i"))
        driver.paste(folder.path)
        driver.press(KeyPress(.enter))
        #expect(driver.text.contains("Imported 2 files"))
        #expect(driver.text.contains("publishers: 1 created, 0 updated, 0 unchanged"))
        #expect(driver.text.contains("line-items: 1 created, 0 updated, 0 unchanged"))
        driver.press(KeyPress(.enter))
        #expect(driver.modals.isEmpty)
        #expect(driver.text.contains("No click trackers yet"), "the welcome gave way to the (empty) table")
    }

    @Test func aRefusedImportListsItsProblemsAndAMissingPathIsSaid() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try "{\"response\": {\"placements\": [{\"id\": 3, \"name\": \"Slot\", \"publisher_id\": 99}]}}".write(to: file, atomically: true, encoding: .utf8)
        let driver = try Driver(width: 120, height: 24)
        driver.press(.char("I"))
        driver.type("/no/such/place")
        driver.press(KeyPress(.enter))
        #expect(driver.text.contains("no such file or folder: /no/such/place"))
        driver.press(.ctrl("u"))
        driver.type(file.path)
        driver.press(KeyPress(.enter))
        #expect(driver.text.contains("Import refused: nothing was written"))
        #expect(driver.dialogInside.contains("\(file.path): record 0: publisher_id: no publisher 99 in the database or in this import"),
                "\(driver.dialogInside)")
    }

    /// The import runs in the background: the table still answers, the footer shows progress,
    /// Esc cancels it and nothing of it is written.
    @Test func aBigImportRunsInTheBackgroundAndEscCancelsIt() throws {
        let folder = try Self.folder()
        var csv = "id,name,advertiser_id\r\n"
        for id in 1...150_000 { csv += "\(900_000 + id),Background item \(id),\r\n" }
        try csv.write(to: folder.appendingPathComponent("line-items.csv"), atomically: true, encoding: .utf8)
        let driver = try Driver(width: 120, height: 24)
        let before = try driver.store.counts()
        driver.press(.char("I"))
        driver.paste(folder.appendingPathComponent("line-items.csv").path)
        driver.sendAndGoOn(.key(KeyPress(.enter)))
        #expect(driver.modals.isEmpty, "the prompt closed: the import is under way")
        #expect(driver.lines[23].contains("Importing in the background") && driver.lines[23].contains("Esc cancels"))
        driver.sendAndGoOn(.key(.char("j")))
        #expect(driver.screen.table.cursor == 1, "input stays live")
        driver.sendAndGoOn(.key(.char("D")))
        #expect(driver.text.contains("an import is running"), "no write waits behind the import")
        driver.sendAndGoOn(.key(KeyPress(.escape)))
        driver.settle()
        #expect(driver.text.contains("Import cancelled: nothing was written"))
        #expect(try driver.store.counts() == before)
        #expect(!driver.lines[23].contains("Importing"))
    }
}

@Suite struct PathCompletionTests {
    @Test func tabCompletesAsAShellDoes() throws {
        let folder = try ImportFromTheUITests.folder()
        for name in ["line-items-1.json", "line-items-2.json", "publishers.csv", ".hidden"] {
            try "x".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        func complete(_ typed: String) -> PathCompletion {
            PathCompletion.complete(typed, home: folder.path, currentDirectory: folder.path)
        }
        #expect(complete("pu") == PathCompletion(completed: "publishers.csv", candidates: []))
        #expect(complete("li") == PathCompletion(completed: "line-items-", candidates: ["line-items-1.json", "line-items-2.json"]))
        #expect(complete("pa").completed == "pages/", "a folder completes with its slash")
        #expect(complete("~/pub").completed == "~/publishers.csv", "~ stays as typed")
        #expect(complete("\(folder.path)/.h").completed == "\(folder.path)/.hidden")
        #expect(complete("zz") == PathCompletion(completed: "zz", candidates: []))
    }

    @Test func tabInTheImportPromptCompletesTheFolder() throws {
        let folder = try ImportFromTheUITests.folder()
        try "{\"response\": {\"publishers\": [{\"id\": 1, \"name\": \"Pub\"}]}}".write(
            to: folder.appendingPathComponent("publishers-page-1.json"), atomically: true, encoding: .utf8)
        let driver = try AppDriver(width: 120, height: 24)
        driver.press(.char("I"))
        driver.paste(folder.path + "/pub")
        driver.press(KeyPress(.tab))
        guard case .path(let prompt)? = driver.modals.last else { Issue.record("no prompt"); return }
        #expect(prompt.path.text == folder.path + "/publishers-page-1.json")
        driver.press(KeyPress(.enter))
        #expect(driver.text.contains("Imported 1 file"))
    }
}

extension ImportFromTheUITests {
    /// Undo tells the truth about an import (issue 30, point 7): one of trackers alone is one
    /// step, undone whole; one that changed the catalog says it cannot be undone, and `u` never
    /// reaches past it to the older change under it.
    @Test func anImportIsOneUndoStepOrSaysItCannotBe() throws {
        let driver = try Driver(width: 120, height: 30)
        let tracker = try #require(try driver.store.tracker(id: 21378))
        driver.press(.char("-"))                                     // an older change: deactivate 21378
        let trackers = try Self.folder().appendingPathComponent("trackers.csv")
        try "name,line_item_id,publisher_id\nImported one,\(tracker.lineItem.id),\(tracker.publisher.id)\nImported two,\(tracker.lineItem.id),\(tracker.publisher.id)\n"
            .write(to: trackers, atomically: true, encoding: .utf8)
        driver.press(.char("I"))
        #expect(driver.dialogInside.filter { !$0.isWhitespace }.contains("animportoftrackersaloneisoneundostep(upto10,000)"),
                "said before it starts: \(driver.dialogInside)")
        driver.paste(trackers.path)
        driver.press(KeyPress(.enter))
        #expect(driver.waitFor { driver.text.contains("Imported 1 file") })
        #expect(driver.dialogInside.contains("u undoes this import."), "\(driver.dialogInside)")
        driver.press(KeyPress(.enter))
        #expect(try driver.store.trackerCount(TrackerQuery()) == 27)
        driver.press(.char("u"))
        #expect(driver.text.contains("Undid: Import of 1 file (2 tracker changes)"), "\(driver.text)")
        #expect(try driver.store.trackerCount(TrackerQuery()) == 25)
        #expect(try driver.store.tracker(id: 21378)?.state == .inactive, "one step: the older change is still there")

        let items = try Self.folder().appendingPathComponent("line-items.csv")
        try "id,name,advertiser_id\n990001,Imported item,\n".write(to: items, atomically: true, encoding: .utf8)
        driver.press(.char("I"))
        driver.paste(items.path)
        driver.press(KeyPress(.enter))
        #expect(driver.waitFor { driver.text.contains("Imported 1 file") })
        #expect(driver.dialogInside.filter { !$0.isWhitespace }.contains("changedthecatalog"), "\(driver.dialogInside)")
        driver.press(KeyPress(.enter))
        driver.press(.char("u"))
        #expect(driver.state.toast?.message.contains("cannot") == true || driver.state.toast?.message.contains("undo does not take back") == true,
                "\(driver.state.toast?.message ?? "")")
        driver.press(.char("u"))
        #expect(try driver.store.tracker(id: 21378)?.state == .inactive, "u never reaches past the import to the older change")
        #expect(try driver.store.lineItem(id: 990001) != nil)
    }
}
