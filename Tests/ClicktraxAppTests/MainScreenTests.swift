import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// The app driven over the in-memory terminal, on an in-memory database.
@Suite struct MainScreenTests {
    /// What the runner asked the outside world to do.
    final class EffectLog: @unchecked Sendable { var effects: [AppEffect] = [] }

    final class Driver {
        let backend: MemoryBackend
        let runner: AppRunner
        let log = EffectLog()
        var effects: [AppEffect] { log.effects }

        init(width: Int = 100, height: Int = 16, trackers: Int = 25, emptyDatabase: Bool = false) throws {
            let store = try SQLiteStore.inMemory()
            if !emptyDatabase {
                try store.load { _ = try DemoCatalog(lineItemCount: 50, trackerCount: trackers, seed: 1).fill($0) }
            }
            backend = MemoryBackend(width: width, height: height)
            let log = log
            runner = AppRunner(backend: backend, screen: MainScreen(store: store, databaseName: "demo.sqlite"), theme: .builtinDefault) { effect in
                log.effects.append(effect)
                if case .saveFile(_, let path) = effect, path.contains("/missing/") { return Toast("cannot write \(path)", kind: .error) }
                return Toast("done")
            }
            runner.drawFrame()
        }

        func press(_ keys: KeyPress...) {
            for key in keys { runner.dispatch(.key(key)); runner.drawFrame() }
        }

        func type(_ text: String) { for c in text { press(.char(c)) } }

        var lines: [String] { backend.screen.lines }
    }

    @Test func theScreenShowsTitleFilterCountsTableAndFooter() throws {
        let driver = try Driver()
        let lines = driver.lines
        #expect(lines[0].hasPrefix(" Clicktrax  Creative › Click Trackers") && lines[0].hasSuffix("demo.sqlite "))
        #expect(lines[1].hasPrefix(" [ Create Click Tracker ]  [ More Actions ▾ ]  Filter ") && lines[1].hasSuffix("25 of 25 shown · 0 ticked "))
        #expect(lines[2].hasPrefix("        ID ▲ Name"))
        #expect(lines[3].hasPrefix("[ ]    21378 CLIK TRAX"))
        #expect(lines[15].hasPrefix(" Space Tick  / Filter  n New  Enter Edit  m More  x Export  u Undo  ? Help  q Quit"))
        #expect(driver.backend.screen[5, 3].role == .tableRowCursor)
        #expect(driver.backend.screen[1, 0].role == .titleProduct)
    }

    @Test func filteringNarrowsTheTableAsYouType() throws {
        let driver = try Driver()
        driver.press(.char("/"))
        driver.type("wonka")
        #expect(driver.lines[1].contains("wonka") && driver.lines[1].hasSuffix("4 of 25 shown · 0 ticked "))
        #expect(driver.backend.screen.cursor != nil, "the filter shows the cursor while focused")
        driver.press(KeyPress(.enter))
        #expect(driver.backend.screen.cursor == nil)
        driver.press(KeyPress(.escape))
        #expect(driver.lines[1].hasSuffix("25 of 25 shown · 0 ticked "))
        driver.runner.dispatch(.paste("no such tracker anywhere"))
        driver.runner.drawFrame()
        #expect(driver.lines[4].contains("No tracker matches “no such tracker anywhere”. Esc clears the filter."))
    }

    @Test func tickingSortingAndScrolling() throws {
        let driver = try Driver()
        driver.press(.char(" "), .char(" "))
        #expect(driver.lines[1].hasSuffix("2 ticked "))
        #expect(driver.lines[3].hasPrefix("[x]") && driver.lines[4].hasPrefix("[x]"))
        driver.press(.char("G"))
        #expect(driver.lines[14].hasPrefix("[ ]    21402"))
        driver.press(.char("g"), .char("s"))
        #expect(driver.lines[2].contains("Name ▲"))
        driver.press(.char("S"))
        #expect(driver.lines[2].contains("Name ▼"))
        driver.runner.dispatch(.mouse(MouseEvent(.wheelDown, x: 10, y: 5)))
        driver.runner.drawFrame()
        #expect(driver.runner.screen.table.offset == 3)
    }

    @Test func copyAsksTheRunnerForTheTickedTrackers() throws {
        let driver = try Driver()
        driver.press(.char("j"), .char(" "), .char(" "), .char("y"))
        #expect(driver.lines[14].contains("Copied 2 tags (JavaScript tag): done"))
        let store = driver.runner.screen.store
        let expected = try TagExport.make([try store.tracker(id: 21379)!, try store.tracker(id: 21380)!], options: TagOptions()).text
        #expect(driver.effects == [.copyText(expected)])
    }

