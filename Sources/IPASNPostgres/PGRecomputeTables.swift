import Foundation
import IPASNCore
import IPASNStore

/// FAST PATH (issue 12, round 2): everything the PostgreSQL recompute of ONE year reads, in
/// five `COPY (SELECT ...) TO STDOUT` in table order (no sort, no cursor round trips), each
/// row parsed in place from libpq's buffer (``PGCopyRow``) and found again by its NIP's
/// number (``NIPKey/numericKey(_:)``):
///
/// - **diklat pre-aggregated on the server**: one row per employee (about 49,000 instead of
///   976,000 at 50,000 employees) holding the four values the kompetensi score of the year
///   needs (``DiklatSummary``), computed by SQL written from the ruleset's own data
///   (``summarySQL(year:rules:leaveOutRejected:)``: its jenis groups, leadership ranks,
///   windows and the "sesuai jabatan" rule) and a pure function of the rows. The engine scores
///   the summary's stand-in records (``DiklatSummary/records(nip:year:rules:)``) exactly as
///   the rows; `DiklatSummaryTests` proves that on generated records, and
///   `PostgresFullRecomputeTests` proves the stored scores equal the row-wise path's;
/// - pendidikan and disiplin whole, SKP of the year only (kinerja reads no other year), with
///   only the columns scoring reads;
/// - the year's cached scores, so that an unchanged score is not sent at all (``isCached(_:key:)``).
///
/// The employees are read first (NIP, jenis jabatan, jenjang, status: name, unit and leaving
/// data stay empty, as scoring does not read them) and numbered in table order; every other
/// row is filed under its employee's number, found once per run of one employee's rows, and
/// ``forEachEmployee(_:)`` hands them out with no look-up at all.
struct PGRecomputeTables {
    private let year: Int
    private let standIns: DiklatSummary.StandIns
    /// The employees in table order with what scoring reads, and their numbers by NIP; the
    /// other tables are per employee number (the index in ``EmployeeIndex/employees``).
    private let index: EmployeeIndex
    private let diklat: [DiklatSummary?]
    private let pendidikan: [[Pendidikan]]
    private let skp: [[SKP]]
    private let disiplin: [[HukumanDisiplin]]
    private let cached: [Cached?]

    /// A cached score as stored.
    private struct Cached: Equatable {
        var kualifikasi, kompetensi, kinerja, disiplin: Double
        var complete: Bool
        var missing: String
    }

    /// `work_mem` of the recompute's transaction: the diklat summary's hash of every employee
    /// fits (about 210 bytes an employee in the final hash, 128 MB with PostgreSQL's default
    /// `hash_mem_multiplier` of 2: about 600,000 employees; a larger instansi spills again, as before).
    static let summaryWorkMem = "64MB"

    /// How many employees' diklat summaries were read (for tests).
    var summaryCount: Int { diklat.count { $0 != nil } }

