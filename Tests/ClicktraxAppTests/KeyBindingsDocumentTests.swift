import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

@Suite struct KeyBindingsDocumentTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KEYBINDINGS.md")

    @Test func theFileIsUpToDate() throws {
        let generated = KeyBindingsDocument.markdown()
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: Self.file, encoding: .utf8) == generated,
                "KEYBINDINGS.md is stale: run RECORD_GOLDENS=1 swift test --filter KeyBindings")
    }

    /// Every context — each screen, dialog, and each kind of field of each form — with the
    /// tables live there at once: no key is in two of them, or twice in one.
    @Test func noKeyIsBoundTwiceInAnyContext() {
        for context in KeyContext.all {
            var seen: [KeyPress: String] = [:]
            for table in context.tables {
                for row in table.rows {
                    for key in row.keys {
                        if let other = seen[key] {
                            Issue.record("\(context.title): \(key) is bound to \(other) and to \(table.name) \(row.action)")
                        }
                        seen[key] = "\(table.name) \(row.action)"
                    }
                }
            }
        }
    }

    /// Every key of every table, sent through the dispatch its context asks, reaches its action.
    @Test func everyKeyOfEveryContextReachesItsAction() {
        var keys = 0
        for context in KeyContext.all {
            for table in context.tables {
                for row in table.rows {
                    for key in row.keys {
                        keys += 1
                        #expect(table.resolve(key) == row.action, "\(context.title): \(key) in \(table.name)")
                    }
                }
            }
        }
        #expect(keys > 200)
    }

    /// The contexts are not a list kept by hand: every binding table the sources declare is in one.
    @Test func everyBindingTableInTheSourcesIsInAContext() throws {
        let root = Self.file.deletingLastPathComponent().appendingPathComponent("Sources")
        let registered = Set(KeyContext.all.flatMap { $0.tables.map(\.name) })
        let declaration = try Regex(#"(?:static let (\w+)|var (bindings)): \[Binding<"#)
        // The type the table belongs to: the last one declared at the start of a line (not a nested `enum Action`).
        let typeName = try Regex(#"(?m)^(?:public |final )*(?:struct|enum|class|extension) (\w+)"#)
        var found = 0
        for folder in ["ClicktraxApp", "TerminalUI"] {
            let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: declaration) {
                    let name = match.output[1].substring ?? match.output[2].substring ?? ""
                    let owner = text[..<match.range.lowerBound].matches(of: typeName).last?.output[1].substring ?? ""
                    found += 1
                    #expect(registered.contains("\(owner).\(name)"), "\(owner).\(name) (\(file)) is in no KeyContext")
                }
            }
        }
        #expect(found >= 15, "the scan found the tables")
    }

    /// Sends every key of its kind's table to every field of `form`, each to a fresh copy focused
    /// there: each must change the dialog or ask something of the app.
    func everyKeyActs<Form: FormModel & Equatable>(_ name: String, _ form: Form,
                                                    handle: (inout Form, InputEvent) -> ModalStep) {
        for field in form.focusOrder {
            for binding in form.kind(of: field).bindings {
                for key in binding.keys {
                    var dialog = form
                    dialog.formFocus.set(field)
                    let before = dialog
                    let step = handle(&dialog, .key(key))
                    #expect(step != .stay || dialog != before, "\(name): \(key) on \(field) did nothing")
                }
            }
        }
    }

    /// A form's field takes every key its kind's table lists (the Advanced Options line once
    /// listed ← → and did nothing with them).
    @Test func everyFieldTakesEveryKeyOfItsKind() {
        let screen = Rect(x: 0, y: 0, width: 120, height: 40)
        var tracker = TrackerDialog(editing: AppStateFlowTests.tracker)
        _ = tracker.perform(.toggle, on: .advanced)
        everyKeyActs("Tracker dialog", tracker) { $0.handle($1, screen: screen) }
        var export = ExportDialog(trackers: [AppStateFlowTests.tracker], options: TagOptions())
        for macro in [ExportDialog.Focus.cachebuster, .ancost, .redirect] { _ = export.perform(.toggle, on: macro) }
        _ = export.perform(.nextChoice, on: .delivery)
        everyKeyActs("Export dialog", export) { $0.handle($1, screen: screen) }
    }

    @Test func everyDialogHasASectionInTheHelp() {
        let covered = Set(KeyBindingsDocument.sections.compactMap(\.modal))
        for kind in Modal.Kind.allCases { #expect(covered.contains(kind), "no help section for \(kind)") }
    }
}
