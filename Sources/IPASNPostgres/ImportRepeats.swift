import Foundation
import IPASNCore

/// The lines of a bulk record import (``PostgresStore``'s bulk path) that repeat another line
/// of the same file, found by the client while it streams the rows into the staging table:
/// a line is named when its `(nip, dedup_key)` occurs on another staged line, or (diklat
/// checked for similar courses) when its employee, jenis and dates do. Every line of such a
/// group is named, the first one too.
///
/// Together with the staged rows that share a key with a stored row (which only the server
/// can find), these are the rows ``ImportConflicts`` must decide; every other row is written
/// whatever the rest are. The keys are kept as 64-bit fingerprints (a million-row file costs
/// two dictionaries of a million integers, not a million strings): two different keys with
/// the same fingerprint only name a few more lines, which ``ImportConflicts`` then decides
/// exactly and writes, so a collision can never refuse or let through a row wrongly.
struct ImportRepeats {
    let checkSimilar: Bool
    /// The first line of each fingerprint seen.
    private var firstPair: [Int: Int] = [:]
    private var firstCourse: [Int: Int] = [:]
    /// The lines that repeat another (with the lines they repeat).
    private(set) var lines: Set<Int> = []

    init(checkSimilar: Bool) {
        self.checkSimilar = checkSimilar
    }

    /// Notes a staged line (lines in file order).
    mutating func note(line: Int, record: Record, key: Int64) {
        var pair = Hasher()
        pair.combine(record.nip)
        pair.combine(key)
        Self.note(line, pair.finalize(), &firstPair, &lines)
        guard checkSimilar, case .diklat(let diklat) = record else { return }
        var course = Hasher()
        course.combine(diklat.nip)
        course.combine(diklat.jenis.id)
        course.combine(diklat.tanggalMulai.iso)
        course.combine(diklat.tanggalSelesai.iso)
        Self.note(line, course.finalize(), &firstCourse, &lines)
    }

    private static func note(_ line: Int, _ fingerprint: Int, _ first: inout [Int: Int], _ lines: inout Set<Int>) {
        if let earlier = first[fingerprint] {
            lines.insert(earlier)
            lines.insert(line)
        } else {
            first[fingerprint] = line
        }
    }
}
