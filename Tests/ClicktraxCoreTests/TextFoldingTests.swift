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

@Suite struct TextFoldingDecomposedTests {
    @Test func decomposedAccentsFoldLikePrecomposedOnes() {
        #expect(TextFolding.fold("Cafe\u{301} Ole\u{301}") == "cafe ole")
        #expect(TextFolding.fold("Ünïcödé – ÉTÉ") == "unicode – ete")
    }
}
