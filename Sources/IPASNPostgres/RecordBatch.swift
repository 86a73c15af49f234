import Foundation
import IPASNCore
import IPASNStore

/// The rows of a record import waiting to be written, and what the import wrote so far.
///
/// Each batch is checked for duplicates in one query (the stored rows with the batch's
/// `(nip, dedup_key)` pairs: stored before the import, or written by an earlier batch of
/// it, which the id tells) and within itself, then written with one multi-row INSERT under
/// consecutive ids. Writes are serialised by the write lock, so nothing can slip in between.
struct RecordBatch {
    let kind: RecordKind
    /// `--allow-similar`: diklat resembling a course of the employee are written anyway.
    let allowsSimilar: Bool
    /// Waiting rows: file line, record, the employee's unit.
    var rows: [(line: Int, record: Record, unit: String)] = []
    /// The next id to give (nil until the first batch asks the sequence).
    var nextID: Int64?
    /// The first id this import wrote.
    var firstID: Int64?
    /// File lines of the written rows, by id - firstID.
    var lines: [Int32] = []
    var byUnit: [String: Int] = [:]
    var touched: Set<String> = []
    var written = 0

    init(kind: RecordKind, allowsSimilar: Bool) {
        self.kind = kind
        self.allowsSimilar = allowsSimilar
    }

    /// At most this many of an employee's courses of one jenis and dates are compared (as the
    /// SQLite store's `SimilarCourseCheck.compared`): real data has one or two.
    static let similarCompared = 64

