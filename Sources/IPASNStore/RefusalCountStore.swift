import Foundation
import IPASNCore

/// How many records SIASN refused wait for a verifikator's verdict: the count on the first row
/// of the verifikator's queue ("N ditolak SIASN (S: saring)"), exact whatever the queue lists
/// (it lists 500 records at most), in one count statement on both engines.
public protocol RefusalCountStore {
    /// The refusals in force (``SIASNRefusalStore/siasnRefusals(unit:)``) of records, not of
    /// deletions, of the employees of `unit` and its sub-units (every unit when nil), of `kind`
    /// when given, whose record waits for a verdict (no verification yet, or *belum* again
    /// after a correction): what the queue's `S` filter lists.
    func waitingRefusalCount(unit: String?, kind: RecordKind?) throws -> Int
}
