import Foundation
import GRDB
import IPASNCore

/// How each record kind maps to its table: columns, arguments in column order, decoding.
/// The tables and columns are PostgreSQL's too (`PGRecordRows` reads them here).
package enum RecordRows {
    /// The table's data columns (without `id`), in argument order; `dedup_key` is last.
    package static func columns(_ kind: RecordKind) -> [String] {
        switch kind {
        case .pendidikan: return ["nip", "tingkat", "tanggal_lulus", "nama_sekolah", "jurusan", "dedup_key"]
        case .diklat:
            return [
                "nip", "jenis", "tingkat", "nama", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "jp",
                "nomor_sertifikat", "sesuai_jabatan", "dedup_key",
            ]
        case .skp: return ["nip", "tahun", "predikat", "nilai", "dedup_key"]
        case .disiplin: return ["nip", "tingkat", "tmt", "jenis", "dedup_key"]
        }
    }

    package static func table(_ kind: RecordKind) -> String { kind.rawValue }

    /// `SELECT id, <columns> FROM <table>`.
    package static func selectSQL(_ kind: RecordKind, from source: String? = nil) -> String {
        "SELECT id, \(columns(kind).joined(separator: ", ")) FROM \(source ?? table(kind))"
    }

    /// An INSERT of the data columns (and `id` first when `withID`); duplicates are ignored
    /// (check `changesCount`) when `ignoreDuplicates`.
    static func insertSQL(_ kind: RecordKind, withID: Bool = false, ignoreDuplicates: Bool = false) -> String {
        let cols = (withID ? ["id"] : []) + columns(kind)
        let marks = Array(repeating: "?", count: cols.count).joined(separator: ", ")
        return "INSERT INTO \(table(kind)) (\(cols.joined(separator: ", "))) VALUES (\(marks))"
            + (ignoreDuplicates ? " ON CONFLICT DO NOTHING" : "")
    }

    /// An UPDATE of every data column of the row `id` (the id is the last argument).
    package static func updateSQL(_ kind: RecordKind) -> String {
        "UPDATE \(table(kind)) SET \(columns(kind).map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
    }

    /// The record's values in ``columns(_:)`` order, the dedup key last.
    static func arguments(_ record: IPASNCore.Record) -> StatementArguments {
        let key = DuplicateKey.hash(record)
        switch record {
        case .pendidikan(let r):
            return [r.nip, r.tingkat.rawValue, r.tanggalLulus?.iso, r.namaSekolah, r.jurusan, key]
        case .diklat(let r):
            return [
                r.nip, r.jenis.id, r.tingkat?.rawValue, r.nama, r.penyelenggara, r.tanggalMulai.iso,
                r.tanggalSelesai.iso, r.jp, r.nomorSertifikat, r.sesuaiJabatan ? 1 : 0, key,
            ]
        case .skp(let r):
            return [r.nip, r.tahun, r.predikat?.rawValue, r.nilai, key]
        case .disiplin(let r):
            return [r.nip, r.tingkat.rawValue, r.tmt.iso, r.jenis, key]
        }
    }

    /// What the full recompute reads: ``selectSQL(_:)``, except that for diklat only the
    /// columns scoring uses (no name, organiser, certificate or dedup key).
    /// `from`: the table as named in the query (schema-qualified: ``UnchangedTables``), or its own name.
    static func scoringSelectSQL(_ kind: RecordKind, from source: String? = nil) -> String {
        guard kind == .diklat else { return selectSQL(kind, from: source) }
        return "SELECT id, nip, jenis, tingkat, tanggal_mulai, tanggal_selesai, jp, sesuai_jabatan FROM \(source ?? "diklat")"
    }

    /// Decodes a row of ``scoringSelectSQL(_:)``: a diklat's text fields are left empty.
    static func decodeForScoring(_ kind: RecordKind, _ row: Row) throws -> IPASNCore.Record {
        guard kind == .diklat else { return try decode(kind, row) }
        guard let jenis = JenisDiklat.withID(row[2]) else { throw corrupt(kind, row, "jenis") }
        let tingkat: String? = row[3]
        let mulai: String = row[4]
        let selesai: String = row[5]
        guard let start = isoDate(mulai), let end = isoDate(selesai) else {
            throw corrupt(kind, row, "date \(mulai) / \(selesai)")
        }
        return .diklat(
            Diklat(
                nip: row[1], jenis: jenis, tingkat: tingkat.flatMap { LeadershipLevel(rawValue: $0) }, nama: "",
                tanggalMulai: start, tanggalSelesai: end, jp: row[6], sesuaiJabatan: (row[7] as Int) != 0))
    }

    /// Decodes a row of ``selectSQL(_:)`` (column 0 is the id).
    static func decode(_ kind: RecordKind, _ row: Row) throws -> IPASNCore.Record {
        func date(_ index: Int) throws -> LocalDate {
            let text: String = row[index]
            guard let date = isoDate(text) else { throw corrupt(kind, row, "date \(text)") }
            return date
        }
        switch kind {
        case .pendidikan:
            guard let tingkat = EducationLevel(rawValue: row[2]) else { throw corrupt(kind, row, "tingkat") }
            let lulus: String? = row[3]
            return .pendidikan(
                Pendidikan(
                    nip: row[1], tingkat: tingkat, tanggalLulus: lulus.flatMap(isoDate),
                    namaSekolah: row[4], jurusan: row[5]))
        case .diklat:
            guard let jenis = JenisDiklat.withID(row[2]) else { throw corrupt(kind, row, "jenis") }
            let tingkat: String? = row[3]
            return .diklat(
                Diklat(
                    nip: row[1], jenis: jenis, tingkat: tingkat.flatMap { LeadershipLevel(rawValue: $0) },
                    nama: row[4], penyelenggara: row[5], tanggalMulai: try date(6), tanggalSelesai: try date(7),
                    jp: row[8], nomorSertifikat: row[9], sesuaiJabatan: (row[10] as Int) != 0))
        case .skp:
            let predikat: String? = row[3]
            return .skp(SKP(nip: row[1], tahun: row[2], predikat: predikat.flatMap { Predikat(rawValue: $0) }, nilai: row[4]))
        case .disiplin:
            guard let tingkat = TingkatHukuman(rawValue: row[2]) else { throw corrupt(kind, row, "tingkat") }
            return .disiplin(HukumanDisiplin(nip: row[1], tingkat: tingkat, tmt: try date(3), jenis: row[4]))
        }
    }

    /// A stored `YYYY-MM-DD` date read from a column's bytes without making a String (the
    /// table-order readers read millions); any other form is decided by ``isoDate(_:)``.
    static func storedDate(_ b: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(b[i]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else { return isoDate(String(decoding: b, as: UTF8.self)) }
        return LocalDate(year: year, month: month, day: day)
    }

    /// Reads the stored `YYYY-MM-DD` form on bytes (the full recompute reads millions); any
    /// other text (a date written by hand or by an older tool: `31-12-2024`, `2024/12/31`,
    /// ` 2024-1-5`) is read by ``LocalDate/parse(_:)``, whatever the String's storage, so a
    /// date is never read as nil only because it is not in the stored form.
    static func isoDate(_ text: String) -> LocalDate? {
        if let stored = storedForm(text) { return stored }
        return LocalDate.parse(text)
    }

    /// The fast path of ``isoDate(_:)``: exactly `YYYY-MM-DD` in contiguous UTF-8, else nil.
    private static func storedForm(_ text: String) -> LocalDate? {
        let utf8 = text.utf8
        let fast = utf8.withContiguousStorageIfAvailable { b -> LocalDate? in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            var n = [0, 0, 0]
            for (part, range) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
                for i in range {
                    let digit = Int(b[i]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    n[part] = n[part] * 10 + digit
                }
            }
            return LocalDate(year: n[0], month: n[1], day: n[2])
        }
        // nil outside (a non-contiguous String) or inside (not the stored form): both nil here.
        return fast ?? nil
    }

    private static func corrupt(_ kind: RecordKind, _ row: Row, _ what: String) -> Error {
        StoreError.corrupt("\(kind.rawValue) row \(row[0] as Int64? ?? -1): unreadable \(what)")
    }

    // MARK: JSON for the audit log

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// The full row as a JSON object: the record's fields plus `id` and `kind`, keys sorted.
    ///
    /// Encoded in one pass (every save writes one in its audit row): the record's own keys
    /// and `id`, `kind` go into the same keyed container. The text is the same as encoding
    /// the record, parsing it and serializing it again with the two keys added (what this
    /// did before; `AuditJSONTests` pins that for every kind).
    static func json(_ record: IPASNCore.Record, id: Int64) throws -> String {
        let data: Data
        switch record {
        case .pendidikan(let r): data = try encoder.encode(RowJSON(value: r, id: id, kind: record.kind))
        case .diklat(let r): data = try encoder.encode(RowJSON(value: r, id: id, kind: record.kind))
        case .skp(let r): data = try encoder.encode(RowJSON(value: r, id: id, kind: record.kind))
        case .disiplin(let r): data = try encoder.encode(RowJSON(value: r, id: id, kind: record.kind))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A record's fields with its `id` and `kind` beside them, in one JSON object.
    private struct RowJSON<Value: Encodable>: Encodable {
        var value: Value
        var id: Int64
        var kind: RecordKind

        enum Keys: String, CodingKey { case id, kind }

        func encode(to encoder: Encoder) throws {
            try value.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind.rawValue, forKey: .kind)
        }
    }

    /// Reads back a row written by ``json(_:id:)``.
    static func fromJSON(_ text: String) throws -> (record: IPASNCore.Record, id: Int64) {
        let data = Data(text.utf8)
        struct Header: Decodable {
            var id: Int64
            var kind: RecordKind
        }
        let header = try JSONDecoder().decode(Header.self, from: data)
        let decoder = JSONDecoder()
        let record: IPASNCore.Record
        switch header.kind {
        case .pendidikan: record = .pendidikan(try decoder.decode(Pendidikan.self, from: data))
        case .diklat: record = .diklat(try decoder.decode(Diklat.self, from: data))
        case .skp: record = .skp(try decoder.decode(SKP.self, from: data))
        case .disiplin: record = .disiplin(try decoder.decode(HukumanDisiplin.self, from: data))
        }
        return (record, header.id)
    }

    /// Any Encodable as sorted-key JSON text.
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
