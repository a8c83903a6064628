/// A column of a `TableWidget`.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    /// The narrowest the column may be; extra width is shared by the flexible columns.
    public var minWidth: Int
    /// Flexible columns take what is left over, in proportion to their weight.
    public var flex: Int
    /// Higher stays longer when the table is too narrow for every column.
    public var priority: Int
    public var alignRight: Bool
    /// The width that shows what matters of it (a line item's market and format): before a
    /// column of priority below `preferredOver` is shown, this one gets it.
    public var preferredWidth: Int
    public var preferredOver: Int
    /// Not shown at all (a column with nothing in it takes no room).
    public var hidden = false

    public init(_ title: String, minWidth: Int, preferredWidth: Int? = nil, preferredOver: Int = 0, flex: Int = 0, priority: Int = 50,
                alignRight: Bool = false) {
        self.title = title
        self.minWidth = minWidth
        self.preferredWidth = max(minWidth, preferredWidth ?? minWidth)
        self.preferredOver = preferredOver
        self.flex = flex
        self.priority = priority
        self.alignRight = alignRight
    }

    /// The indices of the columns that fit in `width` (one cell between columns) and the width
    /// each gets: lowest priority dropped first; a column is shown only if the columns that want
    /// their preferred width before it (`preferredOver`) get it too; then spare cells shared
    /// among flexible ones.
    public static func layout(_ columns: [TableColumn], width: Int) -> [(index: Int, width: Int)] {
        var shown = columns.indices.filter { !columns[$0].hidden }
        func needed() -> Int { shown.reduce(0) { $0 + columns[$1].minWidth } + max(0, shown.count - 1) }
        /// With the columns that want their preferred width before one of `priority` is shown given it.
        func preferred(above priority: Int) -> Int {
            shown.reduce(0) { $0 + (columns[$1].preferredOver > priority ? columns[$1].preferredWidth : columns[$1].minWidth) }
                + max(0, shown.count - 1)
        }
        while shown.count > 1, let lowest = shown.min(by: { columns[$0].priority < columns[$1].priority }),
              needed() > width || preferred(above: columns[lowest].priority) > width {
            shown.removeAll { $0 == lowest }
        }
        var widths = shown.map { columns[$0].minWidth }
        var spare = width - needed()
        // The preferred widths first, highest priority first; then the rest by flex.
        for position in shown.indices.sorted(by: { columns[shown[$0]].priority > columns[shown[$1]].priority }) where spare > 0 {
            let more = min(spare, columns[shown[position]].preferredWidth - widths[position])
            widths[position] += more
            spare -= more
        }
        let totalFlex = shown.reduce(0) { $0 + columns[$1].flex }
        if spare > 0 && totalFlex > 0 {
            let share = spare
            for (position, index) in shown.enumerated() where columns[index].flex > 0 {
                let extra = share * columns[index].flex / totalFlex
                widths[position] += extra
                spare -= extra
            }
            if let lastFlex = shown.lastIndex(where: { columns[$0].flex > 0 }) { widths[lastFlex] += spare }
        }
        if needed() > width, !widths.isEmpty { widths[0] = max(1, widths[0] - (needed() - width)) }
        return Array(zip(shown, widths)).map { (index: $0.0, width: $0.1) }
    }
}
