/// The file lines of the rows one import wrote, by their offset from the import's first id
/// (its ids grow by one per written row), kept as runs of consecutive lines.
///
/// Memory that does not grow with the file (issue 14): a plain array costs 4 bytes a row
/// (40 MB for a 10-million-row file); a file's written rows mostly have consecutive line
/// numbers, so this holds one 16-byte run per gap (a refused row, a skipped row, a field
/// spanning lines): a few entries for a clean file, and never more than the refused rows the
/// import lists anyway. A lookup is a binary search over the runs.
struct ImportedLines {
    /// Runs in offset order: rows `offset ..< next run's offset` are on lines `line, line + 1, ...`.
    private var runs: [(offset: Int, line: Int)] = []
    /// How many rows were written.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Records that the next row written (offset ``count``) came from `line`.
    mutating func append(_ line: Int) {
        if let last = runs.last, last.line + (count - last.offset) == line {
            count += 1
            return
        }
        runs.append((count, line))
        count += 1
    }

    /// The line of the row written at `offset` (nil outside `0 ..< count`).
    func line(at offset: Int) -> Int? {
        guard offset >= 0, offset < count else { return nil }
        // The last run starting at or before `offset`.
        var low = 0, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        return runs[low].line + (offset - runs[low].offset)
    }

    /// How many runs are held (tests pin that a clean file needs one).
    var runCount: Int { runs.count }
}
