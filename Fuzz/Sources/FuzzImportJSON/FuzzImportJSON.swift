import FuzzSupport

/// Any bytes as an Invest API page, through the whole import in a dry run (`ImportFuzzing`).
let importing = ImportFuzzing(fileExtension: "json")

@_cdecl("FuzzImportJSON_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in importing.run(data, size) }
}

/// libFuzzer's runtime names this entry point too.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { importing.run(data, size) }
