import Foundation

/// The linear-growth rows of `ipasn bench --size large` (issue 14, "Linear growth"; issue 12,
/// "500,000 employees and 10 million records measured"): each large figure against the same
/// figure at the full size (50,000 employees), measured in the same run where that is cheap
/// (the import of the file a tenth the size is the full size's import; its database then
/// gets the recompute, the saves and the dashboard), else read from the full size's section
/// of the existing report (the PostgreSQL rows, whose full-size run takes minutes).
struct LargeGrowth {
    /// The figures of one size: what the growth rows compare.
    struct Figures {
        var employees = 0
        var records = 0
        var importSeconds = 0.0
        var importPeak = 0
        var recompute = 0.0
        var reference = 0.0
        var saveP50 = 0.0
        var saveP99 = 0.0
        var dashboard = 0.0
    }

    /// Measures the recompute (against the reference query), the saves and the dashboard on
    /// `database` (the full-size province of this run), one run each.
    static func measureSmall(
        options: BenchOptions, database: String, saves: Int, dashboardOpens: Int, log: (String) -> Void
    ) throws -> (recompute: Double, reference: Double, saveP50: Double, saveP99: Double, dashboard: Double) {
        let recompute = try RecomputeBench(options: options, database: database).run(runs: 1, log: log)
        let employee = try InteractiveBench.pickEmployee(database)
        let interactive = try InteractiveBench(database: database, nip: employee.nip)
            .run(keystrokes: 0, minimumSaves: saves, dashboardOpens: dashboardOpens, tag: "L")
        return (
            Stats.median(recompute.ours), Stats.median(recompute.shell), Stats.percentile(interactive.saves, 50),
            Stats.percentile(interactive.saves, 99), Stats.median(interactive.dashboard)
        )
    }

    /// The growth rows, large against small; `scale` is the data's growth (10 for 500,000 / 50,000).
    static func add(large: Figures, small: Figures, into report: inout BenchReport) {
        let scale = Double(large.records) / Double(max(small.records, 1))
        let sizes = "\(Fmt.count(small.employees)) → \(Fmt.count(large.employees)) pegawai"
        let importGrowth = large.importSeconds / max(small.importSeconds, 1e-9)
        report.add(
            "L1", "growth \(sizes): import time (records \(Fmt.ratio(scale)))", ours: Fmt.seconds(large.importSeconds),
            reference: Fmt.seconds(small.importSeconds) + " at \(Fmt.count(small.employees))",
            ratio: Fmt.ratio(importGrowth), target: "≤ 10.5x", met: importGrowth <= 10.5)
        let peakGrowth = Double(large.importPeak) / Double(max(small.importPeak, 1))
        report.add(
            "L2", "growth \(sizes): import peak RSS", ours: Fmt.mb(large.importPeak),
            reference: Fmt.mb(small.importPeak) + " at \(Fmt.count(small.employees))", ratio: Fmt.ratio(peakGrowth),
            target: "≤ 1.25x", met: peakGrowth <= 1.25)
        report.add(
            "L3", "recompute + unit report at \(Fmt.count(small.employees)) pegawai (the same run)",
            ours: Fmt.seconds(small.recompute), reference: Fmt.seconds(small.reference) + " (one SQL query)",
            ratio: Fmt.ratio(small.recompute / max(small.reference, 1e-9)), target: "≤ the shell",
            met: small.recompute <= small.reference)
        report.add(
            "L4", "growth \(sizes): recompute + unit report (row 2)", ours: Fmt.seconds(large.recompute),
            reference: Fmt.seconds(small.recompute) + " at \(Fmt.count(small.employees))",
            ratio: Fmt.ratio(large.recompute / max(small.recompute, 1e-9)), target: "linear: ≤ \(Fmt.ratio(scale * 1.05))",
            met: large.recompute <= small.recompute * scale * 1.05)
        report.add(
            "L5", "growth \(sizes): save p50 / p99 (row 3b)",
            ours: "p50 \(Fmt.ms(large.saveP50)), p99 \(Fmt.ms(large.saveP99))",
            reference: "p50 \(Fmt.ms(small.saveP50)), p99 \(Fmt.ms(small.saveP99)) at \(Fmt.count(small.employees))",
            ratio: "p50 " + Fmt.ratio(large.saveP50 / max(small.saveP50, 1e-9)) + ", p99 "
                + Fmt.ratio(large.saveP99 / max(small.saveP99, 1e-9)),
            target: "p99 < 5 ms", met: large.saveP99 < 0.005)
        report.add(
            "L6", "growth \(sizes): dashboard open, median (row 3c)", ours: Fmt.ms(large.dashboard),
            reference: Fmt.ms(small.dashboard) + " at \(Fmt.count(small.employees))",
            ratio: Fmt.ratio(large.dashboard / max(small.dashboard, 1e-9)), target: "< 20 ms",
            met: large.dashboard < 0.02)
    }