    @Test func resizeAndATooSmallTerminal() throws {
        let driver = try Driver()
        driver.backend.resize(width: 50, height: 10)
        driver.runner.dispatch(driver.backend.nextEvent(timeoutMilliseconds: 0)!)
        driver.runner.drawFrame()
        #expect(driver.lines.contains { $0.contains("terminal too small (need 60×16, have") })
        driver.backend.resize(width: 200, height: 50)
        driver.runner.drawFrame()
        #expect(driver.lines[2].contains("Last Modified"))
        #expect(driver.lines[27].hasPrefix("[ ]    21402"))
        driver.backend.resize(width: 60, height: 16)
        driver.runner.drawFrame()
        #expect(driver.lines[2] == "        ID ▲ Name                                  State    ", "Line Item and the rest make way")
    }

    @Test func aStillFrameWritesNothingAndCtrlLShowsOthersChanges() throws {
        let driver = try Driver()
        driver.runner.drawFrame()
        #expect(driver.backend.writtenCells.last == 0)
        // Another operator renames the first tracker; Ctrl-L re-reads and redraws everything.
        let store = driver.runner.screen.store
        let first = try #require(try store.tracker(id: 21378))
        var draft = first.draft
        draft.name = "Renamed elsewhere"
        _ = try store.updateTracker(id: 21378, with: draft, expectedRevision: first.revision)
        driver.press(.ctrl("l"))
        #expect(driver.lines[3].contains("Renamed elsewhere"))
        #expect(driver.backend.writtenCells.last == 100 * 16)
    }

    @Test func aCatalogWithoutTrackersSaysHowToStart() throws {
        let driver = try Driver(trackers: 0)
        #expect(driver.lines[4].contains("No click trackers yet: n creates one"))
    }

    @Test func anEmptyDatabaseWelcomesAndLoadsTheDemo() throws {
        let driver = try Driver(width: 100, height: 24, emptyDatabase: true)
        let welcome = driver.lines.joined(separator: "\n")
        #expect(welcome.contains("Welcome to Clicktrax") && welcome.contains("Press d (or Enter) to load the demo catalog"))
        driver.press(.char("d"))
        #expect(driver.lines[1].hasSuffix("25 of 25 shown · 0 ticked "))
        #expect(driver.lines.joined().contains("Loaded the demo catalog: 300 line items, 40 publishers, 25 click trackers"))
    }
}

@Suite struct ImportFromTheUITests {
    typealias Driver = MainScreenTests.Driver

    @Test func theWelcomeScreenImportsAFolderAndShowsTheSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ui-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{\"response\": {\"publishers\": [{\"id\": 1, \"name\": \"Pub\"}]}}".write(
            to: folder.appendingPathComponent("publishers.json"), atomically: true, encoding: .utf8)
        try "{\"response\": {\"line-items\": [{\"id\": 2, \"name\": \"Item\"}]}}".write(
            to: folder.appendingPathComponent("items.json"), atomically: true, encoding: .utf8)
        let driver = try Driver(width: 100, height: 24, emptyDatabase: true)
        driver.press(.char("i"))
        driver.type(folder.path)
        driver.press(KeyPress(.enter))
        let screen = driver.lines.joined(separator: "\n")
        #expect(screen.contains("Imported 2 files"))
        #expect(screen.contains("publishers: 1 created, 0 updated, 0 unchanged"))
        #expect(screen.contains("line-items: 1 created, 0 updated, 0 unchanged"))
        driver.press(KeyPress(.enter))
        #expect(driver.runner.modals.isEmpty)
        #expect(driver.lines.joined().contains("No click trackers yet"), "the welcome gave way to the (empty) table")
    }

    @Test func aRefusedImportListsItsProblemsAndAMissingPathIsSaid() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try "{\"response\": {\"placements\": [{\"id\": 3, \"name\": \"Slot\", \"publisher_id\": 99}]}}".write(to: file, atomically: true, encoding: .utf8)
        let driver = try Driver(width: 120, height: 24)
        driver.press(.char("I"))
        driver.type("/no/such/place")
        driver.press(KeyPress(.enter))
        #expect(driver.lines.joined().contains("no such file or folder: /no/such/place"))
        driver.press(.ctrl("u"))
        driver.type(file.path)
        driver.press(KeyPress(.enter))
        let screen = driver.lines.joined(separator: "\n")
        #expect(screen.contains("Import refused: nothing was written"))
        // The dialog wraps long lines: read its inside back as one text.
        let inside = driver.lines.compactMap { line -> String? in
            guard let start = line.firstIndex(of: "│"), let end = line.lastIndex(of: "│"), start < end else { return nil }
            return String(line[line.index(start, offsetBy: 2)..<end]).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }.joined()
        #expect(inside.contains("\(file.path): record 0: publisher_id: no publisher 99 in the database or in this import"), "\(inside)")
    }
}
