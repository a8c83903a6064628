import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

@Suite struct MoreActionsTests {
    typealias Driver = AppDriver

    func state(_ driver: Driver, _ id: Int64) throws -> ObjectState? { try driver.store.tracker(id: id)?.state }

    @Test func theMenuRunsAnActionOnTheCurrentTracker() throws {
        let driver = try Driver()
        driver.press(.char("m"))
        #expect(driver.lines[3].contains("Export Tags…") && driver.lines[4].contains("Copy Tags") && driver.lines[5].contains("Activate")
                && driver.lines[5].contains("+ │"))
        #expect(driver.lines.joined().contains("Undo"))
        driver.press(KeyPress(.down), KeyPress(.down), KeyPress(.down), KeyPress(.enter))
        #expect(try state(driver, 21378) == .inactive)
        #expect(driver.modals.isEmpty)
        #expect(driver.lines[14].contains("Deactivated tracker 21378"))
        driver.press(.char("u"))
        #expect(try state(driver, 21378) == .active)
        #expect(driver.lines[14].contains("Undid: Deactivate tracker 21378"))
    }

    @Test func theFocusNeverStartsOnADestructiveItemOrUndo() throws {
        let driver = try Driver()
        driver.press(.char("D"))                           // something to undo
        driver.press(.char("m"))
        guard case .moreActions(let menu)? = driver.modals.last else { Issue.record("no menu"); return }
        #expect(menu.focused == 0, "Export Tags, not Delete or Undo")
        driver.press(KeyPress(.escape))
        // With no tracker shown only Undo could run: nothing is focused, Enter does nothing.
        driver.press(.char("/"))
        driver.type("no such tracker")
        driver.press(KeyPress(.enter), .char("m"))
        guard case .moreActions(let empty)? = driver.modals.last else { Issue.record("no menu"); return }
        #expect(empty.focused == nil)
        driver.press(KeyPress(.enter))
        #expect(driver.modals.count == 1 && driver.text.contains("Choose an item"))
        #expect(try driver.store.trackerCount(TrackerQuery()) == 26, "the duplicate was not undone")
    }

    @Test func deleteAsksFirstAndEnterAloneCancels() throws {
        let driver = try Driver()
        driver.press(.char(" "), .char(" "), KeyPress(.delete))
        #expect(driver.text.contains("Delete 2 click trackers?"))
        driver.press(KeyPress(.enter))
        #expect(try driver.store.tracker(id: 21378) != nil)
        #expect(driver.lines[14].contains("Nothing was deleted"))
        driver.press(KeyPress(.delete), .char("y"))
        #expect(try driver.store.tracker(id: 21378) == nil && driver.store.tracker(id: 21379) == nil)
        #expect(driver.lines[1].hasSuffix("23 of 23 shown · 0 ticked "))
        driver.press(.char("u"))
        #expect(try driver.store.tracker(id: 21378) != nil && driver.store.tracker(id: 21379) != nil)
        #expect(driver.lines[1].hasSuffix("25 of 25 shown · 0 ticked "))
    }

    /// Undo is a stack: several levels, each saying what it undid, Ctrl-R redoing; an undo is not
    /// "someone's change" blocking the one before it on the same tracker.
    @Test func undoIsAStackWithRedo() throws {
        let driver = try Driver()
        driver.press(.char("-"))                          // 1: deactivate 21378
        driver.press(.char("e"), .ctrl("e"))
        driver.type(" renamed")
        driver.press(.ctrl("s"))                          // 2: edit 21378
        driver.press(.char("D"))                          // 3: duplicate it
        #expect(try driver.store.trackerCount(TrackerQuery()) == 26)
        driver.press(.char("u"))
        #expect(driver.text.contains("Undid: Duplicate tracker 21378 as 21403"))
        #expect(try driver.store.trackerCount(TrackerQuery()) == 25)
        driver.press(.char("u"))
        #expect(driver.text.contains("Undid: Edit tracker 21378"))
        #expect(try driver.store.tracker(id: 21378)?.name == "CLIK TRAX")
        driver.press(.char("u"))
        #expect(try state(driver, 21378) == .active, "the edit's undo did not block this one")
        driver.press(.char("u"))
        #expect(driver.text.contains("Undo: nothing done in this session yet"))
        driver.press(.ctrl("r"))
        #expect(try state(driver, 21378) == .inactive && driver.text.contains("Redid: Deactivate tracker 21378"))
        driver.press(.ctrl("r"))
        #expect(try driver.store.tracker(id: 21378)?.name == "CLIK TRAX renamed")
        driver.press(.char("g"), .char("+"))              // a new change: nothing left to redo
        driver.press(.ctrl("r"))
        #expect(driver.text.contains("Redo: nothing undone to do again"))
    }

    @Test func undoNeverUndoesSomeoneElsesChange() throws {
        let driver = try Driver()
        driver.press(.char("-"))
        let tracker = try #require(try driver.store.tracker(id: 21378))
        var theirs = tracker.draft
        theirs.name = "Theirs"
        _ = try driver.store.updateTracker(id: 21378, with: theirs, expectedRevision: tracker.revision)
        driver.press(.char("u"))
        #expect(driver.text.contains("was changed since"))
        #expect(try driver.store.tracker(id: 21378)?.name == "Theirs")
    }

    @Test func duplicateAndActivateOnTickedTrackers() throws {
        let driver = try Driver()
        driver.press(.char("D"))
        #expect(driver.lines[14].contains("Duplicated tracker 21378 as 21403"))
        #expect(try driver.store.tracker(id: 21403)?.name == "Copy of CLIK TRAX")
        driver.press(.char("+"))
        #expect(driver.lines[14].contains("already active"))
    }

    @Test func escapeClosesOnlyTheTopDialog() throws {
        let driver = try Driver()
        driver.press(.char("/"))
        driver.type("wonka")
        driver.press(KeyPress(.enter), .char("m"))
        #expect(driver.modals.count == 1)
        driver.press(KeyPress(.escape))
        #expect(driver.modals.isEmpty)
        #expect(driver.lines[1].contains("wonka"), "the filter under the menu is kept")
        driver.press(KeyPress(.escape))
        #expect(!driver.lines[1].contains("wonka"))
    }

    @Test func disabledItemsSayWhy() throws {
        let driver = try Driver(trackers: 0)
        driver.press(.char("m"), KeyPress(.down), KeyPress(.enter))
        #expect(driver.modals.count == 1, "a disabled item does not run")
        #expect(driver.text.contains("tick a tracker or move to one first"))
        driver.press(KeyPress(.escape), .char("y"))
        #expect(driver.lines[14].contains("Copy Tags: tick a tracker or move to one first"))
    }

    @Test func theMouseOpensTheMenuAndPicksAnItem() throws {
        let driver = try Driver()
        driver.click(x: 30, y: 1)
        #expect(driver.modals.count == 1)
        driver.click(x: 30, y: 6)                         // Deactivate
        #expect(try state(driver, 21378) == .inactive)
    }

    @Test func helpListsEveryKeyAndFilters() throws {
        let driver = try Driver(width: 100, height: 40)
        driver.press(.char("?"))
        #expect(driver.text.contains("Keys — Esc closes") && driver.text.contains("Click Trackers and Impression Trackers") && driver.text.contains("Copy the tags"))
        driver.type("undo")
        #expect(driver.text.contains("Undo the last change made in this session") && !driver.text.contains("Copy the tags"))
        driver.press(KeyPress(.escape), KeyPress(.escape))
        #expect(driver.modals.isEmpty)
    }

    /// Help, Ctrl-C, Ctrl-L and Ctrl-Z work from anywhere, dialogs included; `?` is text in a field.
    @Test func theGlobalKeysWorkInEveryDialog() throws {
        let driver = try Driver(width: 110, height: 34)
        driver.press(.char("n"))
        driver.type("what?")
        #expect(driver.trackerDialog?.name.text == "what?", "? typed into the name")
        driver.press(KeyPress(.function(1)))
        #expect(driver.text.contains("Keys — Esc closes"))
        driver.press(KeyPress(.escape), .ctrl("c"))
        #expect(driver.text.contains("Quit Clicktrax?"))
        #expect(driver.text.contains("not saved"), "the typing in the dialog would be lost: the question says so")
        driver.press(.char("n"))
        #expect(driver.trackerDialog != nil, "declining goes back to the dialog")
        driver.press(.ctrl("c"))
        #expect(!driver.runner.dispatch(.key(.ctrl("c"))), "Ctrl-C twice quits")
    }

    @Test func quittingWithNothingBeingEditedSaysEverythingIsSaved() throws {
        let driver = try Driver(width: 110, height: 34)
        driver.press(.char("e"), .ctrl("c"))  // an edit dialog with no change in it
        #expect(driver.text.contains("Quit Clicktrax? Everything is saved."))
    }
}
