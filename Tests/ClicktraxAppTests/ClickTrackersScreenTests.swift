import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// The Click Trackers screen, driven over the in-memory terminal on an in-memory database.
@Suite struct ClickTrackersScreenTests {
    typealias Driver = AppDriver

    @Test func theScreenShowsTitleFilterCountsTableAndFooter() throws {
        let driver = try Driver()
        let lines = driver.lines
        // At 100 columns the three tabs take the room the database's name had: it gives way first.
        #expect(lines[0].hasPrefix(" Clicktrax  Creative › Click Trackers") && lines[0].contains("Alt-3 Imp Trackers"))
        #expect(lines[1].hasPrefix(" [ Create Click Tracker ]  [ More Actions ▾ ]  Filter ") && lines[1].hasSuffix("25 of 25 shown · 0 ticked "))
        #expect(lines[2].hasPrefix("        ID ▲ Name"))
        #expect(lines[3].hasPrefix("[ ]    21378 CLIK TRAX"))
        #expect(lines[15].hasPrefix(" Space Tick  / Filter  n New  Enter Edit  m More  x Export  u Undo  q Quit  ? Help"))
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
        driver.paste("no such tracker anywhere")
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
        driver.press(.char("g"))
        driver.send(.mouse(MouseEvent(.wheelDown, x: 10, y: 5)))
        #expect(driver.screen.table.offset == 3)
    }

    @Test func copyUsesTheLastExportOptionsOnTheTickedTrackers() throws {
        let driver = try Driver()
        driver.press(.char("j"), .char(" "), .char(" "), .char("y"))
        #expect(driver.text.contains("Copied 2 tags of trackers 21379, 21380 (JavaScript tag) to the terminal by OSC 52"), "\(driver.text)")
        let expected = try TagExport.make([try driver.store.tracker(id: 21379)!, try driver.store.tracker(id: 21380)!], options: TagOptions())
        #expect(driver.calls == [.copy(expected.text)])
        // Export as a pixel once: `y` copies pixels from then on (one copy path, the same options).
        driver.press(.char("A"), .char("x"), KeyPress(.right), .ctrl("s"), KeyPress(.escape), .char("y"))
        #expect(driver.text.contains("Copied 1 tag of tracker 21381 (Secure pixel)"), "\(driver.text)")
    }

    /// A clipboard helper runs off the loop: the screen keeps answering keys while it hangs, the
    /// footer says what runs and that Esc stops it, Esc kills it (the tags stay on the
    /// terminal's clipboard, and the message says so); a helper that works is named in the toast.
    @Test func aHangingClipboardHelperNeverFreezesTheScreenAndEscStopsIt() throws {
        let driver = try Driver(width: 110, copyHelper: ["/bin/sleep", "30"])
        driver.sendAndGoOn(.key(.char("y")))
        #expect(driver.state.helperRunning?.hasPrefix("Copying with /bin/sleep") == true, "the copy runs on while the loop goes on")
        #expect(driver.lines[15].contains("Copying with /bin/sleep… (OSC 52 sent already)  Esc stops it"), "\(driver.text)")
        driver.sendAndGoOn(.key(.char("j")))
        #expect(driver.screen.table.cursor == 1, "keys still move the table")
        driver.sendAndGoOn(.key(KeyPress(.escape)))
        // The helper sleeps 30 s: over within the wait only because Esc killed it.
        #expect(driver.waitFor(10) { driver.state.helperRunning == nil }, "stopped")
        #expect(driver.text.contains("(not: /bin/sleep was stopped (Esc))"), "\(driver.text)")
        #expect(driver.screen.table.cursor == 1, "Esc went to the copy, not the table")

        let working = try Driver(width: 110, copyHelper: ["/bin/sh", "-c", "cat > /dev/null"])
        working.sendAndGoOn(.key(.char("y")))
        #expect(working.waitFor(10) { working.state.helperRunning == nil })
        #expect(working.state.toast?.message.contains("whether it takes it) and /bin/sh") == true, "\(working.text)")
    }

    @Test func resizeAndATooSmallTerminal() throws {
        let driver = try Driver()
        driver.resize(width: 50, height: 10)
        #expect(driver.lines.contains { $0.contains("terminal too small (need 60×16, have") })
        driver.resize(width: 200, height: 50)
        #expect(driver.lines[2].contains("Last Modified"))
        #expect(driver.lines[27].hasPrefix("[ ]    21402"))
        driver.resize(width: 60, height: 16)
        #expect(driver.lines[2] == "        ID ▲ Name                                  State    ", "Line Item and the rest make way")
    }

