import Foundation
import GRDB
import IPASNCore

/// FAST PATH (issue 14, branch recompute3): the employees of the full recompute, numbered in
/// NIP order (0, 1, ...), with what scoring reads of them held packed.
///
/// Why: the recompute walked `pegawai` in NIP order through its primary-key index, a table
/// B-tree descent per employee (`sqlite3BtreeTableMoveto`, 5% of the recompute at 50,000): the
/// table's rows lie in the order they were imported, not in NIP order, so at 500,000 the walk
/// read a table page for most employees. Here the index is read alone (the NIP order as
/// rowids: the index holds the rowid, so no table lookup) and the table once in its own order,
/// each row placed at its NIP rank. The numbers are the record tables' employee numbers
/// (``EmployeeRuns``), and the cached scores' (``CachedScores``), so every table is read in
/// table order and the employees still come in NIP order (the score writes stay in key order).
struct RecomputeEmployees {
    /// The employees, numbered 0..<count in NIP order.
    let count: Int
    /// NIP -> number.
    private(set) var numbers: NIPNumbers
    private var nipBytes: ContiguousArray<UInt8> = []
    private var nipStart: ContiguousArray<Int32>
    private var nipLength: ContiguousArray<Int32>
    private var jabatan: ContiguousArray<UInt8>
    private var status: ContiguousArray<UInt8>
    /// The number of the text in ``jenjangTexts`` (a province has a handful of distinct jenjang).
    private var jenjang: ContiguousArray<Int32>
    private var jenjangTexts = InternedTexts()

    private static let jabatanCases = JenisJabatan.allCases
    private static let statusCases = StatusPegawai.allCases

    init(_ db: Database) throws {
        // The NIP order, as rowids: the primary key's index alone.
        var order: [Int64] = []
        let top = try CRow(db, sql: "SELECT max(rowid) - min(rowid) + 1 FROM pegawai")
        if try top.step(), !top.isNull(0) { order.reserveCapacity(Int(min(max(top.int(0), 0), 1 << 28))) }
        let byNIP = try CRow(db, sql: "SELECT rowid FROM pegawai ORDER BY nip")
        while try byNIP.step() { order.append(byNIP.int(0)) }
        count = order.count
        let rank = RowidRanks(order)
        order = []

        numbers = NIPNumbers(capacity: count)
        nipStart = ContiguousArray(repeating: 0, count: count)
        nipLength = nipStart
        jenjang = nipStart
        jabatan = ContiguousArray(repeating: 0, count: count)
        status = jabatan
        nipBytes.reserveCapacity(count * 18)
        // The table once in its own order, each row at its rank.
        let row = try CRow(db, sql: "SELECT rowid, nip, jenis_jabatan, jenjang, status FROM pegawai")
        while try row.step() {
            guard let number = rank[row.int(0)] else { continue }
            let index = Int(number)
            guard let j = JenisJabatan(rawValue: row.text(2)), let s = StatusPegawai(rawValue: row.text(4)) else {
                throw StoreError.corrupt("pegawai \(row.text(1)): jenis_jabatan or status")
            }
            jabatan[index] = UInt8(Self.jabatanCases.firstIndex(of: j)!)
            status[index] = UInt8(Self.statusCases.firstIndex(of: s)!)
            jenjang[index] = jenjangTexts.number(row.text(3))
            row.withText(1) { nip in
                nipStart[index] = Int32(nipBytes.count)
                nipLength[index] = Int32(nip.count)
                nipBytes.append(contentsOf: nip)
                numbers.set(nip, number)
            }
        }
    }

    /// Employee `number`'s NIP.
    func nip(_ number: Int32) -> String {
        let start = Int(nipStart[Int(number)])
        return nipBytes.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + Int(nipLength[Int(number)])]), as: UTF8.self)
        }
    }

    /// Employee `number` with what scoring reads (name, unit and leaving data empty).
    func pegawai(_ number: Int32) -> Pegawai {
        let index = Int(number)
        return Pegawai(
            nip: nip(number), nama: "", kodeUnit: "", jenisJabatan: Self.jabatanCases[Int(jabatan[index])],
            jenjang: jenjangTexts[jenjang[index]], status: Self.statusCases[Int(status[index])])
    }
}

/// Rowid -> rank in a given order: an array over the rowid span when the rowids are dense
/// (as a table's are unless most of its rows were deleted), else a dictionary.
private struct RowidRanks {
    private var low: Int64 = 0
    private var dense: ContiguousArray<Int32> = []
    private var sparse: [Int64: Int32] = [:]

    init(_ order: [Int64]) {
        guard let low = order.min(), let high = order.max() else { return }
        if high - low < Int64(order.count) * 4 + 1024 {
            self.low = low
            dense = ContiguousArray(repeating: -1, count: Int(high - low + 1))
            for (rank, rowid) in order.enumerated() { dense[Int(rowid - low)] = Int32(rank) }
        } else {
            sparse.reserveCapacity(order.count)
            for (rank, rowid) in order.enumerated() { sparse[rowid] = Int32(rank) }
        }
    }

    subscript(_ rowid: Int64) -> Int32? {
        if dense.isEmpty { return sparse[rowid] }
        let offset = rowid - low
        guard offset >= 0, offset < Int64(dense.count), dense[Int(offset)] >= 0 else { return nil }
        return dense[Int(offset)]
    }
}
