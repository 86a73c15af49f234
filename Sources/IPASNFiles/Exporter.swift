import IPASNCore
import IPASNStore

/// Which records an export takes: those of the employees of one unit (with its sub-units),
/// and those dated on or after a day (a diklat by its end, a pendidikan by its graduation, an
/// SKP by its year's last day, a punishment by its TMT). Units and employees are filtered by
/// the unit only.
public struct ExportSelection: Hashable, Sendable {
    /// A unit's kode; nil for every unit.
    public var unit: String?
    /// The first day; nil for any date.
    public var since: LocalDate?
    /// Only the records not yet sent to SIASN (``ExportTrackingStore``'s pending rule).
    public var pendingOnly: Bool

    public init(unit: String? = nil, since: LocalDate? = nil, pendingOnly: Bool = false) {
        self.unit = unit
        self.since = since
        self.pendingOnly = pendingOnly
    }

    /// Whether a record's date is on or after ``since``. A pendidikan without a date is taken.
    public func takes(_ record: Record) -> Bool {
        guard let since else { return true }
        switch record {
        case .diklat(let d): return d.tanggalSelesai >= since
        case .pendidikan(let p): return p.tanggalLulus.map { $0 >= since } ?? true
        case .skp(let s): return LocalDate.endOfYear(s.tahun) >= since
        case .disiplin(let h): return h.tmt >= since
        }
    }
}

/// Writes one export kind of the database into an ``ExportWriter``: the one export path of the
/// command line and the workstation. Employees come in unit tree order, each once; records in
/// the order they are stored. The ids of the records written are handed back, so a batch
/// (what was sent to SIASN, when) can be kept for them.
public struct Exporter {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    /// What an export wrote.
    public struct Result: Hashable, Sendable {
        /// Rows written.
        public var rows = 0
        /// The records written, in file order (empty for units and pegawai).
        public var records: [RecordID] = []
        /// SKP left out because SIASN takes SKP from 2022 on only (``SKPSiasn``): never
        /// pending, so only an export of every record (not `--pending`) meets them.
        public var before2022 = 0
        /// SKP from 2022 on the shape cannot carry (no PermenPANRB 6/2022 predikat): they stay
        /// pending until the admin chooses one (the export's notice lists them).
        public var needsPredikat: [SKPNeedingPredikat] = []
        /// Records of the kind the shape cannot carry (siasn-skp: both of the above).
        public var left: Int { before2022 + needsPredikat.count }
        /// The records written with the versions read before the file (for the export batch).
        public var versions: [RecordVersion] = []
        /// With ``ExportSelection/pendingOnly``: records sent before and deleted since, which
        /// the shape carries (SIASN still holds them; the admin removes them there).
        public var deletions: [SentDeletion] = []
        /// With ``ExportSelection/pendingOnly``: pending records of the kind held back because a
        /// verifikator found them tidak memenuhi syarat (sent once corrected; user test 9: the
        /// export said "semua sudah terkirim" while the pending screen counted them).
        public var heldRejected = 0
        /// With ``ExportSelection/pendingOnly``: pending records held back because SIASN refused
        /// them and they are unchanged since (``SIASNRefusalStore``): sent once corrected.
        public var heldRefused = 0
    }

