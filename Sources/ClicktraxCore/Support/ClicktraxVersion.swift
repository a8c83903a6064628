/// Clicktrax's version: `clicktrax --version` prints it, and `scripts/package` names the tarball
/// and the .deb after it (it asks the binary it built), so there is one place to change.
public enum ClicktraxVersion {
    public static let current = "1.0.0"
}
