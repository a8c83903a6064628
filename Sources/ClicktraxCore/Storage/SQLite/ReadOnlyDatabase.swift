import Foundation
import GRDB

/// When and how a database is opened read-only: the user can read the file but not write it
/// (someone else's 0644 file, a folder they cannot write, a read-only mount).
enum ReadOnlyDatabase {
    /// The open for writing failed because of permissions, the file exists and this user can
    /// read it: worth a read-only try. A damaged file or a busy lock is not.
    static func mayOpen(_ path: String, after error: DatabaseError) -> Bool {
        switch error.resultCode {
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR: break
        default: return false
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return false }
        return access(path, R_OK) == 0
    }

    /// Names to open, in order. A WAL database read-only needs its -shm shared memory file, which
    /// a reader who cannot write the folder cannot create. Without a -wal file (a clean close
    /// removes it) everything is in the main file, so SQLite may take it as immutable (no shared
    /// memory, no locks) — the URI form, which Debian's SQLite and SQLite's own builds accept.
    /// With a -wal left over, immutable would miss its pages: only the plain open is tried.
    static func candidates(for path: String) -> [String] {
        var names = [path]
        var info = stat()
        let walMayHoldPages = stat(path + "-wal", &info) == 0 && info.st_size > 0
        if !walMayHoldPages, let uri = immutableURI(path) { names.append(uri) }
        return names
    }

    /// `file:/abs/path?immutable=1`, the path percent-encoded (a `?` or `#` in a name is data).
    static func immutableURI(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        guard let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return "file:" + encoded + "?immutable=1"
    }
}
