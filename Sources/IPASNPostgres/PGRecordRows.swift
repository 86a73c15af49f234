import Foundation
import IPASNCore
import IPASNStore

/// How each record kind maps to its PostgreSQL table: the tables and columns are the SQLite
/// store's (`RecordRows`, so both engines hold the same rows); the arguments, COPY fields and
/// decoding are PostgreSQL's own (its text formats, `PGRow`).
enum PGRecordRows {
    /// The table's data columns (without `id`), in argument order; `dedup_key` is last.
    static func columns(_ kind: RecordKind) -> [String] { RecordRows.columns(kind) }

    static func table(_ kind: RecordKind) -> String { RecordRows.table(kind) }

    /// `SELECT id, <columns> FROM <table>`.
    static func selectSQL(_ kind: RecordKind) -> String { RecordRows.selectSQL(kind) }

    /// An INSERT of the data columns (and `id` first when `withID`), returning the id;
    /// a duplicate inserts nothing (and returns no row) when `ignoreDuplicates`.
    static func insertSQL(_ kind: RecordKind, withID: Bool = false, ignoreDuplicates: Bool = false) -> String {
        let cols = (withID ? ["id"] : []) + columns(kind)
        let marks = Array(repeating: "?", count: cols.count).joined(separator: ", ")
        return "INSERT INTO \(table(kind)) (\(cols.joined(separator: ", "))) VALUES (\(marks))"
            + (ignoreDuplicates ? " ON CONFLICT DO NOTHING" : "") + " RETURNING id"
    }

    /// An UPDATE of every data column of the row `id` (the id is the last argument).
    static func updateSQL(_ kind: RecordKind) -> String { RecordRows.updateSQL(kind) }

    /// The record's values in ``columns(_:)`` order, the dedup key last.
    static func arguments(_ record: Record) -> PGArguments {
        arguments(record, key: DuplicateKey.hash(record))
    }

    /// ``arguments(_:)`` with the record's dedup key already computed.
    static func arguments(_ record: Record, key: Int64) -> PGArguments {
        switch record {
        case .pendidikan(let r):
            return [r.nip, r.tingkat.rawValue, r.tanggalLulus?.iso, r.namaSekolah, r.jurusan, key]
        case .diklat(let r):
            return [
                r.nip, r.jenis.id, r.tingkat?.rawValue, r.nama, r.penyelenggara, r.tanggalMulai.iso,
                r.tanggalSelesai.iso, r.jp, r.nomorSertifikat, r.sesuaiJabatan, key,
            ]
        case .skp(let r):
            return [r.nip, r.tahun, r.predikat?.rawValue, r.nilai, key]
        case .disiplin(let r):
            return [r.nip, r.tingkat.rawValue, r.tmt.iso, r.jenis, key]
        }
    }

    /// Writes the record's values in ``columns(_:)`` order, the dedup key last, as COPY text
    /// fields: the same bytes as ``arguments(_:key:)``'s values (`PGCopyBufferTests`), without
    /// a String per value (the bulk import's million rows); or, in a binary buffer, in each
    /// column type's binary form (`PGCopyBinaryTests`). The row is not ended.
    static func encode(_ record: Record, key: Int64, into buffer: inout PGCopyBuffer) {
        switch record {
        case .pendidikan(let r):
            buffer.text(r.nip)
            buffer.text(r.tingkat.rawValue)
            buffer.date(r.tanggalLulus)
            buffer.text(r.namaSekolah)
            buffer.text(r.jurusan)
        case .diklat(let r):
            buffer.text(r.nip)
            buffer.int4(r.jenis.id)
            buffer.text(r.tingkat?.rawValue)
            buffer.text(r.nama)
            buffer.text(r.penyelenggara)
            buffer.date(r.tanggalMulai)
            buffer.date(r.tanggalSelesai)
            buffer.int4(r.jp)
            buffer.text(r.nomorSertifikat)
            buffer.flag(r.sesuaiJabatan)
        case .skp(let r):
            buffer.text(r.nip)
            buffer.int4(r.tahun)
            buffer.text(r.predikat?.rawValue)
            buffer.real(r.nilai)
        case .disiplin(let r):
            buffer.text(r.nip)
            buffer.text(r.tingkat.rawValue)
            buffer.date(r.tmt)
            buffer.text(r.jenis)
        }
        buffer.integer(key)
    }