    /// Reads what the recompute of `year` needs (records the ruleset does not count left out
    /// when `leaveOutRejected`). `known`: the diklat summaries per NIP already known to the
    /// caller (a first load's, ``FirstLoadSummaries``), read from there instead of the table.
    init(_ db: PGConnection, year: Int, rules: Ruleset, leaveOutRejected: Bool, known: [String: DiklatSummary]? = nil) throws {
        self.year = year
        standIns = DiklatSummary.StandIns(year: year, rules: rules.kompetensi)
        func filter(_ kind: RecordKind) -> String { leaveOutRejected ? PostgresStore.countedOnly(kind) : "" }
        let index = try EmployeeIndex(db)
        self.index = index
        let count = index.employees.count
        var row = PGCopyRow()
        var diklat = [DiklatSummary?](repeating: nil, count: count)
        for (nip, summary) in known ?? [:] where !summary.isEmpty {
            if let number = index.number(nip: nip) { diklat[Int(number)] = summary }
        }
        // The summary's grouping by NIP in memory (branch pg500k): with the server's default
        // `work_mem` (4 MB; hash tables up to twice that) the hash of 482,000 employees spilled
        // to disk in every parallel worker and was re-read (64 MB each at 500,000 employees: 4.5-4.8 s
        // of server CPU against 3.9 s in memory; its final hash takes 102 MB). For this
        // transaction only (`SET LOCAL`): the workstation's later statements keep the default.
        if known == nil {
            try db.execute(sql: "SET LOCAL work_mem = '\(Self.summaryWorkMem)'")
            try db.copyOut(query: Self.summarySQL(year: year, rules: rules.kompetensi, leaveOutRejected: leaveOutRejected)) { bytes in
                row.load(bytes)
                guard row.count == 5 else { throw Self.corrupt(row, "diklat") }
                let summary = DiklatSummary(leadershipRank: row.int(1), fungsional: row.bool(2), teknisJP: row.int(3), seminar: row.bool(4))
                if !summary.isEmpty, let number = index.number(row) { diklat[Int(number)] = summary }
            }
        }
        self.diklat = diklat
        let levels = PGEnumBytes<EducationLevel>()
        pendidikan = try Self.read(db, "SELECT nip, tingkat, tanggal_lulus FROM pendidikan" + filter(.pendidikan), index) { row, nip in
            guard let tingkat = levels.value(row.raw(1)) else { throw Self.corrupt(row, "pendidikan tingkat") }
            return Pendidikan(nip: nip, tingkat: tingkat, tanggalLulus: row.date(2))
        }
        let skpFilter = leaveOutRejected ? filter(.skp) + " AND tahun = \(year)" : " WHERE tahun = \(year)"
        let predikats = PGEnumBytes<Predikat>()
        skp = try Self.read(db, "SELECT nip, tahun, predikat, nilai FROM skp" + skpFilter, index) { row, nip in
            guard let tahun = row.int(1) else { throw Self.corrupt(row, "skp tahun") }
            // An unknown predikat reads as none, as the cursor path's `Predikat(rawValue:)` does.
            return SKP(nip: nip, tahun: tahun, predikat: predikats.value(row.raw(2)), nilai: row.double(3))
        }
        disiplin = try Self.read(db, "SELECT nip, tingkat, tmt FROM disiplin" + filter(.disiplin), index) { row, nip in
            guard let tingkat = row.text(1).flatMap(TingkatHukuman.init(rawValue:)) else { throw Self.corrupt(row, "disiplin tingkat") }
            guard let tmt = row.date(2) else { throw Self.corrupt(row, "disiplin tmt") }
            return HukumanDisiplin(nip: nip, tingkat: tingkat, tmt: tmt)
        }
        var cached = [Cached?](repeating: nil, count: count)
        try db.copyOut(
            query: "SELECT nip, kualifikasi, kompetensi, kinerja, disiplin, complete, missing FROM employee_score WHERE year = \(year)"
        ) { bytes in
            row.load(bytes)
            guard row.count == 7, let k = row.double(1), let m = row.double(2), let n = row.double(3), let d = row.double(4),
                let complete = row.int(5)
            else { throw Self.corrupt(row, "employee_score") }
            guard let number = index.number(row) else { return }
            cached[Int(number)] = Cached(
                kualifikasi: k, kompetensi: m, kinerja: n, disiplin: d, complete: complete != 0, missing: row.text(6) ?? "")
        }
        self.cached = cached
    }

    /// Calls `body` with every employee's records for scoring the year (pendidikan, the
    /// year's SKP, disiplin and the diklat summary's stand-ins) and the employee's number.
    func forEachEmployee(_ body: (EmployeeRecords, Int) throws -> Void) rethrows {
        for (number, pegawai) in index.employees.enumerated() {
            var records = EmployeeRecords(pegawai: pegawai)
            records.pendidikan = pendidikan[number]
            records.skp = skp[number]
            records.disiplin = disiplin[number]
            if let summary = diklat[number] { records.diklat = standIns.records(summary, nip: pegawai.nip) }
            try body(records, number)
        }
    }

