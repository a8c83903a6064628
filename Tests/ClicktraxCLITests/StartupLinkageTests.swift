import Foundation
import Testing

/// What every start of clicktrax loads. libcurl (and FoundationNetworking, which linked it) pulled
/// some thirty libraries into each run — about 10 ms of every start, the UI's first frame too — for
/// the two commands that talk to Invest; `LibCurl` opens it when the first request is made.
@Suite struct StartupLinkageTests {
    @Test func theBinaryDoesNotLoadLibcurlUntilInvestIsUsed() throws {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [CLIRunner.binary.path]
        let output = Pipe()
        ldd.standardOutput = output
        try ldd.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        #expect(ldd.terminationStatus == 0 && text.contains("libswiftCore"), "\(text)")
        #expect(!text.contains("libcurl") && !text.contains("FoundationNetworking"), "linked at start: \(text)")
    }
}
