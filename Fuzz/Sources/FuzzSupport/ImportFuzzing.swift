import ClicktraxCore
import Foundation

/// Any bytes as an import file of one format, through the whole import (read, decode, check,
/// upsert) in a dry run into one in-memory store: a problem list or a summary, never a crash.
/// The JSON and CSV fuzzers differ only in the file name's extension, which picks the reader.
public final class ImportFuzzing: @unchecked Sendable {
    private let store: SQLiteStore
    private let path: String

    public init(fileExtension: String) {
        do {
            store = try SQLiteStore.inMemory()
        } catch {
            preconditionFailure("cannot create the in-memory store the fuzzer imports into: \(error)")
        }
        path = NSTemporaryDirectory() + "clicktrax-fuzz-\(getpid()).\(fileExtension)"
    }

    public func run(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FileManager.default.createFile(atPath: path, contents: bytes(data, size))
        _ = try? Importer(publisherForPaymentRules: 1).run([path], into: store, dryRun: true) { _, _, _ in }
        return 0
    }
}
