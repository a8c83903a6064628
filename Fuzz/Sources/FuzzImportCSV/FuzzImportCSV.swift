import ClicktraxCore
import Foundation
import FuzzSupport

/// Any bytes as a CSV file (any kind, told by its header), through the whole import (read, decode, check, upsert) in a
/// dry run: a problem list or a summary, never a crash.
nonisolated(unsafe) let store = try! SQLiteStore.inMemory()
let path = NSTemporaryDirectory() + "clicktrax-fuzz-\(getpid()).csv"

@_cdecl("FuzzImportCSV_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

/// libFuzzer's runtime names this entry point too.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { fuzz(data, size) }

func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FileManager.default.createFile(atPath: path, contents: bytes(data, size))
    _ = try? Importer(publisherForPaymentRules: 1).run([path], into: store, dryRun: true) { _, _, _ in }
    return 0
}
