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
        let store = try SQLiteStore(path: database, context: StoreContext(actor: "bench"))
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
            let pairs: [(String, Double, Double)] = [
                ("kualifikasi", figure.mean(.kualifikasi), row.means[0]),
                ("kompetensi", figure.mean(.kompetensi), row.means[1]),
                ("kinerja", figure.mean(.kinerja), row.means[2]),
                ("disiplin", figure.mean(.disiplin), row.means[3]),
                ("total", figure.meanTotal, row.means[4]),
            ]
            for (name, a, b) in pairs {
                result.comparedValues += 1
                if NumberText.round(a) != NumberText.round(b) || abs(a - b) > 1e-9 {
                    mismatches.append(
                        "\(row.kode) \(name): ipasn \(String(format: "%.6f", a)), reference \(String(format: "%.6f", b))")
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
    }

    /// Reads the shell's CSV: kode, pegawai, five means.
    static func parse(_ csv: String) throws -> [ReferenceRow] {
        var rows: [ReferenceRow] = []
        for line in csv.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) where !line.isEmpty {
            let fields = CSVLine.split(String(line))
            guard fields.count == 7, let pegawai = Int(fields[1]) else {
                throw BenchError("unreadable line of the reference output: \(line)")
            }
            let means = fields[2...].compactMap { Double($0) }
            guard means.count == 5 else { throw BenchError("unreadable means in the reference output: \(line)") }
            rows.append(ReferenceRow(kode: fields[0], pegawai: pegawai, means: means))
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
