import Foundation
import Testing
import TextTools
@testable import ClicktraxCore

/// Inputs scripts/fuzz found. `[,` as a config file made TOMLKit's toml++ fail an assertion and
/// stop the process (release builds too); now it is refused with the line, like any mistake.
@Suite struct ConfigFuzzRegressionTests {
    @Test(arguments: ["[,", "\u{FEFF}[&", "[ ,", "[\t,", "[[,", "[\n", "[é]", "x = 1\n[a]\n  [ !", "[a]\n[ ,"])
    func aTableHeaderThatWouldAbortTheParserIsAMessage(text: String) {
        #expect(throws: ClicktraxError.self) { try ClicktraxConfig.parse(text, source: "c.toml") }
        do {
            _ = try ClicktraxConfig.parse(text, source: "c.toml")
        } catch {
            #expect("\(error)".contains("a table name must start with a letter"), "\(error)")
            #expect("\(error)".hasPrefix("c.toml:"), "\(error)")
        }
    }

    /// The long fuzz run (2026-12-02, `scripts/fuzz --runs 1000000`) found the second one: an array
    /// whose next value is `}` — `command = ["msmtp",}` in a real-looking config — failed toml++'s
    /// `!is_value_terminator` assertion and aborted the binary (exit 134).
    @Test(arguments: ["x = [1,}", "x = [}", "[email]\ncommand = [\"msmtp\",}", "x = [ # note\n }", "x = [\n  1,\n  }\n", "t = { a = [}"])
    func anArrayClosedByABraceIsAMessage(text: String) {
        do {
            _ = try ClicktraxConfig.parse(text, source: "c.toml")
            Issue.record("accepted: \(text.debugDescription)")
        } catch {
            #expect("\(error)".contains("an array cannot go on with “}”"), "\(error)")
            #expect("\(error)".hasPrefix("c.toml:"), "\(error)")
        }
    }

    @Test func arraysAndInlineTablesThatCloseRightPass() {
        for text in ["x = [1, 2]", "x = [{ a = 1 }, { b = [2] }]", "t = { a = [1], b = \"}\" }", "x = [\"}\", '}']", "x = [ # }\n 1 ]"] {
            #expect(TOMLHeaderCheck.problem(in: text) == nil, "\(text)")
        }
    }

    /// The check must not refuse valid TOML: brackets that open arrays on their own line, and
    /// anything inside strings and comments.
    @Test func validTOMLWithBracketsElsewherePasses() {
        let valid = """
            # [, in a comment
            [email]
            from = "ops@example.com"
            command = [
              "msmtp",
              "[, not a header",
            ]
            [clipboard]
            command = ['''
            [,''']
            [ tags ]
            link_text = \"\"\"
            [ ,
            \"\"\"
            """
        #expect(TOMLHeaderCheck.problem(in: valid) == nil)
        #expect(TOMLHeaderCheck.problem(in: "a = [\n  [1, 2],\n  [ [3] ],\n]\n[b]\n") == nil)
        #expect(TOMLHeaderCheck.problem(in: "[\"quoted\".x]\n['lit']\n[[arr]]\n[]\n") == nil)
        #expect(TOMLHeaderCheck.problem(in: "a = 1\n\n  [ ,")?.line == 3)
    }
}
