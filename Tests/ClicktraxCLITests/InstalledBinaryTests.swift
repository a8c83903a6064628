import ClicktraxCore
import Foundation
import Testing

/// A binary outside the source tree, as an installed one is (issue 31): `--version` from the one
/// place the package's version comes from; the shipped themes built in; a theme installed beside
/// it in `<prefix>/share/clicktrax/themes`, or in `$XDG_DATA_DIRS`, found by name.
@Suite struct InstalledBinaryTests {
    /// `<prefix>/bin/clicktrax`, a copy of the built binary, and the prefix.
    func installed() throws -> (binary: URL, prefix: URL) {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("prefix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let binary = prefix.appendingPathComponent("bin/clicktrax")
        // Copied by cp, not by this process: a file this (multithreaded) process held open for
        // writing while another thread spawned would be "Text file busy" to exec.
        let copied = try Subprocess.run("/bin/cp", [CLIRunner.binary.path, binary.path])
        #expect(copied.succeeded, "\(copied.stderrText)")
        return (binary, prefix)
    }

    func run(_ binary: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Subprocess.Result {
        try Subprocess.run(binary.path, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
                                                                 "XDG_CONFIG_HOME": "/nonexistent"].merging(environment) { $1 })
    }

    @Test func theVersionIsTheOnePlaceOfIt() throws {
        let (binary, prefix) = try installed()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let result = try run(binary, ["--version"])
        #expect(result.succeeded && result.stdoutText == ClicktraxVersion.current + "\n", "\(result.stdoutText)")
    }

    @Test func themesAreFoundWhereItIsInstalledAndNeverInTheSourceTree() throws {
        let (binary, prefix) = try installed()
        defer { try? FileManager.default.removeItem(at: prefix) }
        // Built in: found with no file anywhere (stdin is no terminal, so the theme was read and the UI then refused).
        let builtIn = try run(binary, ["--theme", "high-contrast"])
        #expect(builtIn.stderrText.contains("the terminal UI needs a terminal"), "\(builtIn.stderrText)")
        let missing = try run(binary, ["--theme", "corporate"])
        #expect(missing.stderrText.contains("no theme named “corporate”"), "\(missing.stderrText)")
        #expect(missing.stderrText.contains(prefix.appendingPathComponent("share/clicktrax/themes").path), "\(missing.stderrText)")
        #expect(!missing.stderrText.contains("/Themes"), "the source tree is not looked in: \(missing.stderrText)")
        let themes = prefix.appendingPathComponent("share/clicktrax/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "name = \"corporate\"\nscreen = { fg = \"black\", bg = \"white\" }\n".write(to: themes.appendingPathComponent("corporate.toml"),
                                                                                      atomically: true, encoding: .utf8)
        let found = try run(binary, ["--theme", "corporate"])
        #expect(found.stderrText.contains("the terminal UI needs a terminal"), "\(found.stderrText)")
        // And from $XDG_DATA_DIRS, for a theme a distribution installs elsewhere.
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("clicktrax/themes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: data) }
        try "name = \"site\"\n".write(to: data.appendingPathComponent("clicktrax/themes/site.toml"), atomically: true, encoding: .utf8)
        let site = try run(binary, ["--theme", "site"], environment: ["XDG_DATA_DIRS": data.path])
        #expect(site.stderrText.contains("the terminal UI needs a terminal"), "\(site.stderrText)")
    }
}
