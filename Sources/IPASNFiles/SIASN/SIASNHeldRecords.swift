import IPASNCore
import IPASNStore

/// The records a file in one of SIASN's shapes shows SIASN holds (SIASN's own download, or a
/// file `ipasn export siasn-KIND` wrote and SIASN took), marked **sent** after its import, so
/// the next `export siasn-KIND --pending` does not send them back to SIASN as new records (user
/// test 9: a seminar imported from SIASN's download was exported to SIASN again, a duplicate
/// there).
///
/// A stored record counts as held when SIASN's shape writes it exactly as the file's row (every
/// field SIASN carries: ``SIASNShape/fields(_:)``), so a record corrected in ipasn after SIASN
/// got it (another JP, another predikat) stays pending. Only pending records are marked, in one
/// export batch of the shape's kind (file: the imported file), written after the import's own
/// transaction: the store refuses it for a role that may not mark those records sent (then the
/// records stay pending, as before, and the import stands).
public enum SIASNHeldRecords {
    /// Marks the pending records of `kind` that `rows` (the imported file, read again) shows
    /// SIASN holds; returns the batch stored, or nil when none was pending.
    public static func markSent(rows: some ImportRowSource, kind: ImportKind, path: String, store: any Store) throws
        -> ExportBatch?
    {
        guard let recordKind = kind.recordKind else { return nil }
        var rows = rows
        var held: [String: Set<[String]>] = [:]
        var shapes: [SIASNShape: Int] = [:]
        while let line = try rows.next() {
            guard case .record(let record) = line.value, record.kind == recordKind else { continue }
            for shape in SIASNShape.allCases where shape.recordKind == recordKind {
                guard let fields = shape.fields(record) else { continue }
                held[record.nip, default: []].insert([shape.rawValue] + fields)
                shapes[shape, default: 0] += 1
            }
        }
        guard !held.isEmpty else { return nil }
        let pending = try store.recordVersions(kind: recordKind, unit: nil, pendingOnly: true)
        guard !pending.isEmpty else { return nil }
        var marked: [RecordVersion] = []
        for nip in held.keys.sorted() {
            guard let stored = try store.records(nip: nip), let fileRows = held[nip] else { continue }
            for (id, record) in Exporter.records(stored) where id.kind == recordKind {
                guard let version = pending[id.id] else { continue }
                let sent = SIASNShape.allCases.contains { shape in
                    shape.fields(record).map { fileRows.contains([shape.rawValue] + $0) } ?? false
                }
                if sent { marked.append(RecordVersion(id: id, version: version)) }
            }
        }
        guard !marked.isEmpty, let shape = shapes.max(by: { $0.value < $1.value })?.key else { return nil }
        return try store.saveExportBatch(
            NewExportBatch(
                kind: "siasn-\(shape.rawValue)", format: "csv", file: path, unit: nil, since: nil, pendingOnly: false,
                marksSent: true, records: marked, deletions: []))
    }
}
