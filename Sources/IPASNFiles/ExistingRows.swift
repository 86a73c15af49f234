import IPASNCore
import IPASNStore

/// What the database already holds of the rows of one file, read before the import, so that
/// re-importing a file (SIASN's own export of what it holds, or a file imported before) adds
/// only what is new: a record equal to a stored one (the same ``DuplicateKey``) and an
/// employee stored exactly so are passed over and counted as already present, not refused
/// as duplicates nor written twice.
public struct ExistingRows: Sendable {
    /// Duplicate keys of the stored records of the file's employees.
    var recordKeys: Set<String> = []
    /// The file's employees as stored.
    var pegawai: [String: Pegawai] = [:]
    /// With `exactly`: the stored records of the file's employees, whole. A row is then
    /// present only when it equals a stored record in every field (a corrected SKP predikat
    /// or a course's name written otherwise is not "already there").
    var records: Set<Record>?

    public init() {}

    /// Reads `rows` once for the NIPs it names and loads what `store` holds for them.
    /// `exactly`: a record row is present only when a stored record equals it in every
    /// field (the workstation's import), not merely has its ``DuplicateKey``.
    public init(rows: some ImportRowSource, store: any Store, exactly: Bool = false) throws {
        if exactly { records = [] }
        var rows = rows
        var nips = Set<String>()
        while let line = try rows.next() {
            switch line.value {
            case .record(let record): nips.insert(record.nip)
            case .pegawai(let p): nips.insert(p.nip)
            case .unit, .invalid: break
            }
        }
        for nip in nips.sorted() {
            if rows.kind == .pegawai {
                if let stored = try store.pegawai(nip: nip) { pegawai[nip] = stored }
            } else if let stored = try store.records(nip: nip)?.plain {
                let all: [Record] =
                    stored.pendidikan.map(Record.pendidikan) + stored.diklat.map(Record.diklat)
                    + stored.skp.map(Record.skp) + stored.disiplin.map(Record.disiplin)
                if exactly { records?.formUnion(all) } else { recordKeys.formUnion(all.map(DuplicateKey.of)) }
            }
        }
    }

    /// Whether nothing is stored for the file's rows (no --skip-existing, or none found): no
    /// row is passed over.
    var isEmpty: Bool { recordKeys.isEmpty && pegawai.isEmpty && records?.isEmpty != false }

    /// Whether the row is stored already, as it is.
    public func contains(_ row: ImportRow) -> Bool {
        switch row {
        // Without stored keys (no --skip-existing, or nothing stored) no key is built: every
        // row of a million-row import passes here.
        case .record(let record):
            if let records { return records.contains(record) }
            return !recordKeys.isEmpty && recordKeys.contains(DuplicateKey.of(record))
        case .pegawai(let p): return pegawai[p.nip] == p
        case .unit, .invalid: return false
        }
    }
}

/// An ``ImportRowSource`` that passes over the rows ``ExistingRows`` holds and keeps their
/// line numbers.
public struct SkippingExistingRowSource<Inner: ImportRowSource>: ImportRowSource {
    public var kind: ImportKind { inner.kind }
    var inner: Inner
    let existing: ExistingRows
    /// The lines passed over, in file order.
    public private(set) var skippedLines: [Int] = []

    public init(_ inner: Inner, existing: ExistingRows) {
        self.inner = inner
        self.existing = existing
    }

    public mutating func next() throws -> Line<ImportRow>? {
        // Nothing stored: each row passed on as it is, without a look (``ExistingRows/contains(_:)``
        // binds a record row's value, a copy of its strings: a million times on the writer's
        // thread of a first load).
        if existing.isEmpty { return try inner.next() }
        while let line = try inner.next() {
            if existing.contains(line.value) {
                skippedLines.append(line.number)
                continue
            }
            return line
        }
        return nil
    }
}
