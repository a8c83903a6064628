import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

@Suite struct TrackerDialogTests {
    typealias Driver = AppDriver

    func store(_ driver: Driver) -> SQLiteStore { driver.store }

    func screenText(_ driver: Driver) -> String { driver.text }

    /// Tab from Name to the given line.
    func tabs(_ driver: Driver, _ count: Int) { for _ in 0..<count { driver.press(KeyPress(.tab)) } }

    /// Tabs until the dialog's focus is on `target`.
    func focus(_ driver: Driver, _ target: TrackerDialog.Focus) { driver.focus(target) }

    @Test func createATrackerEndToEndAndFindItStored() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("n"))
        #expect(screenText(driver).contains("Create new Click Tracker"))
        driver.type("Holiday homepage")
        tabs(driver, 3)                      // advanced, state, line item
        driver.press(KeyPress(.enter))
        #expect(screenText(driver).contains("Choose a Line Item"))
        driver.type("wonka holiday jp")
        #expect(screenText(driver).contains("Wonka Holiday 2026 – JP"))
        driver.press(KeyPress(.enter))
        #expect(driver.trackerDialog?.focus == .publisher, "a pick moves on to the next field")
        driver.press(KeyPress(.enter))
        driver.type("daily planet")
        driver.press(KeyPress(.enter))
        driver.press(KeyPress(.enter))       // placements of The Daily Planet: none first, then its own
        driver.press(KeyPress(.down), KeyPress(.enter))
        driver.press(.ctrl("s"))
        #expect(driver.modals.isEmpty)
        #expect(screenText(driver).contains("Created click tracker 21403 “Holiday homepage”"))
        let stored = try #require(try store(driver).tracker(id: 21403))
        #expect(stored.name == "Holiday homepage" && stored.publisher.name == "The Daily Planet")
        #expect(stored.lineItem.name.hasPrefix("Wonka Holiday 2026 – JP") && stored.tag != nil)
        #expect(try store(driver).placements(publisherId: stored.publisher.id).map(\.id).contains(stored.tag!.id))
    }

    @Test func everyValidationMessageShowsBesideItsField() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("n"), .ctrl("s"))
        let empty = screenText(driver)
        #expect(empty.contains("↳ required: 1–255 characters"))
        #expect(empty.contains("↳ required: choose the line item"))
        #expect(empty.contains("↳ required: choose the publisher"))
        #expect(empty.contains("Not saved: 3 problems to fix."))
        driver.type("Bad\u{7}")                           // control characters are dropped as typed
        tabs(driver, 1)
        driver.press(KeyPress(.enter))                    // open Advanced Options
        tabs(driver, 1)
        driver.type("bad code")
        tabs(driver, 1)
        driver.type("javascript:alert(1)")
        driver.press(.ctrl("s"))
        let bad = screenText(driver)
        #expect(bad.contains("only letters A–Z a–z, digits 0–9 and . _ - are allowed"))
        #expect(bad.contains("must be an absolute http:// or https:// URL"))
        #expect(!bad.contains("required: 1–255"), "the name is fine now")
        // A placement cannot be picked before a publisher.
        focus(driver, .placement)
        driver.press(KeyPress(.enter))
        #expect(screenText(driver).contains("choose the publisher first"))
    }

    @Test func everyProblemIsListedAtOnceTheFieldsOwnAndTheStores() throws {
        let driver = try Driver(width: 110, height: 30)
        let holder = try #require(try store(driver).trackers(TrackerQuery()).first { $0.code != nil })
        driver.press(.char("n"))
        driver.focus(.advanced)
        driver.press(KeyPress(.enter))
        driver.focus(.code)
        driver.type(holder.code!)
        driver.press(.ctrl("s"))
        let text = screenText(driver)
        #expect(text.contains("↳ required: 1–255 characters"), "the empty name")
        #expect(text.contains("is already the code of tracker \(holder.id)"), "and, at the same time, the code taken")
        #expect(text.contains("Not saved: 4 problems to fix."))
    }

    @Test func theStoreRulesComeBackToo() throws {
        let driver = try Driver(width: 110, height: 30)
        let holder = try #require(try store(driver).trackers(TrackerQuery()).first { $0.code != nil && $0.id != 21378 })
        driver.press(.char("e"))                          // edit 21378
        if case .tracker(let dialog)? = driver.modals.last, !dialog.advancedOpen {
            focus(driver, .advanced)
            driver.press(KeyPress(.enter))
        }
        focus(driver, .code)
        driver.press(.ctrl("u"))
        driver.type(holder.code!.lowercased())             // another tracker's code, in another case
        driver.press(.ctrl("s"))
        #expect(screenText(driver).contains("“\(holder.code!.lowercased())” is already the code of tracker \(holder.id)"))
        #expect(driver.modals.count == 1, "the dialog stays, with what was typed")
    }

    @Test func changingThePublisherClearsPlacementAndPaymentRuleAndSaysSo() throws {
        let driver = try Driver(width: 110, height: 30)
        let tracker = try #require(try store(driver).trackers(TrackerQuery()).first { $0.tag != nil })
        driver.press(.char("/"))
        driver.type(String(tracker.id))
        driver.press(KeyPress(.enter), .char("e"))
        focus(driver, .publisher)
        driver.press(KeyPress(.enter))
        driver.type("gotham")
        driver.press(KeyPress(.enter))
        #expect(screenText(driver).contains("The publisher changed, so the placement"))
        driver.press(.ctrl("s"))
        let saved = try #require(try store(driver).tracker(id: tracker.id))
        #expect(saved.publisher.name == "Gotham Gazette" && saved.tag == nil && saved.paymentRule == nil)
    }

    @Test func escapeAsksBeforeThrowingEditsAway() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("n"), KeyPress(.escape))
        #expect(driver.modals.isEmpty, "nothing typed: Esc just closes")
        driver.press(.char("n"))
        driver.type("half-typed")
        driver.press(KeyPress(.escape))
        #expect(screenText(driver).contains("Throw away what you typed"))
        driver.press(KeyPress(.escape))                   // closes only the question
        #expect(driver.modals.count == 1 && screenText(driver).contains("half-typed"))
        driver.press(KeyPress(.escape), .char("y"))
        #expect(driver.modals.isEmpty)
        #expect(try store(driver).trackerCount(TrackerQuery()) == 25)
    }

    @Test func aSaveOverAConcurrentChangeIsRefusedAndKeepsTheInput() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("e"))
        driver.press(.ctrl("e"))
        driver.type(" mine")
        // Meanwhile another operator saves the same tracker.
        let current = try #require(try store(driver).tracker(id: 21378))
        var theirs = current.draft
        theirs.name = "Theirs"
        _ = try store(driver).updateTracker(id: 21378, with: theirs, expectedRevision: current.revision)
        driver.press(.ctrl("s"))
        let text = screenText(driver)
        #expect(text.contains("Not saved: tracker 21378 was changed since it was read"))
        #expect(text.contains("CLIK TRAX mine"), "what was typed is still there")
        #expect(try store(driver).tracker(id: 21378)?.name == "Theirs")
        // Ctrl-R loads theirs, with what was typed beside the field; the next save goes through.
        driver.press(.ctrl("r"))
        let reloaded = screenText(driver)
        #expect(reloaded.contains("Theirs") && reloaded.contains("↳ yours: CLIK TRAX mine"), "\(reloaded)")
        driver.focus(.name)
        driver.press(.ctrl("e"))
        driver.type(" and mine")
        driver.press(.ctrl("s"))
        #expect(driver.modals.isEmpty)
        #expect(try store(driver).tracker(id: 21378)?.name == "Theirs and mine")
    }

    @Test func aPasteIsTextInAFieldAndInertElsewhere() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("n"))
        driver.paste("q\u{1B}[201~ x\tSpace")
        #expect(driver.trackerDialog?.name.text == "q[201~ x Space", "the ESC is dropped, the rest typed as text")
        driver.focus(.lineItem)
        driver.paste("\r\n q ")
        #expect(driver.trackerDialog != nil && driver.modals.count == 1, "pasting on a button opens nothing")
        driver.press(KeyPress(.escape), .char("y"))
        #expect(driver.modals.isEmpty)
        // Pasted into an empty database's welcome, into the table: never a key.
        driver.paste("Ddq")
        #expect(try store(driver).trackerCount(TrackerQuery()) == 25)
        #expect(driver.screen.filter.text == "Ddq", "on the table a paste goes into the filter")
    }

    @Test func theLineItemPickerFiltersByAdvertiserAndNamesThem() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("n"))
        driver.focus(.lineItem)
        driver.press(KeyPress(.enter))
        guard case .picker(let all)? = driver.modals.last else { Issue.record("no picker"); return }
        let first = try #require(all.results.advertisers.first)
        #expect(all.results.choices.contains { $0.cells[3] != first.name }, "every advertiser's at first, by name")
        driver.press(KeyPress(.tab))
        guard case .picker(let filtered)? = driver.modals.last else { Issue.record("no picker"); return }
        #expect(filtered.advertiser == first && !filtered.results.choices.isEmpty)
        #expect(filtered.results.choices.allSatisfy { $0.cells[3] == first.name }, "\(filtered.results.choices.map { $0.cells[3] })")
        #expect(screenText(driver).contains("Advertiser \(first.name)"))
        let ids = try Set(store(driver).allLineItems().filter { $0.advertiserId == first.id }.map(\.id))
        #expect(Set(filtered.results.choices.compactMap(\.id)) == ids)
        driver.press(KeyPress(.backTab))
        guard case .picker(let again)? = driver.modals.last else { Issue.record("no picker"); return }
        #expect(again.advertiser == nil && again.results.choices.count == all.results.choices.count)
    }

    @Test func reopeningAPickerSelectsTheCurrentValueAndKeepsTheQuery() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("e"))
        driver.focus(.publisher)
        driver.press(KeyPress(.enter))
        guard case .picker(let picker)? = driver.modals.last else { Issue.record("no picker"); return }
        let current = try #require(try store(driver).tracker(id: 21378)?.publisher.id)
        #expect(picker.rows[picker.table.cursor].id == current, "opens on the current publisher")
        driver.type("gotham")
        driver.press(KeyPress(.enter))
        driver.focus(.publisher)
        driver.press(KeyPress(.enter))
        guard case .picker(let again)? = driver.modals.last else { Issue.record("no picker"); return }
        #expect(again.search.text == "gotham")
        #expect(screenText(driver).contains("Gotham Gazette"))
    }

    @Test func pickersSearchByIdAndCodeAndOfferNoneForOptionalOnes() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("e"))
        focus(driver, .placement)
        driver.press(KeyPress(.enter))
        #expect(screenText(driver).contains("Choose a Placement") && screenText(driver).contains("— none —"))
        driver.press(KeyPress(.pageUp), KeyPress(.enter)) // it opened on the current one: up to none, pick it
        driver.press(.ctrl("s"))
        #expect(try store(driver).tracker(id: 21378)?.tag == nil)
        driver.press(.char("e"))
        focus(driver, .lineItem)
        driver.press(KeyPress(.enter))
        driver.type("WNK-HOL-JP-74957")
        #expect(screenText(driver).contains("1 found"))
        driver.press(.ctrl("u"))
        driver.type("74958")
        #expect(screenText(driver).contains("74958"))
    }
}