    /// The PostgreSQL growth rows: this run's PG1-PG3 against the same rows of the full
    /// size's section of `existing` (the report file before this run), when it has them.
    static func addPostgres(existing: String?, into report: inout BenchReport) {
        guard let full = fullFigures(existing) else {
            report.notes.append("LPG: no full-size section in the report file; the PostgreSQL rows have no growth factor.")
            return
        }
        for (id, what) in [("PG1", "import"), ("PG2", "recompute + unit report"), ("PG3", "save p99")] {
            guard let large = report.figures.first(where: { $0.id == id }), let small = full.rows[id],
                let l = seconds(in: large.ours, p99: id == "PG3"), let s = seconds(in: small, p99: id == "PG3")
            else { continue }
            report.add(
                "L\(id)", "growth 50,000 → 500,000 pegawai: PostgreSQL \(what) (row \(id))", ours: Fmt.seconds(l),
                reference: Fmt.seconds(s) + " in `make bench` at \(full.commit)", ratio: Fmt.ratio(l / max(s, 1e-9)),
                target: id == "PG3" ? "p99 < 5 ms" : "", met: id == "PG3" ? l < 0.005 : nil)
        }
    }

    /// The `ours` cells of the full-size benchmark section, by row id, and its commit.
    static func fullFigures(_ existing: String?) -> (rows: [String: String], commit: String)? {
        guard let section = BenchReport.sections(existing).first(where: { $0.hasPrefix("## Benchmark (full)") }) else {
            return nil
        }
        var rows: [String: String] = [:]
        var commit = "?"
        for line in section.components(separatedBy: "\n") {
            if line.hasPrefix("at commit "), let word = line.dropFirst("at commit ".count).split(separator: ",").first {
                commit = String(word)
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if cells.count > 3, line.hasPrefix("| ") { rows[cells[1]] = cells[3] }
        }
        return (rows, commit)
    }

    /// The seconds a cell such as `34.6 s`, `952 ms` or `p50 15.8 ms, p99 21.4 ms` states (its
    /// p99 when `p99`, else its first figure).
    static func seconds(in cell: String, p99: Bool) -> Double? {
        var text = Substring(cell)
        if p99 {
            guard let range = cell.range(of: "p99 ") else { return nil }
            text = cell[range.upperBound...]
        }
        let words = text.split(separator: " ")
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let number = word.replacingOccurrences(of: ",", with: "")
            guard let value = Double(number) else { continue }
            let unit = words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
            if unit == "s" { return value }
            if unit == "ms" { return value / 1000 }
        }
        return nil
    }
}

extension LargeGrowth {
    /// The bytes of a SQLite database on disk after a checkpoint (the file; the WAL truncated).
    static func databaseBytes(_ path: String) throws -> Int {
        _ = try ChildProcess.check("sqlite3", [path, "PRAGMA wal_checkpoint(TRUNCATE)"])
        var total = 0
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            total += try FileSystem.size(path + suffix)
        }
        return total
    }
}

extension BenchConfig {
    /// The dashboard's target (issue 14): under 10 ms at 50,000 employees, 20 ms at 500,000.
    var dashboardTarget: Double { name == "large" ? 0.02 : 0.01 }
}
