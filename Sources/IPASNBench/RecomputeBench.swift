import Foundation
import IPASNCore
import IPASNStore

/// 2. Recomputing every employee's score for a year and producing the unit report
/// (`recomputeAll` + `unitFigures`), against ``ReferenceQuery`` in the sqlite3 shell on the
/// same file; the two must agree to the cent for every unit.
struct RecomputeBench {
    let options: BenchOptions
    let database: String

    struct Result {
        var ours: [Double] = []
        var shell: [Double] = []
        var units = 0
        var comparedValues = 0
        var year = 0
    }

    func run(runs: Int, log: (String) -> Void) throws -> Result {
        var result = Result()
        let store = try SQLiteStore(path: database, context: StoreContext(actor: StoreContext.currentUser()))
        let year = try store.measurementYear()
        result.year = year
        let ruleset = try store.ruleset()
        guard ruleset == .bkn2019 else {
            throw BenchError(
                "the database's ruleset is \(ruleset.id), but the reference query encodes \(ReferenceQuery.rulesetID) only")
        }
        let queryPath = "\(options.workDirectory)/reference-\(year).sql"
        try ReferenceQuery.sql(year: year).write(toFile: queryPath, atomically: true, encoding: .utf8)

        var figures: [UnitFigure] = []
        var shellOutput = ""
        for run in 0..<runs {
            let start = Clock.now()
            try store.recomputeAll(year: year)
            figures = try store.unitFigures(year: year)
            let ours = Clock.seconds(since: start)

            let shell = try ChildProcess.run("sqlite3", ["-csv", database], stdinPath: queryPath)
            guard shell.status == 0 else { throw BenchError("the reference query failed: \(shell.stderr.prefix(2000))") }
            shellOutput = shell.stdout
            result.ours.append(ours)
            result.shell.append(shell.seconds)
            log("  recompute run \(run + 1)/\(runs): ipasn \(Fmt.seconds(ours)), sqlite3 shell \(Fmt.seconds(shell.seconds))")
        }
        // The checks: the same units, the same number of employees, the same five means.
        let reference = try Self.parse(shellOutput)
        let ours = Dictionary(figures.map { ($0.unit.kode, $0) }, uniquingKeysWith: { a, _ in a })
        guard reference.count == ours.count, !reference.isEmpty else {
            throw BenchError("unit report: ipasn lists \(ours.count) units, the reference query \(reference.count)")
        }
        var mismatches: [String] = []
        for row in reference {
            guard let figure = ours[row.kode] else {
                mismatches.append("\(row.kode): missing from ipasn's unit report")
                continue
            }
            if figure.totals.pegawai != row.pegawai {
                mismatches.append("\(row.kode): \(figure.totals.pegawai) pegawai in ipasn, \(row.pegawai) in the reference")
            }
            let t = figure.totals
            let n = Double(max(row.pegawai, 1))
            // The reference's exact means (from its exact sums), then its printed ones.
            let exact = row.sumsX2.map { Double($0) / 2 / n } + [Double(row.sumsX2.reduce(0, +)) / 2 / n]
            let ourSums = [t.kualifikasi, t.kompetensi, t.kinerja, t.disiplin]
            let pairs: [(String, Double, Double, Double)] = [
                ("kualifikasi", figure.mean(.kualifikasi), exact[0], row.means[0]),
                ("kompetensi", figure.mean(.kompetensi), exact[1], row.means[1]),
                ("kinerja", figure.mean(.kinerja), exact[2], row.means[2]),
                ("disiplin", figure.mean(.disiplin), exact[3], row.means[3]),
                ("total", figure.meanTotal, exact[4], row.means[4]),
            ]
            for (index, (name, ours, exactMean, printed)) in pairs.enumerated() {
                result.comparedValues += 1
                let sumDiffers = index < 4 && (ourSums[index] * 2).rounded() != Double(row.sumsX2[index])
                if row.pegawai == 0 {
                    if ours != 0 || printed != 0 { mismatches.append("\(row.kode) \(name): no pegawai but a mean") }
                } else if sumDiffers || NumberText.round(ours) != NumberText.round(exactMean) || abs(ours - printed) > 1e-9 {
                    mismatches.append(
                        "\(row.kode) \(name): ipasn \(String(format: "%.6f", ours)), reference \(String(format: "%.6f", printed))"
                            + (index < 4 ? " (sums \(ourSums[index]) vs \(Double(row.sumsX2[index]) / 2))" : ""))
                }
            }
        }
        guard mismatches.isEmpty else {
            throw BenchError(
                "the unit report DISAGREES with the reference SQL (\(mismatches.count) differences):\n  "
                    + mismatches.prefix(20).joined(separator: "\n  "))
        }
        result.units = reference.count
        return result
    }

    struct ReferenceRow {
        var kode: String
        var pegawai: Int
        var means: [Double]
        var sumsX2: [Int]
    }

    /// Reads the shell's CSV: kode, pegawai, five means, four doubled sums.
    static func parse(_ csv: String) throws -> [ReferenceRow] {
        var rows: [ReferenceRow] = []
        for line in csv.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) where !line.isEmpty {
            let fields = CSVLine.split(String(line))
            guard fields.count == 11, let pegawai = Int(fields[1]) else {
                throw BenchError("unreadable line of the reference output: \(line)")
            }
            let means = fields[2..<7].compactMap { Double($0) }
            let sums = fields[7..<11].compactMap { Int($0) }
            guard means.count == 5, sums.count == 4 else {
                throw BenchError("unreadable means in the reference output: \(line)")
            }
            rows.append(ReferenceRow(kode: fields[0], pegawai: pegawai, means: means, sumsX2: sums))
        }
        return rows
    }
}

/// A minimal CSV line splitter for the shell's output (quotes, doubled quotes).
enum CSVLine {
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        fields.append(field)
        chars.removeAll()
        return fields
    }
}
