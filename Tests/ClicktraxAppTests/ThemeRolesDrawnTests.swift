import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// A theme names only roles something draws: an operator's session through every screen and
/// state draws every one of `ThemeRole.allCases`, and no role is left that no code uses.
@Suite struct ThemeRolesDrawnTests {
    @Test func anOperatorsSessionDrawsEveryRole() throws {
        let driver = try AppDriver(width: 120, height: 34)
        driver.press(.char(" "), .char("-"))                        // ticked, inactive, a toast
        driver.press(.char("/"))
        driver.type("w")                                            // focused field
        driver.press(KeyPress(.escape), .char("s"))                 // sorted header
        driver.press(.char("m"), KeyPress(.escape))                 // menu, a disabled item (redo)
        driver.press(.char("x"))                                    // export: code, checkbox, lint
        driver.focus(.secure)
        driver.press(.char(" "))                                    // a warning (non-secure)
        driver.focus(.email)
        driver.press(KeyPress(.escape))
        driver.press(.char("g"), .char("j"), .char("x"))
        driver.press(.ctrl("s"), KeyPress(.escape))                 // result view; lint shows ✓
        driver.press(.char("n"), .ctrl("s"))                        // errors beside fields
        driver.focus(.name)
        driver.press(KeyPress(.escape))
        driver.press(.char("y"))                                    // an error toast? (ticked copy)
        driver.press(.char("?"), KeyPress(.escape))
        driver.press(.char("A"), .char("/"))
        driver.type("zzz no such")
        driver.press(KeyPress(.enter), .char("y"))                  // error toast: nothing to copy
        try driver.loadClicks()
        driver.openReports()                                        // the chart: bars, the selected one, the axis
        for _ in 0..<5 { driver.press(.char("b")) }
        driver.waitForReport()
        let welcome = try AppDriver(width: 120, height: 34, emptyDatabase: true)  // the bare screen round the welcome
        let missing = Set(ThemeRole.allCases).subtracting(driver.backend.rolesDrawn.union(welcome.backend.rolesDrawn))
        #expect(missing.isEmpty, "roles no frame drew: \(missing.map(\.rawValue).sorted())")
    }
}
