/// The pickers' rule for the small lists (publishers' placements and payment rules): the exact
/// ID, the code whatever its case, or every word of the query inside the folded name.
public enum CatalogMatch {
    public static func matches(id: Int64, name: String, code: String?, term: String) -> Bool {
        let words = TextFolding.words(of: term)
        if words.isEmpty || String(id) == term { return true }
        if let code, code.lowercased() == term.lowercased() { return true }
        let folded = TextFolding.fold(name)
        return words.allSatisfy { folded.contains($0) }
    }
}
