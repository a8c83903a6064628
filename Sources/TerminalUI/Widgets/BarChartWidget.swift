/// Values as vertical bars of block characters, eight steps to a cell, with the largest value
/// and the first, middle and last labels beside it (clicks per day or hour on the Reports
/// screen). The selected bar is drawn in its own role; in `mono` the bars are still bars (the
/// characters carry the chart).
public enum BarChartWidget {
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `values` left to right; `labels` the same length (dates). `highlight`: a bar's index.
    public static func render(title: String, values: [Int], labels: [String], highlight: Int?, in rect: Rect,
                       theme: Theme, into buffer: inout ScreenBuffer) {
        guard rect.height >= 4, rect.width >= 20 else { return }
        buffer.write(title, x: rect.x, y: rect.y, maxWidth: rect.width, role: .fieldLabel, theme: theme)
        guard !values.isEmpty else { return }
        let peak = max(1, values.max() ?? 1)
        let axisWidth = max(3, String(peak).count) + 1
        let plotHeight = rect.height - 2
        let plotWidth = rect.width - axisWidth - 1
        // Each value gets the same whole number of columns (at least one); too many values for
        // the width are summed in runs.
        let perBar = max(1, plotWidth / values.count)
        let group = values.count > plotWidth ? (values.count + plotWidth - 1) / plotWidth : 1
        var bars: [Int] = []
        var barIndex: [Int] = []
        for start in stride(from: 0, to: values.count, by: group) {
            bars.append(values[start..<min(values.count, start + group)].reduce(0, +))
            barIndex.append(start)
        }
        let top = max(1, bars.max() ?? 1)
        let plotX = rect.x + axisWidth + 1
        for row in 0..<plotHeight {
            let y = rect.y + 1 + row
            if row == 0 { buffer.write(String(top).leftPadded(to: axisWidth), x: rect.x, y: y, role: .chartAxis, theme: theme) }
            if row == plotHeight - 1 { buffer.write("0".leftPadded(to: axisWidth), x: rect.x, y: y, role: .chartAxis, theme: theme) }
            buffer.write("│", x: rect.x + axisWidth, y: y, role: .chartAxis, theme: theme)
        }
        for (position, value) in bars.enumerated() {
            // In eighths of a cell, rounded up so that any click shows.
            let height = value == 0 ? 0 : max(1, (value * plotHeight * 8 + top - 1) / top)
            let selected = highlight.map { $0 >= barIndex[position] && $0 < barIndex[position] + group } ?? false
            let role: ThemeRole = selected ? .chartBarSelected : .chartBar
            for row in 0..<plotHeight {
                let fromBottom = plotHeight - 1 - row
                let fill = min(8, max(0, height - fromBottom * 8))
                // A blank column between bars wherever a bar has two: neighbours stay apart.
                let glyph = String(repeating: eighths[fill], count: max(1, perBar - (perBar >= 2 ? 1 : 0)))
                buffer.write(glyph, x: plotX + position * perBar, y: rect.y + 1 + row, role: role, theme: theme)
            }
        }
        // Dates under the first, middle and last bars.
        let y = rect.y + rect.height - 1
        let width = bars.count * perBar
        guard let first = labels.first, let last = labels.last else { return }
        buffer.write(first, x: plotX, y: y, role: .chartAxis, theme: theme)
        let lastX = plotX + max(0, width - DisplayWidth.of(last))
        if lastX > plotX + DisplayWidth.of(first) + 1 { buffer.write(last, x: lastX, y: y, role: .chartAxis, theme: theme) }
        let middle = labels[labels.count / 2]
        let middleX = plotX + width / 2 - DisplayWidth.of(middle) / 2
        if middleX > plotX + DisplayWidth.of(first) + 1 && middleX + DisplayWidth.of(middle) + 1 < lastX {
            buffer.write(middle, x: middleX, y: y, role: .chartAxis, theme: theme)
        }
    }
}

extension String {
    /// Right-aligned in `width` cells (ASCII digits: a character is a cell).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
