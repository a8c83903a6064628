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
        let keys = MainAction.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }
}
