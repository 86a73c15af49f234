import Foundation
import IPASNCore
import IPASNStore

/// SIASN's answer to an upload, as a BKPSDM team has it: the file it uploaded (what
/// `ipasn export siasn-KIND` wrote, CSV or `csv-id`, opened and saved again in Excel) with a
/// column `status` (`berhasil`/`ditolak`) and a column `alasan` (SIASN's message) typed in per
/// row. `ipasn import siasn-hasil FILE --batch N` reads it against export batch N: every row
/// must be of the batch; each refused row is matched to the batch's record (by NIP, and when an
/// employee has several records in the batch, by the row's other columns) and becomes a
/// ``NewSIASNRefusal``. Any bad line refuses the whole file, every one named with its line.
public struct SIASNAnswerFile {
    /// The status column's accepted names (lowercase).
    public static let statusColumns = ["status", "status_siasn", "status siasn", "hasil"]
    /// The reason column's accepted names; `keterangan` too when the shape has no column of
    /// that name itself (siasn-disiplin has).
    public static let reasonColumns = ["alasan", "keterangan_siasn", "keterangan siasn", "pesan", "catatan"]
    /// Status words of a row SIASN took (an empty status with an empty reason too).
    static let accepted: Set<String> = ["berhasil", "sukses", "success", "ok", "diterima", "terkirim", "accepted"]
    /// Status words of a row SIASN refused (an empty status with a reason too).
    static let refused: Set<String> = ["ditolak", "tolak", "gagal", "error", "failed", "refused", "rejected"]

    /// A line of the answer that cannot be read, and how to fix it.
    public struct LineError: Hashable, Sendable {
        /// The file's line (1: the header).
        public var line: Int
        public var id: String
        public var en: String

        public func message(_ language: Language) -> String {
            (language == .id ? "baris \(line): " : "line \(line): ") + (language == .id ? id : en)
        }
    }

    /// Every line that cannot be read (nothing is marked then).
    public struct BadLines: Error, Hashable, Sendable {
        public var lines: [LineError]
    }

    /// What the file says.
    public struct Answer: Hashable, Sendable {
        /// The refused rows, in file order.
        public var refusals: [NewSIASNRefusal]
        /// Rows SIASN took.
        public var accepted: Int
    }

    public let kind: ExportKind
    public let batch: Int64
    /// The batch's rows (``SIASNRefusalStore/exportItems(batch:)``).
    public let items: [ExportItem]
    /// An employee's records as they are now (to tell apart several records of one employee).
    public let records: (String) throws -> StoredEmployeeRecords?

    public init(kind: ExportKind, batch: Int64, items: [ExportItem], records: @escaping (String) throws -> StoredEmployeeRecords?) {
        self.kind = kind
        self.batch = batch
        self.items = items
        self.records = records
    }

    /// Reads the CSV at `path`: the answer, or every bad line (nothing is to be marked then).
    public func read(path: String) throws -> Result<Answer, BadLines> {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else {
            return .failure(BadLines(lines: [LineError(line: 1, id: "berkas kosong.", en: "the file is empty.")]))
        }
        var rows: [CSVRecord] = []
        while let row = try reader.next() { rows.append(row) }
        return answer(header: header, rows: rows)
    }

