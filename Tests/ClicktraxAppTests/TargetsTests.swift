import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

/// The right tag, surely (issue 30, point 1): Export, Copy and the More Actions act on the ticked
/// trackers — those the filter hides too, said on the toolbar and in what names them — else on
/// the current one; making a tracker clears the ticks, so `x` right after acts on the new one.
@Suite struct TargetsTests {
    /// Ticks 21381, then filters it out of sight with “Initech”.
    func tickedAndHidden() throws -> AppDriver {
        let driver = try AppDriver(width: 120, height: 30)
        driver.press(.char("j"), .char("j"), .char("j"), .char(" "))
        #expect(driver.screen.table.ticked == [21381])
        driver.press(.char("/"))
        driver.type("Initech")
        driver.press(KeyPress(.enter))
        #expect(driver.waitFor { driver.screen.ids.first != nil && !driver.screen.ids.contains(21381) })
        return driver
    }

    @Test func ticksTheFilterHidesAreSaidAndNamed() throws {
        let driver = try tickedAndHidden()
        #expect(driver.lines[1].contains("1 ticked, 1 hidden"), "\(driver.lines[1])")
        driver.press(.char("y"))
        #expect(driver.state.toast?.message.hasPrefix("Copied 1 tag of tracker 21381 (1 hidden by the filter)") == true,
                "\(driver.state.toast?.message ?? "")")
        driver.press(.char("x"))
        #expect(driver.text.contains("Export Tags — tracker 21381 “東京ラーメン – Música Ahora") && driver.text.contains("(hidden by the filter)"),
                "\(driver.text)")
    }

    @Test func aTrackerJustMadeIsWhatActsNext() throws {
        let driver = try tickedAndHidden()
        // Duplicate the current one (an Initech tracker): the ticks go, the cursor is on the copy.
        let current = try #require(driver.screen.currentId)
        driver.press(.char("A"))                          // no ticks: D acts on the current one
        driver.press(.char(" "))                          // tick it, then move down
        driver.press(.char("k"), .char("D"))
        #expect(driver.screen.table.ticked.isEmpty, "making a tracker clears the ticks")
        let copy = try #require(driver.screen.currentId)
        #expect(copy != current)
        driver.press(.char("x"))
        #expect(driver.text.contains("Export Tags — tracker \(copy) “Copy of"), "\(driver.text)")
        driver.press(KeyPress(.escape))

        // Created in the dialog with an older tick in place: `x` right after exports the new one.
        driver.press(.char(" "))
        #expect(!driver.screen.table.ticked.isEmpty)
        driver.press(.char("n"))
        driver.type("Made just now")
        for _ in 0..<3 { driver.press(KeyPress(.tab)) }
        driver.press(KeyPress(.enter))
        driver.type("wonka holiday jp")
        driver.press(KeyPress(.enter), KeyPress(.enter))
        driver.type("daily planet")
        driver.press(KeyPress(.enter), .ctrl("s"))
        let made = try #require(driver.screen.currentId)
        #expect(try driver.store.tracker(id: made)?.name == "Made just now", "the cursor is on the new tracker")
        #expect(driver.screen.table.ticked.isEmpty)
        driver.press(.char("x"))
        #expect(driver.text.contains("Export Tags — tracker \(made) “Made just now”"), "\(driver.text)")
    }
}

extension TargetsTests {
    /// `x` pressed before the list holding the new tracker is read again (the filter's texts come
    /// in the background) still acts on the new tracker, not on the row the old list had.
    @Test func xRightAfterCtrlSActsOnTheNewTrackerBeforeTheListIsBack() throws {
        let driver = try tickedAndHidden()
        driver.press(.char("A"))
        driver.press(.char("n"))
        driver.type("Made in a hurry")
        for _ in 0..<3 { driver.press(KeyPress(.tab)) }
        driver.press(KeyPress(.enter))
        driver.type("initech")
        driver.press(KeyPress(.enter), KeyPress(.enter))
        driver.type("daily planet")
        driver.press(KeyPress(.enter))
        driver.sendAndGoOn(.key(.ctrl("s")))
        driver.sendAndGoOn(.key(.char("x")))
        #expect(driver.waitFor { driver.modals.last?.kind == .export })
        guard case .export(let dialog)? = driver.modals.last else { return }
        #expect(dialog.trackers.map(\.name) == ["Made in a hurry"], "\(dialog.trackers.map(\.id))")
    }
}
