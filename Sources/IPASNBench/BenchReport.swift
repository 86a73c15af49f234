import Foundation

/// One line of the results table.
public struct Figure: Sendable {
    public var id: String
    public var measurement: String
    public var ours: String
    public var reference: String
    public var ratio: String
    public var target: String
    /// nil: informative only (no target).
    public var met: Bool?

    public var status: String {
        switch met {
        case .some(true): return "met"
        case .some(false): return "MISSED"
        case .none: return "-"
        }
    }
}

/// The results of a run, as text for the terminal and markdown for docs/performance.md.
public struct BenchReport: Sendable {
    public var machine: MachineInfo
    public var config: BenchConfig
    public var dataset: [String] = []
    public var figures: [Figure] = []
    public var notes: [String] = []
    public var checks: [String] = []
    public var totalSeconds: Double = 0

    public var missed: [Figure] { figures.filter { $0.met == false } }

    mutating func add(
        _ id: String, _ measurement: String, ours: String, reference: String = "", ratio: String = "",
        target: String = "", met: Bool? = nil
    ) {
        figures.append(
            Figure(id: id, measurement: measurement, ours: ours, reference: reference, ratio: ratio, target: target, met: met))
    }

    /// The table as markdown.
    var table: String {
        var lines = [
            "| # | measurement | ipasn | sqlite3 shell / reference | ratio | target | status |",
            "|---|---|---|---|---|---|---|",
        ]
        for f in figures {
            let cells = [f.id, f.measurement, f.ours, f.reference, f.ratio, f.target, f.status].map {
                $0.replacingOccurrences(of: "|", with: "\\|")
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// The whole report section (without the document title).
    var markdownBody: String {
        var out: [String] = []
        out.append("Measured by `\(config.commandLine)` on \(machine.dateText)")
        out.append("at commit \(machine.commit ?? "unknown"), on \(machine.summary);")
        out.append("reference: the `sqlite3` shell \(machine.sqliteShellVersion ?? "(version unknown)") on the same files, in the same run.")
        out.append("Each figure is the median of several runs (the number is given); ratios compare medians of the same run.")
        out.append("The whole benchmark took \(Fmt.seconds(totalSeconds)).")
        out.append("")
        out += Self.bulletSection("Data (made by the deterministic demo generator; every count checked by the benchmark):", dataset)
        out.append(table)
        out.append("")
        out += Self.bulletSection("Self-checks (a failure stops the benchmark with a non-zero exit):", checks)
        out += Self.bulletSection("Notes:", notes)
        return out.joined(separator: "\n")
    }

    /// A heading, a blank line, `lines` as a bullet list and a blank line; nothing when `lines` is empty.
    static func bulletSection(_ heading: String, _ lines: [String]) -> [String] {
        guard !lines.isEmpty else { return [] }
        return [heading, ""] + lines.map { "- " + $0 } + [""]
    }

    /// docs/performance.md: the existing file's `## ` sections with this size's benchmark
    /// section rewritten in its place (or put first when the file had none): the other size's
    /// benchmark section (`make bench` and `make bench-large` write into the same file) and
    /// hand-written sections such as "Storage (first measurement)" are kept.
    func markdownDocument(existing: String?) -> String {
        var doc = "# Performance at province scale\n\n"
        doc += "Written by `make bench` and `make bench-large` (`ipasn bench [--size large] --out docs/performance.md`, "
        doc += "release build). "
        doc += "Do not edit the benchmark sections by hand; the other sections are kept when the file is rewritten.\n\n"
        let heading = "## Benchmark (\(config.name))"
        let section = heading + "\n\n" + markdownBody.trimmingCharacters(in: .whitespacesAndNewlines)
        var sections = Self.sections(existing)
        if let index = sections.firstIndex(where: { $0.hasPrefix(heading + "\n") || $0 == heading }) {
            sections[index] = section
        } else {
            sections.insert(section, at: 0)
        }
        return doc + sections.joined(separator: "\n\n") + "\n"
    }

    /// The `## ...` sections of an existing report, each trimmed, in order (the title and the
    /// text before the first section are left out: they are written anew).
    static func sections(_ existing: String?) -> [String] {
        guard let existing else { return [] }
        var sections: [[String]] = []
        for line in existing.components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                sections.append([line])
            } else if !sections.isEmpty {
                sections[sections.count - 1].append(line)
            }
        }
        return sections.map { $0.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// The plain-text summary for the terminal.
    var terminalText: String {
        var widths = [1, 11, 5, 9, 5, 6, 6]
        let rows = figures.map { [$0.id, $0.measurement, $0.ours, $0.reference, $0.ratio, $0.target, $0.status] }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        var out = [line(["#", "measurement", "ipasn", "reference", "ratio", "target", "status"])]
        out.append(String(repeating: "-", count: widths.reduce(0, +) + 12))
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}
