import Foundation

/// A small secret file of the user's (the Invest token): written and read without ever
/// following a link or opening a device or a pipe planted at its path, readable only if it is a
/// regular file owned by the user with no access for anyone else.
public enum PrivateFile {
    /// Why a private file cannot be trusted: it is not a regular file of this user, or others
    /// may read or write it.
    public struct Refused: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `data` to a new file beside `path` (0600, created exclusively, no link followed)
    /// and renames it over `path`: whatever was planted there — a link to another file, a FIFO
    /// someone reads — is replaced, never written through.
    public static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ClicktraxError.operational("\(path): cannot be written (\(String(cString: strerror(errno))))") }
        var committed = false
        defer {
            close(fd)
            if !committed { unlink(temporary) }
        }
        if let failed = AtomicFile.writeAll(data, to: fd) {
            throw ClicktraxError.operational("\(path): cannot be written (\(String(cString: strerror(failed))))")
        }
        guard fsync(fd) == 0, rename(temporary, path) == 0 else {
            throw ClicktraxError.operational("\(path): cannot be written (\(String(cString: strerror(errno))))")
        }
        committed = true
    }

    /// The file's bytes (at most `maxBytes`), or nil when there is none; `Refused` when what is
    /// there is not a regular file of this user that only they can read and write.
    public static func read(_ path: String, maxBytes: Int = 64 << 10) throws -> Data? {
        // O_NONBLOCK: a FIFO opens at once instead of waiting for a writer, and is then refused.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw Refused(path: path, reason: "is a symbolic link, not a file of yours: remove it") }
            throw Refused(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Refused(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Refused(path: path, reason: "is not a regular file (a pipe, a device?): remove it") }
        guard info.st_uid == geteuid() else { throw Refused(path: path, reason: "belongs to another user: remove it") }
        guard info.st_mode & 0o077 == 0 else {
            throw Refused(path: path, reason: "others may read or write it (mode \(String(info.st_mode & 0o777, radix: 8))): remove it")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while data.count <= maxBytes {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer.prefix(count))
        }
        guard data.count <= maxBytes else { throw Refused(path: path, reason: "is larger than a token file is") }
        return data
    }
}
