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

    @Test func noKeyIsBoundTwice() {
        let tables: [[KeyPress]] = [
            ClickTrackersAction.bindings.flatMap(\.keys) + GlobalAction.bindings.flatMap(\.keys),
            TextFieldAction.bindings.flatMap(\.keys), TrackerDialog.bindings.flatMap(\.keys), ExportDialog.bindings.flatMap(\.keys),
            MoreActionsMenu.bindings.flatMap(\.keys), ConfirmDialog.bindings.flatMap(\.keys), ExportResultView.bindings.flatMap(\.keys),
        ]
        for keys in tables { #expect(Set(keys).count == keys.count, "\(keys)") }
    }

    @Test func everyDialogHasASectionInTheHelp() {
        let covered = Set(KeyBindingsDocument.sections.compactMap(\.modal))
        for kind in Modal.Kind.allCases { #expect(covered.contains(kind), "no help section for \(kind)") }
    }
}
