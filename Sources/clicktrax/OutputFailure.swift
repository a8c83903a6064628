import ClicktraxCore
import Foundation

/// Stdout could not be written. Told in one line that says whether this process saved a change
/// first — a script that sees a create fail must know not to create again.
struct OutputFailure: Error {
    let code: Int32

    var message: String {
        let reason = code == ENOSPC ? "the disk is full" : String(cString: strerror(code))
        let saved = SQLiteStore.committedWrites.load(ordering: .relaxed) > 0
        return "cannot write the output to stdout (\(reason)); "
            + (saved ? "the change WAS saved — do not run the command again to retry it" : "nothing was changed")
    }
}
