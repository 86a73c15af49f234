import Foundation
import IPASNCore

/// The staged rows of a bulk record import (``PostgresStore``'s bulk path) that repeat
/// another staged row of the same file, found by the client while it streams the rows into
/// the staging table: a row is named when its `(nip, dedup_key)` occurs on another staged
/// row, or (diklat checked for similar courses) when its employee, jenis and dates do. Every
/// row of such a group is named, the first one too. Rows are named by their staged position
/// (0, 1, ...: the staging table's `ord`).
///
/// Together with the staged rows that share a key with a stored row (which only the server
/// can find), these are the rows ``ImportConflicts`` must decide; every other row is written
/// whatever the rest are. The keys are kept as 64-bit fingerprints in flat arrays (8 bytes a
/// row and key, sorted once at the end: a million-row file costs 8-16 MB, not a dictionary
/// of a million strings): two different keys with the same fingerprint only name a few
/// more rows, which ``ImportConflicts`` then decides exactly and writes, so a collision can
/// never refuse or let through a row wrongly.
struct ImportRepeats {
    let checkSimilar: Bool
    /// The fingerprints by staged position: `(nip, dedup_key)`, and (similar check) the course.
    private var pairs: [Int] = []
    private var courses: [Int] = []

    init(checkSimilar: Bool) {
        self.checkSimilar = checkSimilar
    }

    /// Notes the next staged row (in staging order).
    mutating func note(_ record: Record, key: Int64) {
        var pair = Hasher()
        pair.combine(record.nip)
        pair.combine(key)
        pairs.append(pair.finalize())
        guard checkSimilar else { return }
        // Only a course has one (another kind repeats by its pair alone).
        guard case .diklat(let diklat) = record else { return courses.append(pairs[pairs.count - 1]) }
        var course = Hasher()
        course.combine(diklat.nip)
        course.combine(diklat.jenis.id)
        course.combine(diklat.tanggalMulai.iso)
        course.combine(diklat.tanggalSelesai.iso)
        courses.append(course.finalize())
    }

    /// The staged positions of the rows that repeat another, ascending.
    func positions() -> [Int] {
        var named = Set(Self.repeated(pairs))
        if checkSimilar { named.formUnion(Self.repeated(courses)) }
        return named.sorted()
    }

    /// The positions whose fingerprint occurs more than once.
    private static func repeated(_ fingerprints: [Int]) -> [Int] {
        let sorted = fingerprints.sorted()
        var twice: Set<Int> = []
        for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] { twice.insert(sorted[index]) }
        guard !twice.isEmpty else { return [] }
        return fingerprints.indices.filter { twice.contains(fingerprints[$0]) }
    }
}
