import Foundation
import IPASNCore
import IPASNStore

/// An SKP sent to SIASN as 2023 and then moved to 2020 (branch ranking, the pending lists):
/// on ``SmallProvince``, Andi (ROOT) SKP 2024 Baik, Budi (SUB) SKP 2023 Baik, Citra (SUB) SKP
/// 2024 Sangat Baik are all sent in SIASN batch #1; then Budi's is edited to 2020 (SIASN keeps
/// the 2023 it got; never pending again) and Andi gets an S-1 not yet sent. By hand:
/// - pending: ROOT 1 (Andi's pendidikan), SUB nothing;
/// - SKP held by SIASN: Budi's, SUB, batch 1; per unit (sub-units folded) ROOT 1, SUB 1;
/// - so the units listed: ROOT (something to send) and SUB (only the held SKP).
public enum PendingHeldScenario {
    /// The three SKP and nothing else (to send with ``send(_:)`` or `ipasn export siasn-skp --pending`).
    public static func seedRecords(_ store: any Store) throws {
        try SmallProvince.seed(store)
        try store.add(.skp(SKP(nip: SmallProvince.nipA, tahun: 2024, predikat: .baik)))
        try store.add(.skp(SKP(nip: SmallProvince.nipB, tahun: 2023, predikat: .baik)))
        try store.add(.skp(SKP(nip: SmallProvince.nipC, tahun: 2024, predikat: .sangatBaik)))
    }

    /// Sends every pending SKP in one SIASN batch (#1 on a fresh database).
    public static func send(_ store: any Store) throws {
        try store.saveExportBatch(StoreConformance.siasnBatch(try StoreConformance.sendableSKP(store)))
    }

    /// After the batch: Budi's SKP moved to 2020, Andi's S-1 added.
    public static func moveAndAdd(_ store: any Store) throws {
        let budi = try StoreConformance.skpID(store, SmallProvince.nipB, 2023)
        try store.update(budi, to: .skp(SKP(nip: SmallProvince.nipB, tahun: 2020, predikat: .baik)))
        try store.add(.pendidikan(Pendidikan(nip: SmallProvince.nipA, tingkat: .s1, tanggalLulus: TestClock.date("2010-08-30"))))
    }

    /// The whole scenario through the store.
    public static func seed(_ store: any Store) throws {
        try seedRecords(store)
        try send(store)
        try moveAndAdd(store)
    }

    /// The units of the whole database's pending report as `kode depth pending held`: with
    /// the held SKP (`rowsWithHeld`, what JSON, CSV and xlsx list) and with something to send
    /// (`rows`, the table and the screen).
    public static let listed = ["ROOT 0 1 1", "SUB 1 0 1"]
    public static let sending = ["ROOT 0 1 1"]
}