    /// The answer of a header and rows already read.
    public func answer(header: CSVRecord, rows: [CSVRecord]) -> Result<Answer, BadLines> {
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let columns = kind.columns.map { $0.lowercased() }
        let reasonNames = Self.reasonColumns + (columns.contains("keterangan") ? [] : ["keterangan"])
        let status = names.firstIndex { Self.statusColumns.contains($0) }
        let reason = names.firstIndex { reasonNames.contains($0) }
        guard let nipColumn = names.firstIndex(of: "nip") else {
            return .failure(BadLines(lines: [LineError(
                line: header.line, id: "tidak ada kolom nip: pakai berkas hasil ekspor ipasn yang diunggah ke SIASN.",
                en: "no nip column: use the file ipasn exported and you uploaded to SIASN.")]))
        }
        guard status != nil || reason != nil else {
            return .failure(BadLines(lines: [LineError(
                line: header.line,
                id: "tidak ada kolom jawaban SIASN: tambahkan kolom `status` (berhasil/ditolak) dan `alasan` (pesan SIASN) di Excel.",
                en: "no column for SIASN's answer: add a column `status` (berhasil/ditolak) and `alasan` (SIASN's message) in Excel.")]))
        }
        // The shape's columns where the file has them, for telling an employee's records apart.
        let shared = columns.enumerated().compactMap { index, name in names.firstIndex(of: name).map { (index, $0) } }
        var byNIP: [String: [ExportItem]] = [:]
        for item in items where !item.deleted { byNIP[item.nip, default: []].append(item) }
        var errors: [LineError] = []
        var refusals: [NewSIASNRefusal] = []
        var takenBy: [RecordID: Int] = [:]
        var acceptedRows = 0
        for row in rows {
            func field(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            var nip = field(nipColumn)
            if nip.hasPrefix("'") { nip.removeFirst() }
            let word = field(status).lowercased()
            let why = field(reason)
            if nip.isEmpty && word.isEmpty && why.isEmpty { continue }
            guard let candidates = byNIP[nip] else {
                errors.append(LineError(
                    line: row.line,
                    id: "NIP \(nip) tidak ada di batch #\(batch): berkas lain atau nomor batch salah (lihat `ipasn batches`); NIP yang diubah Excel menjadi angka: format kolom sebagai Teks.",
                    en: "NIP \(nip) is not in batch #\(batch): another file or the wrong batch number (see `ipasn batches`); a NIP Excel turned into a number: format the column as Text."))
                continue
            }
            let isRefused: Bool
            if Self.refused.contains(word) {
                isRefused = true
            } else if Self.accepted.contains(word) {
                isRefused = false
            } else if word.isEmpty {
                isRefused = !why.isEmpty
            } else {
                errors.append(LineError(
                    line: row.line, id: "status \"\(word)\" tidak dikenal: tulis berhasil atau ditolak.",
                    en: "status \"\(word)\" is not known: write berhasil or ditolak."))
                continue
            }
            guard isRefused else {
                acceptedRows += 1
                continue
            }
            guard !why.isEmpty else {
                errors.append(LineError(
                    line: row.line, id: "ditolak tanpa alasan: salin pesan SIASN ke kolom alasan.",
                    en: "refused without a reason: copy SIASN's message into the alasan column."))
                continue
            }
            guard let item = match(row, candidates, shared) else {
                errors.append(LineError(
                    line: row.line,
                    id: "NIP \(nip) punya \(candidates.count) data di batch #\(batch) dan baris ini tidak cocok dengan satu pun: jangan ubah kolom data, hanya status dan alasan.",
                    en: "NIP \(nip) has \(candidates.count) records in batch #\(batch) and this row matches none of them alone: change only the status and alasan columns."))
                continue
            }
            if let first = takenBy[item.id] {
                errors.append(LineError(
                    line: row.line, id: "data yang sama dengan baris \(first): hapus salah satu.",
                    en: "the same record as line \(first): remove one of them."))
                continue
            }
            takenBy[item.id] = row.line
            refusals.append(NewSIASNRefusal(id: item.id, reason: why, line: row.line))
        }
        return errors.isEmpty ? .success(Answer(refusals: refusals, accepted: acceptedRows)) : .failure(BadLines(lines: errors))
    }

    /// The batch's record a row is: the employee's only one, or the one whose current row agrees
    /// with the file's on the most columns (a tie: none).
    private func match(_ row: CSVRecord, _ candidates: [ExportItem], _ shared: [(Int, Int)]) -> ExportItem? {
        if candidates.count == 1 { return candidates[0] }
        guard let stored = try? records(candidates[0].nip) else { return nil }
        let now = Dictionary(Exporter.records(stored).map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        var best: (ExportItem, Int)?
        var tie = false
        for item in candidates {
            guard let record = now[item.id], let fields = kind.fields(record) else { continue }
            let score = shared.filter { shape, file in
                shape < fields.count && file < row.fields.count
                    && fields[shape].trimmingCharacters(in: .whitespaces).lowercased()
                        == row.fields[file].trimmingCharacters(in: .whitespaces).lowercased()
            }.count
            if let current = best, current.1 == score {
                tie = true
            } else if best == nil || score > best!.1 {
                best = (item, score)
                tie = false
            }
        }
        return tie ? nil : best?.0
    }
}