    @Test func keysAreInertWhileTheTerminalIsTooSmall() throws {
        let driver = try Driver()
        driver.resize(width: 50, height: 10)
        driver.press(KeyPress(.delete), .char("y"), .char("D"), .char("n"), .char("q"))
        driver.paste("x")
        driver.send(.mouse(MouseEvent(.click, x: 5, y: 5)))
        #expect(driver.modals.isEmpty)
        #expect(try driver.store.trackerCount(TrackerQuery()) == 25, "nothing was deleted or duplicated unseen")
        driver.resize(width: 100, height: 16)
        #expect(driver.lines[1].hasSuffix("25 of 25 shown · 0 ticked "))
        #expect(driver.calls.isEmpty)
    }

    @Test func aStillFrameWritesNothingAndCtrlLShowsOthersChanges() throws {
        let driver = try Driver()
        driver.runner.drawFrame()
        #expect(driver.backend.writtenCells.last == 0)
        // Another operator renames the first tracker; Ctrl-L re-reads and redraws everything.
        let first = try #require(try driver.store.tracker(id: 21378))
        var draft = first.draft
        draft.name = "Renamed elsewhere"
        _ = try driver.store.updateTracker(id: 21378, with: draft, expectedRevision: first.revision)
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
        #expect(driver.text.contains("Welcome to Clicktrax") && driver.text.contains("Press d (or Enter) to load the demo catalog"))
        driver.paste("d")
        #expect(driver.text.contains("Welcome to Clicktrax"), "a paste is never a key")
        driver.press(.char("d"))
        #expect(driver.lines[1].hasSuffix("25 of 25 shown · 0 ticked "))
        #expect(driver.lines.joined().contains("Loaded the demo catalog: 300 line items, 40 publishers, 25 click trackers"))
    }

    @Test func theSortShowsEvenWhenItsColumnIsOffScreen() throws {
        let driver = try Driver(width: 80, height: 24)
        for _ in 0..<9 { driver.press(.char("s")) }
        #expect(driver.lines[2].contains("sorted by Last Modified ▲"), "\(driver.lines[2])")
    }

    @Test func theFilterKeepsAUsableWidthAt80Columns() throws {
        let driver = try Driver(width: 80, height: 24)
        let toolbar = driver.lines[1]
        #expect(toolbar.hasPrefix(" [ Create ]  [ More ▾ ]  Filter "), "\(toolbar)")
        #expect(toolbar.hasSuffix("25 of 25 shown · 0 ticked "))
        driver.click(x: 3, y: 1)
        #expect(driver.trackerDialog != nil, "the short Create button is where it is drawn")
    }
}

/// The cursor stays on the tracker an operator just touched.
@Suite struct CursorFollowsTheTrackerTests {
    typealias Driver = AppDriver

    @Test func afterCreatingTheCursorIsOnTheNewTrackerAndXExportsIt() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("/"))
        driver.type("wonka")
        driver.press(KeyPress(.enter), .char("n"))
        driver.type("Follow me")
        driver.focus(.lineItem)
        driver.press(KeyPress(.enter))
        driver.type("initech")
        driver.press(KeyPress(.enter))
        driver.press(KeyPress(.enter))       // on to Publisher after the pick: Enter opens it
        driver.type("daily planet")
        driver.press(KeyPress(.enter), .ctrl("s"))
        let created = try #require(try driver.store.trackers(TrackerQuery(search: "follow me")).first)
        #expect(driver.screen.currentId == created.id, "the filter (wonka) would hide it: it went")
        driver.press(.char("x"))
        #expect(driver.exportDialog?.trackers.map(\.id) == [created.id])
    }

    @Test func afterEditSortAndDuplicateTheCursorStaysWithItsTracker() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("j"), .char("j"), .char("j"))
        let id = try #require(driver.screen.currentId)
        driver.press(.char("s"))                       // by name: the tracker moves, the cursor with it
        #expect(driver.screen.currentId == id)
        driver.press(.char("S"))
        #expect(driver.screen.currentId == id)
        driver.press(.char("e"), .ctrl("a"))
        driver.type("AAA ")
        driver.press(.ctrl("s"))
        #expect(driver.screen.currentId == id, "renamed to sort first: still on it")
        driver.press(.char("D"))
        let copy = try #require(try driver.store.trackers(TrackerQuery()).map(\.id).max())
        #expect(driver.screen.currentId == copy)
    }
}
