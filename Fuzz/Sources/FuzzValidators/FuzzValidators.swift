import ClicktraxCore
import Foundation
import FuzzSupport

/// Any text as a Landing Page URL and as each macro's value. Whatever is accepted must be what
/// the rules promise: an http(s) URL without white space, control characters, `"` or markup
/// characters (an apostrophe is a legal URL character and harmless in a double-quoted
/// attribute); a macro value without `"` or markup characters — so nothing accepted can leave
/// its attribute in a tag.
@_cdecl("FuzzValidators_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

/// libFuzzer's runtime names this entry point too.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { fuzz(data, size) }

func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = text(data, size)
    let markup = CharacterSet(charactersIn: "\"<>`\\").union(.controlCharacters)
    let forbidden = markup.union(.whitespacesAndNewlines)
    if LandingPageURL.isValid(input) {
        let lower = input.lowercased()
        precondition(lower.hasPrefix("http://") || lower.hasPrefix("https://"), "accepted a URL that is not http(s): \(input.debugDescription)")
        precondition(input.rangeOfCharacter(from: forbidden) == nil, "accepted a URL with a dangerous character: \(input.debugDescription)")
    }
    for macro in TrackerMacro.allCases where MacroValueRules.problem(input, for: macro) == nil {
        precondition(input.rangeOfCharacter(from: markup) == nil,
                     "\(macro): accepted a value with a markup character: \(input.debugDescription)")
    }
    return 0
}
