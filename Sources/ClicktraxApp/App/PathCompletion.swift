import Foundation

/// Tab in a path prompt, as a shell completes: the names in the folder typed so far that start
/// with what follows the last `/`; one completes whole (a folder with its `/`), several complete
/// as far as they agree and are listed.
public struct PathCompletion: Sendable, Equatable {
    /// The path with as much completed as can be.
    public var completed: String
    /// The names that still fit, when more than one does (at most `listed`).
    public var candidates: [String]
    static let listed = 12

    /// `home` for `~`, `currentDirectory` for a relative path; the typed form is kept.
    public static func complete(_ typed: String, home: String, currentDirectory: String,
                                list: (String) -> [String]? = { try? FileManager.default.contentsOfDirectory(atPath: $0) },
                                isFolder: (String) -> Bool = PathCompletion.isFolder) -> PathCompletion {
        let slash = typed.lastIndex(of: "/")
        let folderTyped = slash.map { String(typed[...$0]) } ?? ""
        let prefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        var folder = folderTyped.isEmpty ? "./" : folderTyped
        if folder == "~/" || folder.hasPrefix("~/") { folder = home + folder.dropFirst() }
        if !folder.hasPrefix("/") { folder = currentDirectory + "/" + folder }
        let names = (list(folder) ?? []).filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted()
        guard let first = names.first else { return PathCompletion(completed: typed, candidates: []) }
        if names.count == 1 {
            return PathCompletion(completed: folderTyped + first + (isFolder(folder + first) ? "/" : ""), candidates: [])
        }
        var common = first
        for name in names.dropFirst() {
            while !name.hasPrefix(common) { common.removeLast() }
        }
        return PathCompletion(completed: folderTyped + common, candidates: Array(names.prefix(listed)))
    }

    public static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
