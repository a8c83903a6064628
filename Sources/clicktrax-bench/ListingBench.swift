import Foundation

/// Every listing of the catalog as a whole process writing to a file, against `sqlite3 -csv`
/// selecting the same rows (issue 15: lists stream, ≤ 50 MB, within 2× of sqlite3).
struct ListingBench {
    let binary: String
    let database: String
    let workFolder: String

    static let runs = 3

    /// What each listing reads: trackers with the names of what they point at, as listed.
    static let sqliteQueries = [
        ("line_item", "SELECT * FROM line_item ORDER BY id"),
        ("click_tracker", """
            SELECT t.*, li.advertiser_id, li.name, p.name, pl.name, pr.name FROM click_tracker t
            JOIN line_item li ON li.id = t.line_item_id JOIN publisher p ON p.id = t.publisher_id
            LEFT JOIN placement pl ON pl.id = t.placement_id LEFT JOIN payment_rule pr ON pr.id = t.payment_rule_id
            ORDER BY t.id
            """),
    ]

    func run() throws {
        print("")
        print("Listings, whole process, stdout to a file (median of \(Self.runs); peak RSS):")
        let output = workFolder + "/listing.out"
        var sqliteMedian: [String: Double] = [:]
        if let sqlite3 = ProcessComparison.which("sqlite3") {
            for (table, query) in Self.sqliteQueries {
                let stats = try median([sqlite3, "-csv", "-header", database, query], output: output)
                sqliteMedian[table] = stats
                print("  sqlite3 -csv, every \(table) row".padding(toLength: 44, withPad: " ", startingAt: 0) + Format.ms(stats))
            }
        } else {
            print("  sqlite3 not installed (apt-get install -y sqlite3): no comparison")
        }
        var worstRatio = 0.0, worstPeak = 0
        for (noun, table) in [("line-items", "line_item"), ("trackers", "click_tracker")] {
            for format in ["csv", "json", "table"] {
                let command = [binary, "--database", database, noun, "list", "--format", format]
                let ms = try median(command, output: output)
                let peak = try Spawned.peakKilobytes(command, workFolder: workFolder) ?? 0
                worstPeak = max(worstPeak, peak)
                var line = "  clicktrax \(noun) list --format \(format)".padding(toLength: 44, withPad: " ", startingAt: 0)
                line += "\(Format.ms(ms)) · peak RSS \(Format.megabytes(kilobytes: peak))"
                if let base = sqliteMedian[table] {
                    line += String(format: " · %.2f× sqlite3", ms / base)
                    if format != "table" { worstRatio = max(worstRatio, ms / base) }
                }
                print(line)
            }
        }
        print("  target ≤ 50 MB each: \(Format.verdict(worstPeak <= 50 * 1024))"
              + (sqliteMedian.isEmpty ? "" : " · csv and json within 2× of sqlite3: \(Format.verdict(worstRatio <= 2))"))
    }

    private func median(_ command: [String], output: String) throws -> Double {
        var times: [Double] = []
        for _ in 0..<Self.runs {
            let run = try Spawned.run(command, stdout: output)
            guard run.status == 0 else { throw BenchFailure("\(command.joined(separator: " ")) exited with \(run.status)") }
            times.append(run.seconds * 1000)
        }
        return times.sorted()[times.count / 2]
    }
}
