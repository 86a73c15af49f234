import Foundation
import IPASNCore
import IPASNStore

/// The duplicate and similar-course decisions of a bulk record import
/// (``PostgresStore``'s bulk path), for the few rows that can conflict at all.
///
/// A staged row whose `(nip, dedup_key)` occurs once in the file and not in the table, and
/// (for diklat checked for similar courses) whose employee, jenis and dates occur once in the
/// file and not in the table, is written whatever the other rows are, and changes no other
/// row's fate: such rows never come here. The others (the "conflict rows", found by the
/// server in one query) are decided here in file order, exactly as ``RecordBatch/write(_:)``
/// decides them row by row on the plain path, in the same order of checks:
///
/// 1. a course much like one the employee has (stored, or on an earlier written line) under
///    another name: ``IssueCode/similarCourse(nama:line:)`` unless `--allow-similar`;
/// 2. a record already stored: ``IssueCode/duplicate(_:)``;
/// 3. a record on an earlier written line: ``IssueCode/duplicateInFile(line:)``.
///
/// A row refused for any reason is not written, so it neither blocks a later repeat of it nor
/// counts as an earlier course.
struct ImportConflicts {
    /// A conflict row of the file.
    struct Row {
        var line: Int
        var nip: String
        var key: Int64
        /// Diklat only (similar check): jenis id, dates (ISO), name.
        var jenis = 0
        var mulai = ""
        var selesai = ""
        var nama = ""
    }

    /// A stored row sharing a key with a conflict row (in id order).
    struct Stored {
        var nip: String
        var key: Int64
        var jenis = 0
        var mulai = ""
        var selesai = ""
        var nama = ""
    }

    let kind: RecordKind
    let checkSimilar: Bool

    init(kind: RecordKind, allowsSimilar: Bool) {
        self.kind = kind
        self.checkSimilar = kind == .diklat && !allowsSimilar
    }

    /// The issues of the refused rows, by file line (the rows not named are written).
    func decide(_ rows: [Row], stored: [Stored]) -> [(line: Int, issue: ValidationIssue)] {
        var storedPairs: Set<Pair> = []
        var courses: [CourseKey: [(nama: String, line: Int?)]] = [:]
        for row in stored {
            storedPairs.insert(Pair(nip: row.nip, key: row.key))
            if checkSimilar {
                courses[CourseKey(nip: row.nip, jenis: row.jenis, mulai: row.mulai, selesai: row.selesai), default: []]
                    .append((row.nama, nil))
            }
        }
        let field = StoreCodec.duplicateField(kind)
        var written: [Pair: Int] = [:]
        var issues: [(line: Int, issue: ValidationIssue)] = []
        for row in rows.sorted(by: { $0.line < $1.line }) {
            let pair = Pair(nip: row.nip, key: row.key)
            let course = CourseKey(nip: row.nip, jenis: row.jenis, mulai: row.mulai, selesai: row.selesai)
            if checkSimilar {
                // Prepared once per row, and only for a row that meets candidates.
                let candidates = (courses[course] ?? []).prefix(RecordBatch.similarCompared)
                let incoming = candidates.isEmpty ? nil : NearDuplicate.Name(row.nama)
                let similar = candidates.first { NearDuplicate.nearDuplicate($0.nama, of: incoming!) }
                if let similar {
                    issues.append((row.line, ValidationIssue(field: "nama", code: .similarCourse(nama: similar.nama, line: similar.line))))
                    continue
                }
            }
            if storedPairs.contains(pair) {
                issues.append((row.line, ValidationIssue(field: field, code: .duplicate(kind))))
                continue
            }
            if let earlier = written[pair] {
                issues.append((row.line, ValidationIssue(field: field, code: .duplicateInFile(line: earlier))))
                continue
            }
            written[pair] = row.line
            if checkSimilar { courses[course, default: []].append((row.nama, row.line)) }
        }
        return issues
    }

    private struct Pair: Hashable {
        var nip: String
        var key: Int64
    }

    private struct CourseKey: Hashable {
        var nip: String
        var jenis: Int
        var mulai: String
        var selesai: String
    }
}