    /// What the full recompute reads: for diklat only the columns scoring uses.
    static func scoringSelectSQL(_ kind: RecordKind) -> String {
        guard kind == .diklat else { return selectSQL(kind) }
        return "SELECT id, nip, jenis, tingkat, tanggal_mulai, tanggal_selesai, jp, sesuai_jabatan FROM diklat"
    }

    /// Decodes a row of ``scoringSelectSQL(_:)``: a diklat's text fields are left empty.
    static func decodeForScoring(_ kind: RecordKind, _ row: PGRow) throws -> Record {
        guard kind == .diklat else { return try decode(kind, row) }
        guard let jenis = JenisDiklat.withID(row[2]) else { throw corrupt(kind, row, "jenis") }
        let tingkat: String? = row[3]
        guard let start = LocalDate(iso: row[4]), let end = LocalDate(iso: row[5]) else { throw corrupt(kind, row, "date") }
        return .diklat(
            Diklat(
                nip: row[1], jenis: jenis, tingkat: tingkat.flatMap { LeadershipLevel(rawValue: $0) }, nama: "",
                tanggalMulai: start, tanggalSelesai: end, jp: row[6], sesuaiJabatan: row[7]))
    }

    /// Decodes a row of ``selectSQL(_:)`` (column 0 is the id).
    static func decode(_ kind: RecordKind, _ row: PGRow) throws -> Record {
        func date(_ index: Int) throws -> LocalDate {
            let text: String = row[index]
            guard let date = LocalDate(iso: text) else { throw corrupt(kind, row, "date \(text)") }
            return date
        }
        switch kind {
        case .pendidikan:
            guard let tingkat = EducationLevel(rawValue: row[2]) else { throw corrupt(kind, row, "tingkat") }
            let lulus: String? = row[3]
            return .pendidikan(
                Pendidikan(
                    nip: row[1], tingkat: tingkat, tanggalLulus: lulus.flatMap { LocalDate(iso: $0) },
                    namaSekolah: row[4], jurusan: row[5]))
        case .diklat:
            guard let jenis = JenisDiklat.withID(row[2]) else { throw corrupt(kind, row, "jenis") }
            let tingkat: String? = row[3]
            return .diklat(
                Diklat(
                    nip: row[1], jenis: jenis, tingkat: tingkat.flatMap { LeadershipLevel(rawValue: $0) },
                    nama: row[4], penyelenggara: row[5], tanggalMulai: try date(6), tanggalSelesai: try date(7),
                    jp: row[8], nomorSertifikat: row[9], sesuaiJabatan: row[10]))
        case .skp:
            let predikat: String? = row[3]
            return .skp(SKP(nip: row[1], tahun: row[2], predikat: predikat.flatMap { Predikat(rawValue: $0) }, nilai: row[4]))
        case .disiplin:
            guard let tingkat = TingkatHukuman(rawValue: row[2]) else { throw corrupt(kind, row, "tingkat") }
            return .disiplin(HukumanDisiplin(nip: row[1], tingkat: tingkat, tmt: try date(3), jenis: row[4]))
        }
    }

    private static func corrupt(_ kind: RecordKind, _ row: PGRow, _ what: String) -> Error {
        StoreError.corrupt("\(kind.rawValue) row \(row.text(0) ?? "?"): unreadable \(what)")
    }
}

/// How a typed ``AuditEntry`` maps to the `audit` table (the SQLite store's format, through
/// ``StoreCodec``).
enum PGAuditRows {
    static let columns =
        "a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.nip, a.old_value, a.new_value, a.undoes, a.session, a.batch"

    static func entry(_ row: PGRow) throws -> AuditEntry {
        let id: Int64 = row[0]
        let actionText: String = row[3]
        let entity: String = row[4]
        let entityID: String = row[5]
        guard let action = AuditAction(rawValue: actionText) else {
            throw StoreError.corrupt("audit \(id): unknown action \(actionText)")
        }
        guard let subject = StoreCodec.auditSubject(action: action, entity: entity, entityID: entityID) else {
            throw StoreError.corrupt("audit \(id): unknown subject \(entity) \(entityID)")
        }
        let old: String? = row[7]
        let new: String? = row[8]
        return AuditEntry(
            id: id, at: row[1], actor: row[2], action: action, subject: subject, nip: row[6],
            old: old.map { StoreCodec.auditValue($0, subject) }, new: new.map { StoreCodec.auditValue($0, subject) },
            session: row[10], undoes: row[9], batch: row[11])
    }
}