    /// Writes the waiting rows; returns the issues of the duplicates (by file line).
    mutating func write(_ db: PGConnection) throws -> [(Int, ValidationIssue)] {
        defer { rows.removeAll(keepingCapacity: true) }
        let table = PGRecordRows.table(kind)
        let keys = rows.map { DuplicateKey.hash($0.record) }
        var stored: [Pair: Int64] = [:]
        for row in try PGRow.fetchAll(
            db,
            sql: """
                SELECT t.nip, t.dedup_key, t.id FROM \(table) t
                JOIN unnest(?::text[], ?::bigint[]) AS k(nip, dedup_key) ON t.nip = k.nip AND t.dedup_key = k.dedup_key
                """,
            arguments: [PGArrayText.strings(rows.map(\.record.nip)), PGArrayText.integers(keys)])
        {
            stored[Pair(nip: row[0], key: row[1])] = row[2]
        }
        let field = StoreCodec.duplicateField(kind)
        var issues: [(Int, ValidationIssue)] = []
        var inBatch: [Pair: Int] = [:]
        var courses = try similarCandidates(db)
        let checkSimilar = kind == .diklat && !allowsSimilar
        var values: [String?] = []
        var count = 0
        for (index, row) in rows.enumerated() {
            let pair = Pair(nip: row.record.nip, key: keys[index])
            if checkSimilar, case .diklat(let course) = row.record {
                // A course much like one the employee has (stored, or on an earlier line), under
                // another name: an issue of its line unless --allow-similar (``NearDuplicate``).
                // Prepared once per row, and only for a row that meets candidates.
                let key = CourseKey(course)
                let candidates = (courses[key] ?? []).prefix(Self.similarCompared)
                let incoming = candidates.isEmpty ? nil : NearDuplicate.Name(course.nama)
                let similar = candidates.first { NearDuplicate.nearDuplicate($0.nama, of: incoming!) }
                if let similar {
                    var line = similar.line
                    if line == nil, let id = similar.id, let first = firstID, id >= first, id - first < Int64(lines.count) {
                        line = Int(lines[Int(id - first)])
                    }
                    issues.append((row.line, ValidationIssue(field: "nama", code: .similarCourse(nama: similar.nama, line: line))))
                    continue
                }
            }
            if let id = stored[pair] {
                if let first = firstID, id >= first, id - first < Int64(lines.count) {
                    issues.append((row.line, ValidationIssue(field: field, code: .duplicateInFile(line: Int(lines[Int(id - first)])))))
                } else {
                    issues.append((row.line, ValidationIssue(field: field, code: .duplicate(kind))))
                }
                continue
            }
            if let earlier = inBatch[pair] {
                issues.append((row.line, ValidationIssue(field: field, code: .duplicateInFile(line: earlier))))
                continue
            }
            inBatch[pair] = row.line
            if checkSimilar, case .diklat(let course) = row.record {
                courses[CourseKey(course), default: []].append((nil, course.nama, row.line))
            }
            let id = nextID!
            nextID = id + 1
            if firstID == nil { firstID = id }
            lines.append(Int32(clamping: row.line))
            values.append(String(id))
            values += PGRecordRows.arguments(row.record).values
            byUnit[row.unit, default: 0] += 1
            touched.insert(row.record.nip)
            count += 1
        }
        guard count > 0 else { return issues }
        let columns = ["id"] + PGRecordRows.columns(kind)
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        try db.execute(
            sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: count).joined(separator: ", "),
            arguments: PGArguments(texts: values))
        written += count
        return issues
    }

    /// The stored diklat with the jenis and dates of the batch's rows, by employee, jenis and
    /// dates, in id order: one query per batch (empty unless the similar check runs).
    private func similarCandidates(_ db: PGConnection) throws -> [CourseKey: [(id: Int64?, nama: String, line: Int?)]] {
        guard kind == .diklat, !allowsSimilar else { return [:] }
        let courses = rows.compactMap { row -> Diklat? in
            if case .diklat(let course) = row.record { return course }
            return nil
        }
        var result: [CourseKey: [(id: Int64?, nama: String, line: Int?)]] = [:]
        for row in try PGRow.fetchAll(
            db,
            sql: """
                SELECT DISTINCT t.id, t.nip, t.jenis, t.tanggal_mulai::text, t.tanggal_selesai::text, t.nama FROM diklat t
                JOIN unnest(?::text[], ?::int[], ?::date[], ?::date[]) AS k(nip, jenis, mulai, selesai)
                  ON t.nip = k.nip AND t.jenis = k.jenis AND t.tanggal_mulai = k.mulai AND t.tanggal_selesai = k.selesai
                ORDER BY t.id
                """,
            arguments: [
                PGArrayText.strings(courses.map(\.nip)), PGArrayText.integers(courses.map { Int64($0.jenis.id) }),
                PGArrayText.strings(courses.map(\.tanggalMulai.iso)), PGArrayText.strings(courses.map(\.tanggalSelesai.iso)),
            ])
        {
            let key = CourseKey(nip: row[1], jenis: row[2], mulai: row[3], selesai: row[4])
            result[key, default: []].append((row[0], row[5], nil))
        }
        return result
    }

    /// An employee's course identity for the similar check: jenis and dates.
    private struct CourseKey: Hashable {
        var nip: String
        var jenis: Int
        var mulai: String
        var selesai: String

        init(nip: String, jenis: Int, mulai: String, selesai: String) {
            self.nip = nip
            self.jenis = jenis
            self.mulai = mulai
            self.selesai = selesai
        }

        init(_ course: Diklat) {
            self.init(nip: course.nip, jenis: course.jenis.id, mulai: course.tanggalMulai.iso, selesai: course.tanggalSelesai.iso)
        }
    }

    private struct Pair: Hashable {
        var nip: String
        var key: Int64
    }
}

/// PostgreSQL array literals (text input form) for `unnest` parameters.
enum PGArrayText {
    /// Every value double-quoted, its `\\` and `"` escaped with a backslash. Byte by byte: a
    /// first load's score refresh sends 50,000 NIPs this way (Foundation's
    /// `replacingOccurrences` took most of that step's client CPU).
    static func strings(_ values: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(values.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func integers(_ values: [Int64]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }
}
