import ArgumentParser

/// How a command prints objects: aligned columns for people, the Invest JSON envelope or CSV
/// for programs and spreadsheets.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
