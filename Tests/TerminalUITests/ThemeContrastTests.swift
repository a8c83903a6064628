import Foundation
import Testing
@testable import TerminalUI

/// Every shipped theme is legible: each role's foreground on each background it is drawn on
/// (its own, else the screen's, a dialog's or a menu's) meets WCAG's contrast ratio — 4.5 for
/// text, 3 for the dim roles — with colours as a 256-colour xterm shows them. The mono theme
/// has no colours of its own (the terminal's pair is the user's choice) and is left out.
@Suite struct ThemeContrastTests {
    static let dimRoles: Set<ThemeRole> = [
        .toolbarCounts, .tableRowInactive, .tableScrollbar, .textMuted, .fieldPlaceholder, .menuItemDisabled, .footer, .chartAxis,
    ]

    @Test(arguments: ["default", "light", "high-contrast"])
    func everyRoleIsReadableOnEveryBackgroundItIsDrawnOn(name: String) throws {
        let theme = try ThemeFile.load(path: ThemeTests.themesFolder.appendingPathComponent("\(name).toml").path)
        // The terminal's own colours: the light theme is for a white background (what `auto` picks
        // it for), the others for a dark one.
        let light = name == "light"
        let terminalForeground = light ? (0, 0, 0) : (229, 229, 229)
        let terminalBackground = light ? (255, 255, 255) : (0, 0, 0)
        func rgb(_ color: Color, default fallback: (Int, Int, Int)) -> (Int, Int, Int) {
            color == .terminalDefault ? fallback : Color.rgbOfIndex(color.index(forColors: 256))
        }
        let screenForeground = rgb(theme.style(.screen).foreground, default: terminalForeground)
        let containers: [(String, (Int, Int, Int))] = [ThemeRole.screen, .dialog, .menu].map {
            ($0.rawValue, rgb(theme.style($0).background, default: terminalBackground))
        }
        var failures: [String] = []
        for role in ThemeRole.allCases {
            let style = theme.style(role)
            let foreground = rgb(style.foreground, default: screenForeground)
            let backgrounds = style.background == .terminalDefault ? containers : [("its own", rgb(style.background, default: terminalBackground))]
            for (place, background) in backgrounds {
                let (fg, bg) = style.reverse ? (background, foreground) : (foreground, background)
                let ratio = Self.contrast(fg, bg)
                let needed = Self.dimRoles.contains(role) ? 3.0 : 4.5
                if ratio < needed { failures.append("\(role.rawValue) on \(place): \((ratio * 100).rounded() / 100) < \(needed)") }
            }
        }
        #expect(failures.isEmpty, "\(name): \(failures)")
    }

    @Test func theRatioIsWCAGs() {
        #expect(abs(Self.contrast((0, 0, 0), (255, 255, 255)) - 21) < 0.01)
        #expect(abs(Self.contrast((118, 118, 118), (255, 255, 255)) - 4.54) < 0.01)
        #expect(Self.contrast((128, 128, 128), (128, 128, 128)) == 1)
    }

    /// WCAG 2's contrast ratio of two sRGB colours.
    static func contrast(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        func luminance(_ c: (Int, Int, Int)) -> Double {
            func channel(_ v: Int) -> Double {
                let x = Double(v) / 255
                return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
