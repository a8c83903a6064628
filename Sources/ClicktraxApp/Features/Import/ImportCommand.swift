import ClicktraxCore

/// Filling the database: an import of files, the demo catalog (`ImportPerformer`).
public enum ImportCommand: Sendable, Equatable {
    /// Imports a file, or the .json and .csv files of a folder, all or nothing.
    case importFiles(path: String)
    case cancelImport
    case loadDemo
}

/// What it did.
public enum ImportMessage: Sendable {
    /// The import's files are found and it runs in the background.
    case importStarted(files: Int)
    case importProgress(filesDone: Int, files: Int, records: Int)
    case importFinished(ImportOutcome)
    case demoLoaded(DemoCatalog.Summary)
}

/// How an import from the UI ended.
public enum ImportOutcome: Sendable, Equatable {
    /// What it did, and the step that undoes it (or says it cannot be undone).
    case imported(files: Int, lines: [String], UndoStep)
    /// The files had problems: nothing was written.
    case refused([String])
    case failed(String)
    case cancelled
    /// The path was not there, or held nothing to import: back to the prompt.
    case badPath(String)
}

/// What the welcome and the import prompt ask of the app.
public enum ImportIntent: Sendable, Equatable {
    case openImport
    case importPath(String)
    case loadDemo
}
