import ClicktraxCore
import TerminalUI
import Testing
@testable import ClicktraxApp

/// Forms that speak at once, whole (issue 30, point 6): every message a dialog can show —
/// each rule's problem beside its field, the notices, each lint finding, each question — drawn
/// at 80×24, the smallest terminal an operator is expected to have, is on the screen whole: no
/// word of it cut at the dialog's edge.
@Suite struct WholeMessagesTests {
    static let width = 80, height = 24

    /// The screen's text with the frames, the `↳` marks and all white space taken out: what was
    /// wrapped over lines reads on, what was cut is missing.
    static func flattened(_ lines: [String]) -> String {
        String(lines.joined().filter { !$0.isWhitespace && !"│┌┐└┘─↳".contains($0) })
    }

    static func isWhole(_ message: String, in lines: [String]) -> Bool {
        flattened(lines).contains(String(message.filter { !$0.isWhitespace }))
    }

    func drawn(_ render: (inout ScreenBuffer) -> Void) -> [String] {
        var buffer = ScreenBuffer(width: Self.width, height: Self.height)
        render(&buffer)
        return buffer.lines
    }

    static let longURL = "https://shop.example.com/campaigns/holiday-2026/landing?utm_source=invest&utm_medium=display&utm_campaign=a b"

    /// Every problem the tracker's own rules and the store's can give, each beside its field.
    static var trackerIssues: [ValidationIssue] {
        var bad = TrackerDraft(name: String(repeating: "n", count: 300), code: "WNK HOL Ê", clickUrl: longURL, lineItemId: 424_242,
                               publisherId: 77, placementId: 9, paymentRuleId: 8)
        var issues = TrackerRules.check(bad, changedFrom: nil)
        issues += TrackerReferenceRules.check(bad, against: TrackerReferences(
            lineItemExists: false, publisherName: "The Daily Planet — a publisher with a long name",
            placement: .init(name: "Sports — above the fold, every section", publisherId: 12, publisherName: "Gotham Gazette — the other one"),
            paymentRule: nil, codeHolder: (21_399, "東京ラーメン – The Crossword Club – a tracker of a long name")))
        for url in ["javascript:alert(1)", "https://a b.example/", "ftp://x.example/", "https://x.example/\u{202E}"] {
            bad.clickUrl = url
            issues += TrackerRules.check(bad, changedFrom: nil).filter { $0.field == .landingPageURL }
        }
        bad = TrackerDraft(name: "", state: ObjectState(rawValue: "archived_by_someone_long_ago"))
        issues += TrackerRules.check(bad, changedFrom: nil)
        return issues
    }

    @Test func everyProblemOfTheTrackerDialogIsWhole() {
        var seen = 0
        for issue in Self.trackerIssues {
            var dialog = TrackerDialog(editing: AppStateFlowTests.tracker)
            dialog.showFailure(ClicktraxError.invalid([issue]))
            let lines = drawn { dialog.render(into: &$0, theme: .builtinDefault) }
            #expect(Self.isWhole(issue.message, in: lines), "\(issue.field): \(issue.message)\n\(lines.joined(separator: "\n"))")
            seen += 1
        }
        #expect(seen >= 14)
    }

