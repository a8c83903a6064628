import ClicktraxCore
import Foundation
import Testing

/// `export --output` and stdout against what is not a plain new file: special files made under a
/// temporary folder (never the real /dev), symlinks, hard links, modes, a full disk, a closed or
/// full stdout after a change was saved.
@Suite struct OutputFileTests {
    func demo() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        return cli
    }

    var isRoot: Bool { geteuid() == 0 }

    /// A character device like /dev/null (1,3) or /dev/full (1,7) in `folder` as root; the real
    /// one otherwise (which a user cannot replace, so the test cannot harm it).
    func device(_ name: String, minor: UInt32, in folder: URL) throws -> String {
        guard isRoot else { return "/dev/\(name)" }
        let path = folder.appendingPathComponent(name).path
        #expect(mknod(path, S_IFCHR | 0o666, makedev(1, minor)) == 0, "mknod \(path): \(String(cString: strerror(errno)))")
        return path
    }

    func makedev(_ major: UInt32, _ minor: UInt32) -> dev_t {
        dev_t((major & 0xfff) << 8 | (minor & 0xff) | ((minor & ~0xff) << 12))
    }

    func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
    }

    @Test func aDeviceIsWrittenNotReplacedAndAFullOneIsToldAsAFullDisk() throws {
        let cli = try demo()
        let null = try device("null", minor: 3, in: cli.home)
        let written = try cli.run(["export", "21378", "--output", null])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(isCharacterDevice(null), "\(null) is still a device")

        let full = try device("full", minor: 7, in: cli.home)
        let refused = try cli.run(["export", "21378", "--output", full])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(full): the disk is full"), "\(refused.stderr)")
        #expect(isCharacterDevice(full))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.home.path).filter { $0.hasPrefix(".null.") || $0.hasPrefix(".full.") }
        #expect(leftovers.isEmpty, "no temporary files beside the devices: \(leftovers)")
    }

    @Test func aFIFOIsWrittenDirectly() throws {
        let cli = try demo()
        let fifo = cli.home.appendingPathComponent("tags.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedData()
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while fd >= 0 {
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { break }
                received.append(buffer[0..<count])
            }
            if fd >= 0 { close(fd) }
            received.finish()
        }
        reader.start()
        let written = try cli.run(["export", "21378", "--output", fifo])
        #expect(written.status == 0, "\(written.stderr)")
        received.wait()
        let printed = try cli.run(["export", "21378"])
        #expect(String(decoding: received.bytes, as: UTF8.self) == printed.stdout)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
    }

    @Test func dashAndDevFdMeanStdout() throws {
        let cli = try demo()
        let printed = try cli.run(["export", "21378"])
        for path in ["-", "/dev/stdout", "/dev/fd/1"] {
            let result = try cli.run(["export", "21378", "--output", path])
            #expect(result.status == 0, "\(path): \(result.stderr)")
            #expect(result.stdout == printed.stdout, "\(path)")
            #expect(result.stderr.isEmpty, "\(path): no 'saved to' note: \(result.stderr)")
        }
        let empty = try cli.run(["export", "21378", "--output", ""])
        #expect(empty.status == 2 && empty.stderr.contains("empty"), "\(empty.stderr)")
    }

    @Test func aSymlinksTargetIsReplacedAndTheLinkStays() throws {
        let cli = try demo()
        let folder = cli.home.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("tags.html").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        let link = cli.home.appendingPathComponent("link.html").path
        #expect(symlink("real/tags.html", link) == 0)
        let written = try cli.run(["export", "21378", "--output", link])
        #expect(written.status == 0, "\(written.stderr)")
        let printed = try cli.run(["export", "21378"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == printed.stdout)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == "real/tags.html", "still a link")

        // A dangling link: its target is created.
        let dangling = cli.home.appendingPathComponent("dangling.html").path
        #expect(symlink("real/new.html", dangling) == 0)
        #expect(try cli.run(["export", "21378", "--output", dangling]).status == 0)
        #expect(try String(contentsOfFile: folder.appendingPathComponent("new.html").path, encoding: .utf8) == printed.stdout)
    }

    @Test func anExistingFileKeepsItsModeOwnerAndHardLinks() throws {
        let cli = try demo()
        let file = cli.home.appendingPathComponent("tags.html").path
        try "old".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(chmod(file, 0o640) == 0)
        let printed = try cli.run(["export", "21378"])
        #expect(try cli.run(["export", "21378", "--output", file]).status == 0)
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o640, "mode kept: \(String(info.st_mode & 0o777, radix: 8))")

        let other = cli.home.appendingPathComponent("other.html").path
        #expect(link(file, other) == 0)
        #expect(try cli.run(["export", "21379", "--output", file]).status == 0)
        let second = try cli.run(["export", "21379"]).stdout
        #expect(try String(contentsOfFile: other, encoding: .utf8) == second, "the other link sees the new content")
        #expect(stat(file, &info) == 0 && info.st_nlink == 2)

        if isRoot {
            // Root writing a user's file: it stays the user's.
            #expect(chown(file, 4242, 4243) == 0 && unlink(other) == 0)
            #expect(try cli.run(["export", "21378", "--output", file]).status == 0)
            #expect(stat(file, &info) == 0 && info.st_uid == 4242 && info.st_gid == 4243, "owner kept")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)
        }
        let folder = try cli.run(["export", "21378", "--output", cli.home.path])
        #expect(folder.status == 2 && folder.stderr.contains("is a folder"))
    }

    /// `sh -c` with stdout redirected as the test asks: the runner's own pipes cannot be closed or full.
    func runWithStdout(_ cli: CLIRunner, _ redirect: String, _ arguments: [String]) throws -> CLIRunner.Result {
        try cli.run(shell: "db=$1; shift; exec \"$0\" --database \"$db\" \"$@\" \(redirect)", [CLIRunner.binary.path, cli.database] + arguments)
    }

    @Test func aClosedOrFullStdoutAfterACreateSaysTheChangeWasSaved() throws {
        let cli = try demo()
        let full = try device("full", minor: 7, in: cli.home)
        let create = ["trackers", "create", "--name", "Saved despite stdout", "--line-item", "74957", "--publisher", "44449"]
        for redirect in [">&-", "> \(full)"] {
            let result = try runWithStdout(cli, redirect, create)
            #expect(result.status == 1, "\(redirect): \(result.status)")
            #expect(result.stderr.contains("cannot write the output to stdout"), "\(redirect): \(result.stderr)")
            #expect(result.stderr.contains("the change WAS saved"), "\(redirect): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal") && result.stderr.split(separator: "\n").count == 1, "\(redirect): one line: \(result.stderr)")
        }
        let listed = try cli.run(["trackers", "list", "--format", "csv"])
        #expect(listed.stdout.components(separatedBy: "Saved despite stdout").count - 1 == 2, "both creates were saved")

        let list = try runWithStdout(cli, "> \(full)", ["trackers", "list"])
        #expect(list.status == 1 && list.stderr.contains("nothing was changed"), "\(list.stderr)")
        let help = try runWithStdout(cli, ">&-", ["--help"])
        #expect(help.status == 1 && !help.stderr.contains("Fatal"), "\(help.stderr)")
    }
}

/// Bytes a reader thread collects, and the moment it is done.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var storage: [UInt8] = []

    func append(_ bytes: ArraySlice<UInt8>) {
        lock.lock()
        storage += bytes
        lock.unlock()
    }

    func finish() { done.signal() }

    func wait() { _ = done.wait(timeout: .now() + 30) }

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
