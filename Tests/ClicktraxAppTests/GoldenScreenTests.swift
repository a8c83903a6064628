import ClicktraxCore
import Foundation
import TerminalUI
import Testing
@testable import ClicktraxApp

/// Whole screens compared with the files in Goldens/: the main screen, the welcome, and every
/// kind of dialog, at 110×34 and at the smallest size, 60×16. A change shows as the first lines
/// that differ; `RECORD_GOLDENS=1 swift test --filter GoldenScreen` rewrites the files.
@Suite struct GoldenScreenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let sizes = [(110, 34), (60, 16)]

    /// How to reach each screen from the start, by keys.
    static let recipes: [(name: String, modal: Modal.Kind?, emptyDatabase: Bool, keys: @Sendable (AppDriver) throws -> Void)] = [
        ("main", nil, false, { _ in }),
        ("welcome", nil, true, { _ in }),
        ("more-actions", .moreActions, false, { $0.press(.char("m")) }),
        ("confirm-delete", .confirm, false, { $0.press(KeyPress(.delete)) }),
        ("help", .help, false, { $0.press(.char("?")) }),
        ("tracker-edit", .tracker, false, { $0.press(.char("e")) }),
        ("picker-line-item", .picker, false, { driver in
            driver.press(.char("e"))
            driver.focus(.lineItem)
            driver.press(KeyPress(.enter))
            driver.type("wonka")
        }),
        ("export", .export, false, { $0.press(.char(" "), .char(" "), .char("x")) }),
        ("export-result", .result, false, { $0.press(.char("x"), .ctrl("s")) }),
        ("import-prompt", .path, false, { $0.press(.char("I")) }),
        ("message-import", .message, false, { driver in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString).json")
            try "{\"response\": {\"publishers\": [{\"id\": 1, \"name\": \"Pub\"}]}}".write(to: file, atomically: true, encoding: .utf8)
            driver.press(.char("I"))
            driver.paste(file.path)
            driver.press(KeyPress(.enter))
        }),
        ("main-clicks", nil, false, { try $0.loadClicks() }),
        ("reports", nil, false, { driver in
            try driver.loadClicks()
            driver.openReports()
        }),
        ("reports-by-day", nil, false, { driver in
            try driver.loadClicks()
            driver.openReports()
            for _ in 0..<5 { driver.press(.char("b")) }
            driver.waitForReport()
            driver.press(.char("j"), .char("j"))
        }),
        ("reports-empty", nil, false, { $0.openReports() }),
        ("reports-impressions", nil, false, { driver in
            try driver.loadImpressions()
            driver.openReports()
            driver.press(.char("i"))
            driver.waitFor { driver.reports?.impressions.isWaiting == false }
        }),
        ("imp-main", nil, false, { $0.openImpressions() }),
        ("imp-create", .tracker, false, { driver in
            driver.openImpressions()
            driver.press(.char("n"))
            driver.press(KeyPress(.tab))
            driver.press(.char(" "))
        }),
        ("imp-export", .export, false, { driver in
            driver.openImpressions()
            driver.press(.char("x"))
        }),
        ("conflict", .conflict, false, { driver in
            try driver.makeConflict(theirsName: "Renamed on Invest")
            driver.press(KeyPress(.enter))
        }),
    ]

    @Test func everyModalKindHasAGolden() {
        let covered = Set(Self.recipes.compactMap(\.modal))
        for kind in Modal.Kind.allCases { #expect(covered.contains(kind), "no golden screen for \(kind)") }
    }

    @Test(arguments: recipes.map(\.name))
    func screen(_ name: String) throws {
        let recipe = try #require(Self.recipes.first { $0.name == name })
        for (width, height) in Self.sizes {
            let driver = try AppDriver(width: width, height: height, emptyDatabase: recipe.emptyDatabase)
            try recipe.keys(driver)
            if let modal = recipe.modal { #expect(driver.modals.last?.kind == modal, "\(name): \(driver.text)") }
            // Times change from run to run; everything else is the demo's, fixed by its seed.
            let screen = driver.text.replacingOccurrences(of: #"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"#, with: "YYYY-MM-DD HH:MM:SS",
                                                          options: .regularExpression) + "\n"
            let file = Self.folder.appendingPathComponent("\(name)-\(width)x\(height).txt")
            if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
                try screen.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let golden = try String(contentsOf: file, encoding: .utf8)
            #expect(screen == golden, "\(file.lastPathComponent) differs:\n\(Self.difference(golden, screen))")
        }
    }

    /// The first lines that differ, golden above, now below.
    static func difference(_ golden: String, _ now: String) -> String {
        let old = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let new = now.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) where lines.count < 12 {
            let a = index < old.count ? String(old[index]) : "(none)"
            let b = index < new.count ? String(new[index]) : "(none)"
            if a != b { lines += ["line \(index + 1) was: \(a)", "line \(index + 1) now: \(b)"] }
        }
        return lines.joined(separator: "\n") + "\n(RECORD_GOLDENS=1 swift test --filter GoldenScreen rewrites them)"
    }
}
