import ClicktraxCore
import Foundation

/// The system tools some tests use (tmux, msmtp, python3 with aiosmtpd). Missing, the test
/// fails at once, naming the Debian package and the command that installs it — never after a
/// long time-out. `scripts/test` installs them all when run as root.
enum SystemTools {
    struct Missing: Error, CustomStringConvertible {
        let tool: String
        let package: String
        var description: String {
            "\(tool) is not installed: apt-get install -y \(package) (scripts/test installs every test tool when run as root)"
        }
    }

    static func require(_ tool: String, package: String, check: [String]) throws {
        let ok = (try? Subprocess.run(check[0], Array(check.dropFirst())).succeeded) ?? false
        if !ok { throw Missing(tool: tool, package: package) }
    }

    static func requireTmux() throws {
        try require("tmux", package: "tmux", check: ["/bin/sh", "-c", "command -v tmux"])
    }

    static func requireSMTP() throws {
        try require("msmtp", package: "msmtp", check: ["/bin/sh", "-c", "command -v msmtp"])
        try require("aiosmtpd (Python)", package: "python3-aiosmtpd", check: ["/usr/bin/python3", "-c", "import aiosmtpd"])
    }
}
