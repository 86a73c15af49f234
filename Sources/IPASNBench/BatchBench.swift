import Foundation
import IPASNCore
import IPASNStore

/// 3d. One event for many participants saved at once (`Store.addBatch`, the workstation's
/// bulk entry): 60 active employees of the largest unit get one sosialisasi, in one
/// transaction with 60 audit rows and 60 score refreshes. Each run uses a new course name.
public struct BatchBench: Sendable {
    public let database: String
    public let participants: Int

    public init(database: String, participants: Int = 60) {
        self.database = database
        self.participants = participants
    }

    public struct Result: Sendable {
        /// Seconds per batch save.
        public var saves: [Double] = []
        public var participants = 0
        public var unit = ""
    }

    /// Saves `runs` batches and checks each wrote one record per participant.
    public func run(runs: Int, tag: String) throws -> Result {
        // The database's operator (the OS login that set it up) lets the bench's login enter
        // for any unit (participants may come from several units), permission check included.
        let setup = try SQLiteStore(path: database, context: StoreContext(actor: StoreContext.currentUser()))
        try setup.saveAccount(Account(login: "bench-batch-\(tag)", role: .operator))
        let store = try SQLiteStore(path: database, context: StoreContext(actor: "bench-batch-\(tag)"))
        let year = try store.measurementYear()
        let totals = try store.directUnitTotals(year: year)
        guard let unit = totals.max(by: { ($0.value.pegawai, $1.key) < ($1.value.pegawai, $0.key) })?.key else {
            throw BenchError("no unit with active employees in \(database)")
        }
        var people = Array(try store.pegawai(inUnit: unit, includeSubunits: false).filter(\.aktif).prefix(participants))
        var from = unit
        if people.count < participants {
            // A small database (the quick bench): the first active employees of the province.
            people = Array(try store.scores(year: year, unit: nil).map(\.pegawai).prefix(participants))
            from = "(several units)"
        }
        guard people.count == participants else {
            throw BenchError("only \(people.count) active employees (\(participants) needed)")
        }
        var result = Result(participants: people.count, unit: from)
        for run in 0..<max(1, runs) {
            let name = "Sosialisasi Bench \(tag) \(run + 1)"
            let records = people.map { p in
                Record.diklat(
                    Diklat(
                        nip: p.nip, jenis: JenisDiklat.withID(7)!, nama: name, penyelenggara: "BKPSDM",
                        tanggalMulai: LocalDate(year: year, month: 1, day: 2)!, tanggalSelesai: LocalDate(year: year, month: 1, day: 2)!,
                        jp: 3))
            }
            let start = Clock.now()
            let saved = try store.addBatch(records, label: name)
            result.saves.append(Clock.seconds(since: start))
            guard saved.ids.count == participants, saved.scores.count == participants else {
                throw BenchError("a batch of \(participants) wrote \(saved.ids.count) records")
            }
        }
        return result
    }
}
