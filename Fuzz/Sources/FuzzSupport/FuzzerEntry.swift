import CFuzzer
import Foundation

/// The libFuzzer callback type: the input's bytes and their count.
public typealias FuzzBody = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

/// Runs libFuzzer with `body`. SwiftPM links an executable with `main` pointing at
/// `<Target>_main`, so libFuzzer's own `main` is never used: each target defines that symbol and
/// hands over to `LLVMFuzzerRunDriver`, in the runtime that `-sanitize=fuzzer` links in.
public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: FuzzBody) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, body)
}

/// The input as text (invalid UTF-8 repaired, as a file read by Clicktrax would be refused or repaired).
public func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
    guard let data, size > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Data {
    guard let data, size > 0 else { return Data() }
    return Data(bytes: data, count: size)
}
