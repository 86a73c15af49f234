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

    /// The fingerprint of an employee's NIP, taken once per run of the employee's rows and
    /// passed to ``note(_:key:employee:)``.
    static func employee(_ nip: String) -> Int {
        var hasher = Hasher()
        hasher.combine(nip)
        return hasher.finalize()
    }

    /// Notes the next staged row (in staging order); `employee` is ``employee(_:)`` of its NIP.
    /// The row's fingerprints are integer mixes of the employee's and the row's numbers (the
    /// dedup key, the jenis and the dates' ordinals): no String and no hasher per row.
    mutating func note(_ record: Record, key: Int64, employee: Int) {
        let pair = Self.mix(employee, Int(key))
        pairs.append(pair)
        guard checkSimilar else { return }
        // Only a course has one (another kind repeats by its pair alone).
        guard case .diklat(let diklat) = record else { return courses.append(pair) }
        let dates = diklat.tanggalMulai.ordinal << 32 | diklat.tanggalSelesai.ordinal
        courses.append(Self.mix(Self.mix(employee, diklat.jenis.id), dates))
    }

    /// ``note(_:key:employee:)`` with the employee's fingerprint taken here.
    mutating func note(_ record: Record, key: Int64) {
        note(record, key: key, employee: Self.employee(record.nip))
    }

    /// A 64-bit mix of two values (splitmix64's finaliser over `a * golden ^ b`): equal inputs
    /// give equal outputs, and different ones collide about as rarely as random 64-bit values.
    static func mix(_ a: Int, _ b: Int) -> Int {
        var x = UInt64(bitPattern: Int64(a)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(b))
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(Int64(bitPattern: x ^ (x >> 31)))
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
