import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

@Suite struct ExportDialogTests {
    typealias Driver = AppDriver

    func text(_ driver: Driver) -> String { driver.text }

    func dialog(_ driver: Driver) -> ExportDialog? { driver.exportDialog }

    func focus(_ driver: Driver, _ target: ExportDialog.Focus) { driver.focus(target) }

    func open(_ ticks: Int = 0) throws -> Driver {
        let driver = try Driver(width: 110, height: 34)
        for _ in 0..<ticks { driver.press(.char(" ")) }
        if ticks > 0 { driver.press(.char("g")) }
        driver.press(.char("x"))
        return driver
    }

    @Test func thePreviewFollowsEachType() throws {
        let driver = try open()
        #expect(text(driver).contains("Export Tags — tracker 21378 “CLIK TRAX”"))
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
        #expect(dialog(driver) != nil && driver.calls.isEmpty)
    }

    @Test func generateThenCopyAndSaveSeveralTrackers() throws {
        let driver = try open(3)
        #expect(text(driver).contains("Export Tags — 3 trackers 21378, 21379, 21380"))
        driver.press(.ctrl("s"))
        let store = driver.store
        let expected = try TagExport.make(try [21378, 21379, 21380].map { try store.tracker(id: $0)! }, options: TagOptions())
        guard case .result(let view)? = driver.modals.last else { Issue.record("no result view"); return }
        #expect(view.export.text == expected.text)
        #expect(!driver.lines.dropFirst().dropLast().contains { $0.contains("│") }, "no border beside the tags: selectable by hand")
        #expect(driver.lines.contains { $0.hasPrefix("<script src=\"https://ib.adnxs.com/clktrb?id=21378&t=1\"") })
        driver.press(.char("c"))
        #expect(driver.calls == [.copy(expected.text)])
        #expect(text(driver).contains("Copied 3 tags of trackers 21378, 21379, 21380 (JavaScript tag)"), "\(text(driver))")
        driver.press(.char("s"))
        #expect(text(driver).contains("Save the tags to a file"))
        driver.press(.ctrl("u"))
        driver.type("/missing/tags.html")
        driver.press(KeyPress(.enter))
        #expect(text(driver).contains("↳ cannot write /missing/tags.html"), "the failure shows in the prompt, which stays")
        driver.press(.ctrl("u"))
        driver.type("tags.html")
        driver.existingFiles = ["/work/tags.html"]
        driver.press(KeyPress(.enter))
        #expect(text(driver).contains("/work/tags.html is there already. Replace it"), "asks before replacing")
        driver.press(.char("n"))
        #expect(driver.calls.count == 1, "declined: nothing written")
        driver.press(KeyPress(.enter), .char("y"))
        #expect(driver.calls.last == .write(expected.text, path: "/work/tags.html"))
        #expect(text(driver).contains("Saved the tags to /work/tags.html"))
        driver.press(KeyPress(.escape))
        #expect(driver.modals.isEmpty)
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
        guard case .mail(let export, let recipients)? = driver.calls.last else { Issue.record("no email sent"); return }
        #expect(recipients == ["ops@example.com", "ads@example.com"] && export.trackers.map(\.id) == [21378])
        #expect(driver.modals.isEmpty)
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

    @Test func clickingCancelNeverSendsMail() throws {
        let driver = try open()
        focus(driver, .delivery)
        driver.press(KeyPress(.right))
        focus(driver, .email)
        driver.type("ops@example.com")
        guard let layout = dialog(driver)?.layout(in: driver.backend.screen.bounds) else { Issue.record("no dialog"); return }
        let cancel = layout.buttons.areas[1]
        for x in cancel.x..<cancel.maxX {
            let driver = try open()
            focus(driver, .delivery)
            driver.press(KeyPress(.right))
            focus(driver, .email)
            driver.type("ops@example.com")
            driver.click(x: x, y: cancel.y)
            #expect(driver.calls.isEmpty && driver.modals.isEmpty, "a click at column \(x) of Cancel")
        }
        let send = layout.buttons.areas[0]
        driver.click(x: send.x, y: send.y)
        #expect(driver.calls.count == 1, "Send Email's own left edge sends")
    }

    @Test func mailSavedToTheOutboxIsSaidWithTheWholePath() throws {
        let path = "/home/op/.local/share/clicktrax/outbox/" + String(repeating: "long-folder-name/", count: 6) + "click-trackers-20261201.eml"
        let driver = try Driver(width: 110, height: 34, mailOutcome: .savedToOutbox(path: path))
        driver.press(.char("x"))
        focus(driver, .delivery)
        driver.press(KeyPress(.right))
        focus(driver, .email)
        driver.type("ops@example.com")
        driver.press(.ctrl("s"))
        #expect(driver.text.contains("Not sent: saved to the outbox"))
        #expect(driver.dialogInside.replacingOccurrences(of: " ", with: "").contains(path), "\(driver.dialogInside)")
    }
}

extension ExportDialogTests {
    /// The Ad server row: choosing CM360 sets its cachebuster and an empty last `redir=`, the
    /// value fields follow, the lint explains, and the choice is remembered with the options.
    @Test func choosingTheReceivingAdServerSetsItsMacros() throws {
        let driver = try open()
        focus(driver, .preset)
        for _ in 0..<3 { driver.press(KeyPress(.right)) }
        #expect(dialog(driver)?.options.preset == .cm360)
        #expect(text(driver).contains("clktrb?id=21378&cachebuster=%n&t=1&redir="), "\(text(driver))")
        #expect(text(driver).contains("(•) CM360"))
        #expect(text(driver).contains("the ad server must append the landing page"))
        #expect(dialog(driver)?.cachebusterValue.text == "%n" && dialog(driver)?.redirectValue.text == "")
        driver.press(KeyPress(.left))
        #expect(dialog(driver)?.options.preset == .gam && dialog(driver)?.options.macros[.redirectURL] == nil)
        #expect(text(driver).contains("cachebuster=%%CACHEBUSTER%%&t=1\""), "\(text(driver))")
        driver.press(.ctrl("s"))
        #expect(driver.state.exportOptions.preset == .gam, "remembered for the next export and y")
    }
}

extension ExportDialogTests {
    /// A tag line wider than the terminal is never cut with a `…` inside it: it runs to the last
    /// column but one, `›` says there is more, ←→ move every line together, and `o` hands the
    /// tags whole to the pager.
    @Test func tagsAreNeverShownCutInsideALine() throws {
        let driver = try Driver(width: 70, height: 20)
        driver.press(.char("x"))
        driver.focus(.type)
        driver.press(KeyPress(.right), KeyPress(.right))      // Link
        driver.focus(.preset)
        driver.press(KeyPress(.right))                        // Invest's placeholders: a long line
        driver.press(.ctrl("s"))
        guard case .result(let view)? = driver.modals.last else { Issue.record("no result view"); return }
        let tagRows = driver.lines.filter { $0.hasPrefix("<a href=") }
        #expect(tagRows.count == 1)
        for row in tagRows {
            #expect(!row.contains("…"), "\(row)")
            #expect(row.hasSuffix("›"), "more to the right, said outside the tag: \(row)")
        }
        driver.press(KeyPress(.right), KeyPress(.right), KeyPress(.right))
        #expect(driver.lines.contains { $0.contains("YOUR TEXT HERE") && !$0.hasPrefix("<a") }, "scrolled sideways as a whole")
        driver.press(.char("o"))
        #expect(driver.calls.last == .page(view.export.text))
    }
}

extension ExportDialogTests {
    /// Mail with no address is a lint error, said before anything is sent; every address typed
    /// is kept whatever the focus did between them, and the mail goes to all of them.
    @Test func everyAddressTypedIsKeptAndNoneIsAnError() throws {
        let driver = try open()
        focus(driver, .delivery)
        driver.press(KeyPress(.right))                       // Send by email
        #expect(dialog(driver)?.findings.contains { $0.severity == .error && $0.message.hasPrefix("Email to: no address yet") } == true)
        #expect(!text(driver).contains("✓ Ready"), "no address: not ready")
        driver.press(.ctrl("s"))
        #expect(driver.calls.isEmpty && dialog(driver)?.focus == .email, "nothing sent; the focus goes where the fix is")
        driver.type("ops@example.com")
        driver.press(KeyPress(.tab), KeyPress(.backTab))    // a Tab too many, and back
        driver.type(", traffic@example.com")
        driver.press(KeyPress(.tab), KeyPress(.tab), KeyPress(.backTab), KeyPress(.backTab))
        driver.paste(" , billing@example.com\n")
        #expect(dialog(driver)?.email.text.contains("ops@example.com, traffic@example.com") == true, "\(dialog(driver)?.email.text ?? "")")
        #expect(dialog(driver)?.deliveryFindings.isEmpty == true, "\(dialog(driver)?.deliveryFindings ?? [])")
        driver.press(.ctrl("s"))
        guard case .mail(_, let recipients)? = driver.calls.last else { Issue.record("no mail: \(driver.calls)"); return }
        #expect(recipients == ["ops@example.com", "traffic@example.com", "billing@example.com"])
    }
}
