import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// On a light terminal (xterm's black on white) a dialog cell left at the terminal's default
/// background shows as a white hole in a grey box. Every kind of dialog, opened as the golden
/// screens open it, in the dark and the light theme: no cell inside its frame keeps the
/// terminal's background.
@Suite struct DialogBackgroundTests {
    static let themes: [(name: String, theme: Theme)] = [("default", .builtinDefault), ("light", .builtinLight)]
    static let dialogs = GoldenScreenTests.recipes.filter { $0.modal != nil }.map(\.name)

    @Test(arguments: dialogs)
    func everyCellInsideTheDialogHasItsBackground(_ name: String) throws {
        let recipe = try #require(GoldenScreenTests.recipes.first { $0.name == name })
        for (themeName, theme) in Self.themes {
            for (width, height) in GoldenScreenTests.sizes {
                let driver = try AppDriver(width: width, height: height, theme: theme)
                try recipe.keys(driver)
                let screen = driver.backend.screen
                let frame = try #require(Self.frame(of: screen), "\(name) in \(themeName): no dialog drawn")
                var holes: [String] = []
                for y in frame.y..<frame.maxY {
                    for x in frame.x..<frame.maxX where screen[x, y].style.background == .terminalDefault {
                        holes.append("(\(x),\(y)) \(screen[x, y].role?.rawValue ?? "nothing drawn")")
                    }
                }
                #expect(holes.isEmpty, "\(name) in \(themeName) at \(width)x\(height): \(holes.count) cells on the terminal's background, first \(holes.prefix(5))\n\(driver.text)")
            }
        }
    }

    /// The box round the top dialog: the cells drawn with a dialog's or a menu's roles. The
    /// screens under it draw none of them.
    static func frame(of screen: ScreenBuffer) -> Rect? {
        let roles: Set<ThemeRole> = [.dialog, .dialogBorder, .dialogTitle, .menu]
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                guard let role = screen[x, y].role, roles.contains(role) else { continue }
                minX = min(minX, x); minY = min(minY, y); maxX = max(maxX, x); maxY = max(maxY, y)
            }
        }
        return maxX < 0 ? nil : Rect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }
}