extension TrackerDialogTests {
    /// A field's problem shows as the focus leaves it, not only after Ctrl-S; a URL pasted with
    /// its newline (or spaces around it) is the URL, trimmed before it is judged and stored.
    @Test func problemsShowAsAFieldIsLeftAndAPastedURLIsTrimmed() throws {
        let driver = try Driver(width: 110, height: 30)
        driver.press(.char("e"))                            // edit 21378
        #expect(driver.trackerDialog?.advancedOpen == true, "it has a code: Advanced Options open")
        focus(driver, .code)
        driver.press(.ctrl("u"))
        driver.type("WNK HOL")
        #expect(driver.trackerDialog?.errors[.code] == nil, "not while typing")
        driver.press(KeyPress(.tab))
        #expect(driver.trackerDialog?.errors[.code]?.contains("only letters A–Z a–z, digits 0–9 and . _ - are allowed") == true,
                "\(driver.trackerDialog?.errors ?? [:])")
        #expect(screenText(driver).contains("↳ only letters A–Z"), "shown beside the field at once")
        driver.press(KeyPress(.backTab), .ctrl("u"))
        driver.type("WNK-HOL")
        driver.press(KeyPress(.tab))
        #expect(driver.trackerDialog?.errors[.code] == nil, "fixed: the problem goes as the field is left")
        driver.press(.ctrl("u"))
        driver.paste("  https://shop.example/holiday?a=1&b=2\n")
        driver.press(KeyPress(.tab))
        #expect(driver.trackerDialog?.errors[.landingPageURL] == nil, "\(driver.trackerDialog?.errors ?? [:])")
        driver.press(.ctrl("s"))
        #expect(driver.modals.isEmpty, "\(screenText(driver))")
        let saved = try #require(try store(driver).tracker(id: 21378))
        #expect(saved.clickUrl == "https://shop.example/holiday?a=1&b=2" && saved.code == "WNK-HOL")
    }
}
