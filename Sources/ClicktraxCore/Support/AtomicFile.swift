import Foundation

/// Writes a file the way its kind asks, looked at with `lstat` first:
/// - a new file, or an existing one with a single link: a temporary file in the same folder,
///   flushed, renamed over the target — a reader (or a crash) sees the old content or the new,
///   never half. An existing file keeps its mode and owner.
/// - an existing file with several hard links: rewritten in place (truncated, written, flushed),
///   so every link still names it — not atomic, the price of keeping the links.
/// - a symlink: its target is written by these same rules; the link stays a link.
/// - a character or block device, a FIFO or a socket: opened and written directly (no temporary
///   file, no rename: `--output /dev/null` must never replace the system's `/dev/null`).
/// - `-`, `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`: that descriptor (1 for stdout).
/// - a folder: refused.
public enum AtomicFile {
    /// `mode` is a new file's; an existing file keeps its own unless `enforceMode` (secrets:
    /// the Invest token, the outbox — always 0600).
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o644, enforceMode: Bool = false) throws {
        guard !path.isEmpty else { throw ClicktraxError.badInput("the file name is empty") }
        if let descriptor = descriptor(named: path) {
            return try writeAll(data, to: descriptor, path: path == "-" ? "stdout" : path)
        }
        var target = path
        for _ in 0..<Self.maxLinks {
            var info = stat()
            guard lstat(target, &info) == 0 else {
                guard errno == ENOENT else { throw failure(target, errno) }
                return try replace(target, with: data, mode: mode, existing: nil)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                target = try linkTarget(of: target)
                continue
            case S_IFDIR:
                throw ClicktraxError.badInput("\(path): is a folder")
            case S_IFREG:
                if info.st_nlink > 1 { return try rewriteInPlace(target, with: data, mode: enforceMode ? mode : nil) }
                return try replace(target, with: data, mode: mode, existing: enforceMode ? nil : info)
            default:
                return try writeSpecial(target, with: data)
            }
        }
        throw ClicktraxError.badInput("\(path): too many symbolic links")
    }

    static let maxLinks = 16

    /// The descriptor a path means rather than names: stdout for `-`.
    public static func descriptor(named path: String) -> Int32? {
        if path == "-" || path == "/dev/stdout" { return STDOUT_FILENO }
        if path == "/dev/stderr" { return STDERR_FILENO }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
        }
        return nil
    }

    /// Where a symlink points, made absolute against the link's folder.
    private static func linkTarget(of link: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw failure(link, errno) }
        let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return URL(fileURLWithPath: link).deletingLastPathComponent().appendingPathComponent(destination).path
    }

    /// The temporary file and the rename; an existing file's mode and owner carried over.
    private static func replace(_ path: String, with data: Data, mode: mode_t, existing: stat?) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ClicktraxError.badInput("\(path): the folder \(folder) does not exist")
        }
        var template = Array("\(folder)/.\(url.lastPathComponent).XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw failure(path, errno, doing: "cannot create a file in \(folder)") }
        let temporary = String(cString: template)
        var committed = false
        defer { if !committed { unlink(temporary) } }
        var inPlace = false
        do {
            try writeAll(data, to: fd, path: path)
            if let existing {
                guard fchmod(fd, existing.st_mode & 0o7777) == 0 else { throw failure(path, errno) }
                if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                    // Someone else's file (root writing a user's): keep its owner, or, where we
                    // may not give it away, keep it by writing it in place.
                    if fchown(fd, existing.st_uid, existing.st_gid) != 0 {
                        inPlace = true
                    }
                }
            } else {
                guard fchmod(fd, mode) == 0 else { throw failure(path, errno) }
            }
            guard fsync(fd) == 0 else { throw failure(path, errno) }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        if inPlace { return try rewriteInPlace(path, with: data, mode: nil) }
        guard rename(temporary, path) == 0 else { throw failure(path, errno) }
        committed = true
        // Make the rename itself durable.
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY)
        if folderFD >= 0 { fsync(folderFD); close(folderFD) }
    }

    /// The same file, truncated and written (its inode, links, owner and mode kept).
    private static func rewriteInPlace(_ path: String, with data: Data, mode: mode_t?) throws {
        let fd = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        if let mode { guard fchmod(fd, mode) == 0 else { throw failure(path, errno) } }
        try writeAll(data, to: fd, path: path)
        guard fsync(fd) == 0 else { throw failure(path, errno) }
    }

    /// A device, FIFO or socket: written as it is. A FIFO waits for its reader, as `cat > fifo` does.
    private static func writeSpecial(_ path: String, with data: Data) throws {
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        try writeAll(data, to: fd, path: path)
    }

    /// Every byte, or an error naming the path (a full disk said so).
    public static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        if let failed = writeAll(data, to: fd) { throw failure(path, failed) }
    }

    /// Every byte (through EINTR and short writes); the errno that stopped it, if one did.
    public static func writeAll(_ data: Data, to fd: Int32) -> Int32? {
        data.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { return EIO }
                offset += count
            }
            return nil
        }
    }

    static func failure(_ path: String, _ code: Int32, doing: String? = nil) -> ClicktraxError {
        if code == ENOSPC || code == EDQUOT { return .operational("\(path): the disk is full; the file was not written whole") }
        let reason = String(cString: strerror(code))
        return .operational("\(path): \(doing ?? "cannot write") (\(reason)); the file was left as it was")
    }
}
