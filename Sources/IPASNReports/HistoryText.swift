import Foundation
import IPASNCore
import IPASNStore

/// One audit entry in words, for the history screens and `ipasn history`: what was done to
/// what, and for a change the fields that changed with their old and new values
/// (`JP: 20 -> 24`), in Indonesian or English.
public struct HistoryLine: Hashable, Sendable {
    public var id: Int64
    public var at: Date
    public var actor: String
    /// `tambah diklat 'Bimtek Arsip'`, `ubah pegawai Andi`, `tandai selesai kinerja SUB`.
    public var what: String
    /// The values: each changed field `label: old -> new`; for an add or a delete the record's
    /// main fields.
    public var details: [String]

    /// Describes `entry`; `name` names an employee by NIP (nil leaves the NIP).
    /// `title` names a record whose entry holds no record values (a verification) by its id.
    public init(
        _ entry: AuditEntry, language: Language, name: (String) -> String? = { _ in nil },
        title: (RecordID) -> String? = { _ in nil }
    ) {
        id = entry.id
        at = entry.at
        actor = entry.actor
        let id = language == .id
        let verbs: (insert: String, update: String, delete: String) =
            id ? ("tambah", "ubah", "hapus") : ("add", "change", "delete")
        let (old, new) = (entry.old, entry.new)
        var verb: String
        switch (old, new) {
        case (nil, _?): verb = verbs.insert
        case (_?, nil): verb = verbs.delete
        default: verb = verbs.update
        }
        if entry.action == .undo {
            // An undo's values are the reverse of the change it reverted: name that change.
            switch (old, new) {
            case (_?, nil): verb = id ? "batalkan tambah" : "undo add"
            case (nil, _?): verb = id ? "batalkan hapus" : "undo delete"
            default: verb = id ? "batalkan ubah" : "undo change"
            }
        }
        if entry.action == .redo { verb = (id ? "ulangi " : "redo ") + verb }
        if entry.action == .verify { verb = id ? "verifikasi" : "verify" }
        let before = old.map { Self.fields($0, language) } ?? []
        let after = new.map { Self.fields($0, language) } ?? []
        switch entry.subject {
        case .record(let recordID):
            let record = (new ?? old)?.record
            // A verification's values are its verdict: the employee comes from the entry's NIP.
            let nip = record?.nip ?? entry.nip
            let owner = nip.map { name($0) ?? NIP.formatted($0) } ?? ""
            let named = record.map(Self.title) ?? title(recordID) ?? "#\(recordID.id)"
            what = "\(verb) \(Self.noun(recordID.kind, language)) '\(named)'"
                + (owner.isEmpty ? "" : (id ? " untuk " : " for ") + owner)
        case .pegawai(let nip):
            var nama = name(nip) ?? nip
            if case .pegawai(let p)? = new ?? old { nama = p.nama }
            what = "\(verb) \(id ? "pegawai" : "employee") \(nama)"
        case .unit(let kode):
            var nama = kode
            if case .unit(let u)? = new ?? old { nama = "\(u.nama) (\(kode))" }
            what = "\(verb) unit \(nama)"
            if entry.action == .rename, case .unit(let was)? = old {
                // The row under the new code that says the unit's earlier history is under another code.
                what = id ? "ganti kode unit \(nama): dulu \(was.kode)" : "unit code changed \(nama): was \(was.kode)"
            }
        case .progress(let unit, let dimension):
            let dim = dimension.rawValue
            switch (entry.action, new) {
            case (.confirm, _): what = id ? "konfirmasi selesai \(dim) \(unit)" : "confirm done \(dim) \(unit)"
            case (_, .done(true)?): what = id ? "tandai selesai \(dim) \(unit)" : "mark done \(dim) \(unit)"
            default: what = id ? "buka kembali \(dim) \(unit)" : "reopen \(dim) \(unit)"
            }
            details = []
            return
        case .setting(let setting):
            what = "\(verb) \(setting == .measurementYear ? (id ? "tahun pengukuran" : "measurement year") : (id ? "aturan penilaian" : "ruleset"))"
        case .importFile(let kind):
            var rows = 0
            if case .importSummary(let summary)? = new { rows = summary.imported }
            what = id ? "impor \(kind.rawValue) (\(rows) baris)" : "import \(kind.rawValue) (\(rows) rows)"
            details = []
            return
        case .account(let login):
            what = "\(verb) \(id ? "akun" : "account") \(login)"
        case .siasnBatch(let number):
            let refused = entry.action == .siasnRefused
            what = id ? (refused ? "penolakan SIASN batch \(number)" : "kirim ke SIASN batch \(number)")
                : (refused ? "SIASN refusals of batch \(number)" : "sent to SIASN in batch \(number)")
            details = []
            return
        }
        if old == nil || new == nil {
            details = (after.isEmpty ? before : after).map { "\($0.label): \($0.value)" }
        } else {
            let previous = Dictionary(before.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
            details = after.compactMap { field in
                let was = previous[field.label] ?? "-"
                return was == field.value ? nil : "\(field.label): \(was) -> \(field.value)"
            }
        }
    }

    /// The record as admins name it: a course's name, a school, an SKP's year.
    static func title(_ record: Record) -> String {
        switch record {
        case .diklat(let r): return r.nama
        case .pendidikan(let r): return "\(r.tingkat.displayName) \(r.namaSekolah)".trimmingCharacters(in: .whitespaces)
        case .skp(let r): return "SKP \(r.tahun)"
        case .disiplin(let r): return "\(r.tingkat.displayName) \(r.tmt.dayFirst)"
        }
    }

    static func noun(_ kind: RecordKind, _ language: Language) -> String {
        switch kind {
        case .diklat: return language == .id ? "diklat" : "course"
        case .pendidikan: return language == .id ? "pendidikan" : "education"
        case .skp: return "SKP"
        case .disiplin: return language == .id ? "hukuman disiplin" : "punishment"
        }
    }

    /// The fields of a stored value as (label, value) in words.
    static func fields(_ value: AuditValue, _ language: Language) -> [(label: String, value: String)] {
        let id = language == .id
        func yes(_ b: Bool) -> String { b ? (id ? "ya" : "yes") : (id ? "tidak" : "no") }
        func text(_ s: String) -> String { s.isEmpty ? "-" : s }
        switch value {
        case .record(.diklat(let r)):
            return [
                (id ? "Jenis" : "Kind", r.jenis.nama), (id ? "Tingkat" : "Level", r.tingkat?.rawValue ?? "-"),
                (id ? "Nama kegiatan" : "Name", r.nama), (id ? "Penyelenggara" : "Organiser", text(r.penyelenggara)),
                (id ? "Mulai" : "Start", r.tanggalMulai.dayFirst), (id ? "Selesai" : "End", r.tanggalSelesai.dayFirst),
                ("JP", String(r.jp)), (id ? "Sertifikat" : "Certificate", text(r.nomorSertifikat)),
                (id ? "Sesuai jabatan" : "Fits the post", yes(r.sesuaiJabatan)),
            ]
        case .record(.pendidikan(let r)):
            return [
                (id ? "Tingkat" : "Level", r.tingkat.displayName), (id ? "Lulus" : "Graduated", r.tanggalLulus?.dayFirst ?? "-"),
                (id ? "Sekolah" : "School", text(r.namaSekolah)), (id ? "Jurusan" : "Major", text(r.jurusan)),
            ]
        case .record(.skp(let r)):
            return [
                (id ? "Tahun" : "Year", String(r.tahun)), ("Predikat", r.predikat?.displayName ?? "-"),
                (id ? "Nilai" : "Value", r.nilai.map { NumberText.points($0, language) } ?? "-"),
            ]
        case .record(.disiplin(let r)):
            return [
                (id ? "Tingkat" : "Level", r.tingkat.displayName), ("TMT", r.tmt.dayFirst), (id ? "Jenis" : "Kind", text(r.jenis)),
            ]
        case .pegawai(let p):
            return [
                (id ? "Nama" : "Name", p.nama), ("Unit", p.kodeUnit), (id ? "Jenis jabatan" : "Post", p.jenisJabatan.rawValue),
                (id ? "Jenjang" : "Grade", text(p.jenjang)), ("Status", p.status.rawValue), (id ? "Aktif" : "Active", yes(p.aktif)),
            ]
        case .unit(let u):
            return [(id ? "Nama" : "Name", u.nama), (id ? "Induk" : "Parent", u.induk ?? "-")]
        case .account(let a):
            return [
                (id ? "Peran" : "Role", a.role.name(language)),
                ("Unit", a.units.isEmpty ? "-" : a.units.joined(separator: ", ")),
            ]
        case .measurementYear(let year): return [(id ? "Tahun" : "Year", String(year))]
        case .ruleset(let ruleset): return [(id ? "Aturan" : "Ruleset", ruleset.name)]
        case .done(let done): return [(id ? "Selesai" : "Done", yes(done))]
        case .verification(let v):
            return [
                ("Status", v.status.name(language)), (id ? "Alasan" : "Reason", text(v.reason)),
                (id ? "Dokumen ada" : "Document in hand", yes(v.documentInHand)),
            ]
        case .importSummary, .records, .unreadable: return []
        }
    }
}

/// One page of an employee's or a unit's history (``TeamStore/history(_:before:limit:)``),
/// newest first, in words.
public struct HistoryPage: Sendable {
    public let lines: [HistoryLine]
    /// The id to page on from (the oldest line's), nil when this page is the last.
    public let nextBefore: Int64?

