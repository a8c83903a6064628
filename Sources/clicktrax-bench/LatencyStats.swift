/// Milliseconds, summarised the way the targets are stated: median, 99th percentile, worst.
struct LatencyStats {
    let sorted: [Double]

    init(_ samples: [Double]) { sorted = samples.sorted() }

    var count: Int { sorted.count }
    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var max: Double { sorted.last ?? 0 }

    /// Nearest rank: the smallest sample with at least p% of the samples at or below it.
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }

    var summary: String {
        "median \(Format.ms(median)) · p99 \(Format.ms(p99)) · max \(Format.ms(max)) (n = \(count))"
    }
}