    /// Whether `score` (of this year, of employee `number`) is cached exactly as it is: then
    /// it need not be written.
    func isCached(_ score: EmployeeScore, number: Int) -> Bool {
        guard let stored = cached[number] else { return false }
        return stored
            == Cached(
                kualifikasi: score.kualifikasi, kompetensi: score.kompetensi, kinerja: score.kinerja, disiplin: score.disiplin,
                complete: score.complete, missing: Self.missingText(score.missing))
    }

    /// `missing` as stored (comma-separated raw values), without building an array for the usual cases.
    private static func missingText(_ missing: [MissingData]) -> String {
        switch missing.count {
        case 0: return ""
        case 1: return missing[0].rawValue
        default: return missing.map(\.rawValue).joined(separator: ",")
        }
    }

    /// The diklat pre-aggregation for measurement year `year`, written from `rules`: per NIP,
    /// the four values of ``DiklatSummary`` (best leadership rank, a counting fungsional
    /// record, teknis JP in the window, a seminar in the window), over the records ending by
    /// 31 December of the year (no later record counts for anything) and not rejected when
    /// `leaveOutRejected`. A jenis outside the ruleset's groups counts for nothing, as in the engine.
    static func summarySQL(year: Int, rules: KompetensiRules, leaveOutRejected: Bool) -> String {
        func jenis(_ group: DiklatGroup) -> String {
            let ids = JenisDiklat.all.filter { rules.group(of: $0) == group }.map { String($0.id) }
            return ids.isEmpty ? "FALSE" : "jenis IN (\(ids.joined(separator: ", ")))"
        }
        func firstDay(_ year: Int) -> String { "'\(LocalDate(year: max(year, 1), month: 1, day: 1)!.iso)'" }
        let ranks = LeadershipLevel.allCases.compactMap { level in
            rules.leadershipRank[level].flatMap { $0 > 0 ? "WHEN '\(level.rawValue)' THEN \($0)" : nil }
        }
        let leadership =
            ranks.isEmpty ? "NULL::int" : "MAX(CASE WHEN \(jenis(.kepemimpinan)) THEN CASE tingkat \(ranks.joined(separator: " ")) END END)"
        let fungsional = "bool_or(\(jenis(.fungsional))\(rules.fungsionalRequiresSesuai ? " AND sesuai_jabatan <> 0" : ""))"
        let teknis =
            "SUM(CASE WHEN \(jenis(.teknis)) AND tanggal_selesai >= \(firstDay(DiklatSummary.teknisYears(year, rules).lowerBound)) THEN jp END)"
        let seminar = "bool_or(\(jenis(.seminar)) AND tanggal_selesai >= \(firstDay(DiklatSummary.seminarYears(year, rules).lowerBound)))"
        let filter = leaveOutRejected ? PostgresStore.countedOnly(.diklat) + " AND" : " WHERE"
        // Rows that can count for nothing are left out before the grouping: after the
        // year's end, and teknis and seminar records older than their windows (most of a
        // province's rows: only kepemimpinan and fungsional reach back without limit).
        let windows = min(DiklatSummary.teknisYears(year, rules).lowerBound, DiklatSummary.seminarYears(year, rules).lowerBound)
        let unlimited = JenisDiklat.all.filter { [.kepemimpinan, .fungsional].contains(rules.group(of: $0)) }.map { String($0.id) }
        let recent = "tanggal_selesai >= \(firstDay(windows))"
        let counting = unlimited.isEmpty ? recent : "(jenis IN (\(unlimited.joined(separator: ", "))) OR \(recent))"
        return """
            SELECT nip, \(leadership), \(fungsional), \(teknis), \(seminar) FROM diklat\(filter) \
            tanggal_selesai <= '\(LocalDate.endOfYear(year).iso)' AND \(counting) GROUP BY nip
            """
    }

    // MARK: Reading