    /// Reads `limit` entries before `before` and describes them; employees are named from the store.
    public static func compute(
        store: Store, subject: HistorySubject, before: Int64?, limit: Int, language: Language
    ) throws -> HistoryPage {
        // One more than asked tells whether another page follows.
        let entries = try store.history(subject, before: before, limit: limit + 1)
        let shown = Array(entries.prefix(limit))
        var names: [String: String] = [:]
        for nip in Set(shown.compactMap(\.nip)) { names[nip] = try store.pegawai(nip: nip)?.nama }
        // Verifications hold no record values: their records are named from the employee's records.
        var titles: [RecordID: String] = [:]
        let verified = shown.filter { $0.action == .verify && ($0.new ?? $0.old)?.record == nil }
        for nip in Set(verified.compactMap(\.nip)) {
            guard let records = try store.records(nip: nip) else { continue }
            for r in records.pendidikan { titles[RecordID(kind: .pendidikan, id: r.id)] = HistoryLine.title(.pendidikan(r.value)) }
            for r in records.diklat { titles[RecordID(kind: .diklat, id: r.id)] = HistoryLine.title(.diklat(r.value)) }
            for r in records.skp { titles[RecordID(kind: .skp, id: r.id)] = HistoryLine.title(.skp(r.value)) }
            for r in records.disiplin { titles[RecordID(kind: .disiplin, id: r.id)] = HistoryLine.title(.disiplin(r.value)) }
        }
        let lines = shown.map { HistoryLine($0, language: language, name: { names[$0] }, title: { titles[$0] }) }
        return HistoryPage(lines: lines, nextBefore: entries.count > limit ? shown.last?.id : nil)
    }
}
