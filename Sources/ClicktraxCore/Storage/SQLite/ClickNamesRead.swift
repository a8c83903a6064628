/// The names of a report's objects as read from their table: for each id asked (in order) its
/// place in `names`, -1 for an id the table does not have.
struct ClickNamesRead: Sendable {
    var slots: [Int32]
    var names: PackedStrings
}
