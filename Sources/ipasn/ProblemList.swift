import Foundation

/// A list of problems on stderr that stays readable however bad the file: the first
/// ``shownLimit`` lines, then how many more, with the whole list written to a file it names
/// (one bad file once printed 16.9 MB to stderr).
struct ProblemList {
    static let shownLimit = 100

    /// Prints the first problems; when there are more, writes all of them to `listPath` (or,
    /// if that cannot be written, to the temporary folder) and says where.
    /// - Returns: the file the whole list was written to, or nil when all of it was printed.
    @discardableResult
    static func report(_ lines: [String], listPath: String, limit: Int = shownLimit) -> String? {
        for line in lines.prefix(limit) { Output.stderrLine(line) }
        guard lines.count > limit else { return nil }
        let rest = lines.count - limit
        let text = Data((lines.joined(separator: "\n") + "\n").utf8)
        var written: String?
        let fallback = FileManager.default.temporaryDirectory.appendingPathComponent(
            URL(fileURLWithPath: listPath).lastPathComponent
        ).path
        for candidate in [listPath, fallback] {
            if (try? text.write(to: URL(fileURLWithPath: candidate))) != nil {
                written = candidate
                break
            }
        }
        if let written {
            Output.stderrLine(
                Output.text(
                    id: "... dan \(rest) masalah lagi; daftar lengkap (\(lines.count)) ditulis ke \(written)",
                    en: "... and \(rest) more problem\(rest == 1 ? "" : "s"); the whole list (\(lines.count)) is in \(written)"))
        } else {
            Output.stderrLine(
                Output.text(
                    id: "... dan \(rest) masalah lagi (daftar lengkap tidak bisa ditulis ke \(listPath))",
                    en: "... and \(rest) more problem\(rest == 1 ? "" : "s") (the whole list could not be written to \(listPath))"))
        }
        return written
    }

    /// `dir/diklat.csv` → `dir/diklat.masalah.txt`; with a `part`, `dir/diklat.PART.masalah.txt`.
    static func listPath(for input: String, part: String? = nil) -> String {
        let url = URL(fileURLWithPath: input)
        let base = url.deletingPathExtension().lastPathComponent + (part.map { ".\($0)" } ?? "")
        return url.deletingLastPathComponent().appendingPathComponent("\(base).masalah.txt").path
    }
}