    /// Every row of `query` (column 0 the NIP) decoded by `decode` (given the employee's NIP),
    /// per employee number: a run of one employee's rows (an import writes them together)
    /// costs one look-up.
    private static func read<T>(
        _ db: PGConnection, _ query: String, _ index: EmployeeIndex, _ decode: (PGCopyRow, String) throws -> T
    ) throws -> [[T]] {
        var lists = [[T]](repeating: [], count: index.employees.count)
        var previous: [UInt8] = []
        var number: Int32?
        var hasPrevious = false
        var row = PGCopyRow()
        try db.copyOut(query: query) { bytes in
            row.load(bytes)
            guard row.count > 0, !row.isNull(0) else { throw corrupt(row, "nip") }
            let nip = row.raw(0)
            let same = hasPrevious && nip.count == previous.count && (nip.isEmpty || memcmp(nip.baseAddress!, previous, nip.count) == 0)
            if !same {
                previous.removeAll(keepingCapacity: true)
                previous.append(contentsOf: nip)
                hasPrevious = true
                number = index.number(row)
            }
            guard let number else { return }
            lists[Int(number)].append(try decode(row, index.nips[Int(number)]))
        }
        return lists
    }

    private static func corrupt(_ row: PGCopyRow, _ what: String) -> Error {
        StoreError.corrupt("\(what) of \(row.count > 0 ? row.text(0) ?? "?" : "?"): unreadable row")
    }
}

/// The employees of a recompute, read by COPY in table order with what scoring reads (NIP,
/// jenis jabatan, jenjang, status), numbered in that order, and found by NIP.
private struct EmployeeIndex {
    private(set) var employees: [Pegawai] = []
    /// The employees' NIPs apart (taking one from ``employees`` copies the whole ``Pegawai``).
    private(set) var nips: [String] = []
    /// Employee numbers by NIP: an 18-digit NIP as a number (``NIPKey/numericKey(_:)``), any other by text.
    private var numbers: [UInt64: Int32] = [:]
    private var otherNumbers: [String: Int32] = [:]

    init(_ db: PGConnection) throws {
        var row = PGCopyRow()
        let jabatan = PGEnumBytes<JenisJabatan>()
        let statuses = PGEnumBytes<StatusPegawai>()
        var employees: [Pegawai] = []
        var numbers: [UInt64: Int32] = [:]
        var otherNumbers: [String: Int32] = [:]
        try db.copyOut(query: "SELECT nip, jenis_jabatan, jenjang, status FROM pegawai") { bytes in
            row.load(bytes)
            guard row.count == 4, let nip = row.text(0), let kind = jabatan.value(row.raw(1)), let status = statuses.value(row.raw(3))
            else { throw StoreError.corrupt("pegawai \(row.count > 0 ? row.text(0) ?? "?" : "?"): jenis_jabatan or status") }
            let number = Int32(employees.count)
            if let key = NIPKey.numericKey(row.raw(0)) { numbers[key] = number } else { otherNumbers[nip] = number }
            employees.append(Pegawai(nip: nip, nama: "", kodeUnit: "", jenisJabatan: kind, jenjang: row.text(2) ?? "", status: status))
        }
        self.employees = employees
        nips = employees.map(\.nip)
        self.numbers = numbers
        self.otherNumbers = otherNumbers
    }

    /// The number of the employee whose NIP is the row's field 0 (nil: none, which the
    /// foreign keys rule out).
    func number(_ row: PGCopyRow) -> Int32? {
        if let key = NIPKey.numericKey(row.raw(0)) { return numbers[key] }
        return otherNumbers[row.text(0) ?? ""]
    }

    /// The number of the employee `nip` (nil: none).
    func number(nip: String) -> Int32? {
        var text = nip
        if let key = text.withUTF8({ NIPKey.numericKey($0) }) { return numbers[key] }
        return otherNumbers[nip]
    }
}

/// An enum read from a COPY field's bytes without a String: its raw values' UTF-8, compared
/// in turn (a few cases of plain ASCII, which COPY sends unescaped).
struct PGEnumBytes<E: RawRepresentable & CaseIterable> where E.RawValue == String {
    private let cases: [([UInt8], E)] = E.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The case whose raw value is `bytes`; nil for any other text (and NULL, `\\N`).
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> E? {
        for (raw, value) in cases where raw.count == bytes.count && raw.elementsEqual(bytes) { return value }
        return nil
    }
}