    /// - Throws: ``ExportError/unknownUnit(_:)`` for a unit that does not exist, or a storage error.
    public func export(
        _ kind: ExportKind, selection: ExportSelection = ExportSelection(), into writer: inout ExportWriter
    ) throws -> Result {
        var result = Result()
        let units = try store.units()
        if let unit = selection.unit, !units.contains(where: { $0.kode == unit }) { throw ExportError.unknownUnit(unit) }
        if kind == .units {
            let wanted = selection.unit.map { Set(UnitTree(units).subtree(of: $0).map(\.kode)) }
            for unit in units where wanted?.contains(unit.kode) ?? true {
                try writer.row(ImportFormat.fields(unit))
                result.rows += 1
            }
            return result
        }
        // The versions are read BEFORE the records: a record changed in between keeps a newer
        // version than the batch gives it, so it stays pending.
        let versions = try kind.recordKind.map {
            try store.recordVersions(kind: $0, unit: selection.unit, pendingOnly: selection.pendingOnly)
        }
        // With --pending only the employees who have a pending record of the kind are read.
        var pendingNIPs: Set<String>?
        if selection.pendingOnly, let recordKind = kind.recordKind {
            result.deletions = try store.sentDeletions(kind: recordKind, unit: selection.unit).filter { kind.carries($0) }
            let roots = selection.unit.map { [$0] } ?? UnitTree(units).roots.map(\.kode)
            let pending = try roots.flatMap { try store.pendingRecords(unit: $0) }.filter { $0.id.kind == recordKind }
            pendingNIPs = Set(pending.map(\.nip))
            // Pending without a version to send: rejected by the verifikator, or refused by SIASN
            // and not corrected since (``ExportTrackingStore/recordVersions``).
            let held = pending.filter { versions?[$0.id.id] == nil }
            if !held.isEmpty {
                let refused = Set(try store.siasnRefusals(unit: selection.unit)
                    .filter { $0.id.kind == recordKind && !$0.deleted && !$0.corrected }.map(\.id))
                result.heldRefused = held.filter { refused.contains($0.id) }.count
            }
            result.heldRejected = held.count - result.heldRefused
        }
        for pegawai in try employees(units: units, unit: selection.unit) {
            if kind == .pegawai {
                try writer.row(ImportFormat.fields(pegawai))
                result.rows += 1
                continue
            }
            if let pendingNIPs, !pendingNIPs.contains(pegawai.nip) { continue }
            guard let stored = try store.records(nip: pegawai.nip) else { continue }
            for (id, record) in Self.records(stored) where record.kind == kind.recordKind && selection.takes(record) {
                // Not pending (or entered after the versions were read): not this export's.
                guard let version = versions?[id.id] else { continue }
                if let row = kind.fields(record) {
                    try writer.row(row)
                    result.rows += 1
                    result.records.append(id)
                    result.versions.append(RecordVersion(id: id, version: version))
                } else if kind.siasnShape == .skp, case .skp(let skp) = record {
                    if SKPSiasn.sentToSIASN(tahun: skp.tahun) {
                        result.needsPredikat.append(SKPNeedingPredikat(id: id.id, skp: skp, unit: pegawai.kodeUnit))
                    } else {
                        result.before2022 += 1
                    }
                }
            }
        }
        return result
    }

    /// Every employee of `unit` and its sub-units (of every unit when nil), each once, in unit
    /// tree order then by name.
    public func employees(units: [OrgUnit], unit: String?) throws -> [Pegawai] {
        var seen = Set<String>()
        var result: [Pegawai] = []
        let roots = unit.map { [$0] } ?? UnitTree(units).roots.map(\.kode)
        for root in roots {
            for p in try store.pegawai(inUnit: root, includeSubunits: true) where seen.insert(p.nip).inserted {
                result.append(p)
            }
        }
        return result
    }

    /// The export batch that records what `result` wrote to `file` (`-`: standard output):
    /// every export of records is one; only SIASN's shapes send (``NewExportBatch/marksSent``).
    /// Nil when nothing was written nor reported. Store it only once the file is complete and
    /// synced (``ExportTrackingStore/saveExportBatch(_:)``).
    public static func batch(
        _ kind: ExportKind, format: ExportFormat, file: String, selection: ExportSelection, result: Result
    ) -> NewExportBatch? {
        guard kind.recordKind != nil, result.rows > 0 || !result.deletions.isEmpty else { return nil }
        return NewExportBatch(
            kind: kind.rawValue, format: format.rawValue, file: file, unit: selection.unit, since: selection.since,
            pendingOnly: selection.pendingOnly, marksSent: kind.siasnShape != nil, records: result.versions,
            deletions: result.deletions.map(\.id))
    }

    static func records(_ stored: StoredEmployeeRecords) -> [(RecordID, Record)] {
        stored.pendidikan.map { (RecordID(kind: .pendidikan, id: $0.id), .pendidikan($0.value)) }
            + stored.diklat.map { (RecordID(kind: .diklat, id: $0.id), .diklat($0.value)) }
            + stored.skp.map { (RecordID(kind: .skp, id: $0.id), .skp($0.value)) }
            + stored.disiplin.map { (RecordID(kind: .disiplin, id: $0.id), .disiplin($0.value)) }
    }
}

/// An export that cannot start.
public enum ExportError: Error, Hashable, Sendable {
    case unknownUnit(String)

    public func message(_ language: Language) -> String {
        switch self {
        case .unknownUnit(let kode):
            return language == .id ? "Unit \(kode) tidak ada." : "No unit \(kode)."
        }
    }
}