    @Test func theTrackerDialogsNoticesAreWhole() {
        var dialog = TrackerDialog(editing: AppStateFlowTests.tracker)
        let conflict = "tracker 21378 was changed since it was read (revision 3 → 4, last modified 2026-12-07 18:20:01 UTC); your save "
            + "was refused so that change is not lost: reload it and apply your edit again"
        dialog.showFailure(ClicktraxError.conflict(conflict))
        var lines = drawn { dialog.render(into: &$0, theme: .builtinDefault) }
        #expect(Self.isWhole(conflict, in: lines) && Self.isWhole("Ctrl-R loads their version, keeping what you typed beside each field.", in: lines),
                "\(lines.joined(separator: "\n"))")
        var theirs = AppStateFlowTests.tracker
        theirs.name = "A name someone else typed, long enough to wrap beside the field"
        dialog.rebase(on: theirs)
        lines = drawn { dialog.render(into: &$0, theme: .builtinDefault) }
        #expect(Self.isWhole("Loaded their version; yours is shown beside each field that differs (Ctrl-S saves what is in the fields).", in: lines))
        dialog.showFailure(ClicktraxError.operational("Not saved: an import is running: wait for it, or Esc cancels it"))
        lines = drawn { dialog.render(into: &$0, theme: .builtinDefault) }
        #expect(Self.isWhole("Not saved: an import is running: wait for it, or Esc cancels it", in: lines))
    }

    /// Every finding the export's lint can give, each on its own, and the delivery's messages.
    @Test func everyFindingOfTheExportDialogIsWhole() {
        var tracker = AppStateFlowTests.tracker
        tracker.clickUrl = nil
        tracker.state = .inactive
        tracker.paymentRule = ObjectRef(id: 9106, name: "Dynamic – second price, a payment rule of a long name")
        let provisional = Tracker(id: InvestIDs.provisionalBase + 1, name: "Made here", lineItem: tracker.lineItem,
                                       publisher: tracker.publisher, lastModified: "")
        var odd = tracker
        odd.state = ObjectState(rawValue: "archived_by_someone_long_ago")
        let optionSets: [TagOptions] = {
            var sets: [TagOptions] = []
            var options = TagOptions(type: .link, secure: false, host: "bad host.example")
            options.use(.cachebuster, value: "not a macro")
            options.use(.ancost, value: "12.3456789")
            options.use(.redirectURL, value: Self.longURL)
            options.linkText = String(repeating: "t", count: 201)
            sets.append(options)
            for preset in TagPreset.allCases {
                var preset_ = TagOptions(type: .url)
                preset.apply(to: &preset_)
                preset_.use(.redirectURL, value: "")
                preset_.use(.ancost)
                sets.append(preset_)
            }
            return sets
        }()
        var findings = 0
        for options in optionSets {
            let all = TagLint.check([tracker, provisional, odd], options: options)
            for finding in all {
                // One finding at a time: the dialog shows whole ones, and a count of the rest.
                var dialog = ExportDialog(trackers: [tracker], options: options)
                let lines = dialog.lintLines(width: Self.width - 6, rows: 30)
                #expect(lines.count >= 1)
                var shown = drawn { dialog.render(into: &$0, theme: .builtinDefault) }
                if !Self.isWhole(finding.description, in: shown) {
                    // Too many findings for the room: it must be one of those counted, never cut.
                    dialog = ExportDialog(trackers: finding.trackerId == provisional.id ? [provisional]
                                          : finding.trackerId == odd.id ? [odd] : [tracker], options: options)
                    shown = drawn { dialog.render(into: &$0, theme: .builtinDefault) }
                    let counted = shown.contains { $0.contains("more (clicktrax export lists every one)") }
                    #expect(Self.isWhole(finding.description, in: shown) || counted,
                            "\(finding.description)\n\(shown.joined(separator: "\n"))")
                }
                findings += 1
            }
        }
        #expect(findings >= 15)
        var mail = ExportDialog(trackers: [AppStateFlowTests.tracker], options: TagOptions())
        _ = mail.perform(.nextChoice, on: .delivery)
        var shown = drawn { mail.render(into: &$0, theme: .builtinDefault) }
        #expect(Self.isWhole("Email to: no address yet — type one or more, comma-separated, or deliver now", in: shown),
                "\(shown.joined(separator: "\n"))")
        mail.show("sendmail exited with status 75: the message waits in the outbox /home/op/.local/share/clicktrax/outbox/2026-12-07.eml")
        shown = drawn { mail.render(into: &$0, theme: .builtinDefault) }
        #expect(Self.isWhole("sendmail exited with status 75: the message waits in the outbox /home/op/.local/share/clicktrax/outbox/2026-12-07.eml",
                             in: shown), "\(shown.joined(separator: "\n"))")
    }

    @Test func questionsPromptsAndSummariesAreWhole() {
        let long = "/home/operator/campaigns/holiday-2026/exports/wonka-holiday-jp-video-30s-contextual/tags-for-the-ad-server.html"
        let questions = [
            "Delete 25 click trackers? The change log keeps them, and u undoes it.",
            "Quit Clicktrax? The tracker you are editing is not saved: what you typed is lost.",
            "\(long) is there already. Replace it with these tags?",
            "Undo “Duplicate tracker 21378 as 5000”? Tracker 5000 is on Invest: undoing deletes it on Invest at the next push.",
            "Drop the changes made here to 3 trackers and take Invest's copy? 2 of them were never pushed: Invest has no copy, so they are removed. u undoes it.",
        ]
        for question in questions {
            let dialog = ConfirmDialog(title: "Question", message: question, confirmLabel: "Yes", onConfirm: .quit)
            let lines = drawn { dialog.render(into: &$0, theme: .builtinDefault) }
            #expect(Self.isWhole(question, in: lines), "\(question)\n\(lines.joined(separator: "\n"))")
        }
        var prompt = PathPrompt.importFiles()
        let problem = "no such file or folder: \(long)"
        prompt.show(problem)
        let lines = drawn { prompt.render(into: &$0, theme: .builtinDefault) }
        #expect(Self.isWhole(problem, in: lines), "\(lines.joined(separator: "\n"))")
        let summary = MessageDialog(title: "Imported 2 files", lines: [
            "\(long): 1,000,000 line items created, 0 updated, 0 unchanged",
            "12 line items: code outside Invest's documented characters (kept as Invest has them)",
        ])
        let shown = drawn { summary.render(into: &$0, theme: .builtinDefault) }
        for line in summary.lines { #expect(Self.isWhole(line, in: shown), "\(line)\n\(shown.joined(separator: "\n"))") }
    }
}
