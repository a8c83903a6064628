import Testing
@testable import ClicktraxCore

@Suite struct TextFoldingTests {
    @Test func foldsCaseAccentsAndWidth() {
        #expect(TextFolding.fold("Café Olé") == "cafe ole")
        #expect(TextFolding.fold("ZÜRICH") == "zurich")
        #expect(TextFolding.fold("ｃａｆｅ") == "cafe")
        #expect(TextFolding.fold("東京ラーメン") == "東京ラーメン")
        #expect(TextFolding.words(of: "  Wonka   HOLIDAY jp ") == ["wonka", "holiday", "jp"])
    }
}
