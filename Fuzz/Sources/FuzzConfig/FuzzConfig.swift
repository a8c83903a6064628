import ClicktraxCore
import Foundation
import FuzzSupport
import TerminalUI

/// Any text as the configuration file and as a theme file: parsed or refused with a message
/// naming the line and key, never a crash.
@_cdecl("FuzzConfig_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

/// libFuzzer's runtime names this entry point too.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { fuzz(data, size) }

func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = text(data, size)
    do { _ = try ClicktraxConfig.parse(input, source: "config.toml") } catch {
        precondition(!"\(error)".isEmpty, "an error without a message")
    }
    do { _ = try ThemeFile.parse(input, source: "theme.toml", name: "fuzz") } catch {
        precondition(!"\(error)".isEmpty, "an error without a message")
    }
    return 0
}
