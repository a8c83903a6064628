import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

@Suite struct ExportDialogTests {
    typealias Driver = MainScreenTests.Driver

    func text(_ driver: Driver) -> String { driver.lines.joined(separator: "\n") }

    func dialog(_ driver: Driver) -> ExportDialog? {
        if case .export(let dialog)? = driver.runner.modals.last { return dialog }
        return nil
    }

    func focus(_ driver: Driver, _ target: ExportDialog.Focus) {
        for _ in 0..<20 where dialog(driver)?.focus != target { driver.press(KeyPress(.tab)) }
    }

    func open(_ ticks: Int = 0) throws -> Driver {
        let driver = try Driver(width: 110, height: 34)
        for _ in 0..<ticks { driver.press(.char(" ")) }
        if ticks > 0 { driver.press(.char("g")) }
        driver.press(.char("x"))
        return driver
    }

    @Test func thePreviewFollowsEachType() throws {
        let driver = try open()
        #expect(text(driver).contains("Export Trackers (1 tracker)"))
        #expect(text(driver).contains("<script src=\"https://ib.adnxs.com/clktrb?id=21378&t=1\" type=\"text/javascript\"></script>"))
        driver.press(KeyPress(.right))
        #expect(text(driver).contains("<img src=\"https://ib.adnxs.com/clktrb?id=21378&t=2\" width=\"1\" height=\"1\" />"))
        driver.press(KeyPress(.right))
        #expect(text(driver).contains("<a href=\"https://ib.adnxs.com/clktrb?id=21378\">YOUR TEXT HERE</a>"))
        driver.press(KeyPress(.right))
        #expect(text(driver).contains("https://ib.adnxs.com/clktrb?id=21378\n") || text(driver).contains("│ https://ib.adnxs.com/clktrb?id=21378 "))
        #expect(!text(driver).contains("<!-- Click Tracker"))
    }

    @Test func macrosSecureAndEscapingShowInThePreview() throws {
        let driver = try open()
        focus(driver, .secure)
        driver.press(.char(" "))
        focus(driver, .escape)
        driver.press(.char(" "))
        focus(driver, .cachebuster)
        driver.press(.char(" "))
        focus(driver, .cachebusterValue)
        driver.press(.ctrl("u"))
        driver.type("%%CACHEBUSTER%%")
        let screen = text(driver)
        #expect(screen.contains("http://ib.adnxs.com/clktrb?id=21378&amp;cachebuster=%%CACHEBUSTER%%&amp;t=1"))
        #expect(screen.contains("⚠ non-secure (http) tag"))
    }

    @Test func lintErrorsBlockTheExport() throws {
        let driver = try open()
        focus(driver, .ancost)
        driver.press(.char(" "))
        focus(driver, .ancostValue)
        driver.press(.ctrl("u"))
        driver.type("abc")
        #expect(text(driver).contains("✖ ANCOST: expected [ANCOST]"))
        #expect(text(driver).contains("No preview while the lint below has errors."))
        driver.press(.ctrl("s"))
        #expect(text(driver).contains("Fix first: ANCOST"))
        #expect(dialog(driver) != nil && driver.effects.isEmpty)
    }

    @Test func generateThenCopyAndSaveSeveralTrackers() throws {
        let driver = try open(3)
        #expect(text(driver).contains("Export Trackers (3 trackers)"))
        driver.press(.ctrl("s"))
        let store = driver.runner.screen.store
        let expected = try TagExport.make(try [21378, 21379, 21380].map { try store.tracker(id: $0)! }, options: TagOptions())
        guard case .result(let view)? = driver.runner.modals.last else { Issue.record("no result view"); return }
        #expect(view.export.text == expected.text)
        driver.press(.char("c"))
        #expect(driver.effects == [.copyText(expected.text)])
        #expect(text(driver).contains("Copied the tags: done"))
        driver.press(.char("s"))
        #expect(text(driver).contains("Save the tags to a file"))
        driver.press(.ctrl("u"))
        driver.type("/missing/tags.html")
        driver.press(KeyPress(.enter))
        #expect(text(driver).contains("↳ cannot write /missing/tags.html"), "the failure shows in the prompt, which stays")
        driver.press(.ctrl("u"))
        driver.type("tags.html")
        driver.press(KeyPress(.enter))
        #expect(driver.effects.last == .saveFile(expected.text, path: "tags.html"))
        driver.press(KeyPress(.escape))
        #expect(driver.runner.modals.isEmpty)
    }

    @Test func emailChecksTheAddressesFirst() throws {
        let driver = try open()
        focus(driver, .delivery)
        driver.press(KeyPress(.right))
        #expect(text(driver).contains("[ Send Email ]"))
        focus(driver, .email)
        driver.type("ops@example.com, nope")
        driver.press(.ctrl("s"))
        #expect(text(driver).contains("email: address 2 of 2: “nope” is not of the form name@example.com"))
        driver.press(.ctrl("w"))
        driver.type("ads@example.com")
        driver.press(.ctrl("s"))
        guard case .email(let export, let recipients)? = driver.effects.last else { Issue.record("no email sent"); return }
        #expect(recipients == ["ops@example.com", "ads@example.com"] && export.trackers.map(\.id) == [21378])
        #expect(driver.runner.modals.isEmpty)
    }

    @Test func theLastOptionsAreRememberedForTheNextExport() throws {
        let driver = try open()
        driver.press(KeyPress(.right))                     // pixel
        focus(driver, .redirect)
        driver.press(.char(" "))
        driver.press(.ctrl("s"), KeyPress(.escape))
        driver.press(.char("x"))
        let reopened = try #require(dialog(driver))
        #expect(reopened.options.type == .pixel && reopened.options.macros[.redirectURL] == "[REDIRECT_URL]")
    }
}
