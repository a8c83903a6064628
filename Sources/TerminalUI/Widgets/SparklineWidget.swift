/// A row of values as one line of block characters, eight steps to a cell.
public enum SparklineWidget {
    /// One block character per value, the largest a full block, blank for none (the Clicks
    /// column's 14 days).
    public static func text(_ values: [Int32]) -> String {
        let top = Int(values.max() ?? 0)
        guard top > 0 else { return String(repeating: " ", count: values.count) }
        return String(values.map { value in value == 0 ? " " : BarChartWidget.eighths[max(1, (Int(value) * 8 + top - 1) / top)] })
    }
}
