import Foundation
import IPASNCore
import IPASNReports
import IPASNStore

/// Many unit admins at once on one PostgreSQL database (issue 12, "100 simulated admins over
/// loopback"): each admin is an account of its own unit with its own database role, on its own
/// connection (its own `PostgresStore`, its own thread), saving a diklat for an employee of its
/// unit every few seconds (an interval drawn per save from a fixed seed); one more connection,
/// a pimpinan's, computes the dashboard's figures (``ProgressReport`` and ``UnitActivity``, what
/// the dashboard screen loads) in a loop. Afterwards every save must be in the database with
/// its audit row, and no call may have failed.
struct ConcurrentAdminsBench {
    /// Opens a store as a login over the connection the run measures (TCP loopback in the bench).
    let connect: @Sendable (_ login: String, _ context: StoreContext) throws -> any Store
    /// The database's operator store (sets the accounts up and counts afterwards).
    let operatorStore: any Store
    /// Makes `login` a database role in `ipasn_users` (the row-level security policies apply).
    let provision: (_ login: String) throws -> Void
    /// Counts, per admin login, its saved diklat and its insert audit rows.
    let count: (_ tag: String) throws -> (records: [String: Int], audits: [String: Int])

    struct Settings {
        var admins: Int
        var seconds: Double
        /// Each admin waits between `interval.lowerBound` and `interval.upperBound` seconds
        /// before each save.
        var interval: ClosedRange<Double>
    }

    struct Result {
        var admins = 0
        var seconds = 0.0
        var saves: [Double] = []
        var dashboardReads: [Double] = []
        var errors: [String] = []
    }

    /// Everything the threads report, under a lock.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var saves: [Double] = []
        private var reads: [Double] = []
        private var errors: [String] = []
        private var perAdmin: [String: Int] = [:]

        func saved(_ login: String, _ seconds: Double) {
            lock.withLock {
                saves.append(seconds)
                perAdmin[login, default: 0] += 1
            }
        }
        func read(_ seconds: Double) { lock.withLock { reads.append(seconds) } }
        func failed(_ message: String) { lock.withLock { errors.append(message) } }
        var snapshot: (saves: [Double], reads: [Double], errors: [String], perAdmin: [String: Int]) {
            lock.withLock { (saves, reads, errors, perAdmin) }
        }
    }

    /// One admin: its login, its unit and the employees it enters records for.
    struct Admin: Sendable {
        var login: String
        var unit: String
        var nips: [String]
    }

    /// Picks the admins' units (the units with the most active employees of their own, one
    /// admin each), creates their accounts and roles, runs them all for `settings.seconds`
    /// and checks the database afterwards. `tag` makes the logins and course names unique.
    func run(_ settings: Settings, tag: String) throws -> Result {
        let year = try operatorStore.measurementYear()
        let totals = try operatorStore.directUnitTotals(year: year)
        let units = totals.filter { $0.value.pegawai > 0 }
            .sorted { ($0.value.pegawai, $1.key) > ($1.value.pegawai, $0.key) }
            .prefix(settings.admins).map(\.key)
        guard !units.isEmpty else { throw BenchError("no unit with active employees for the simulated admins") }
        var admins: [Admin] = []
        for (index, unit) in units.enumerated() {
            let login = String(format: "bench-%@-admin-%03d", tag, index + 1)
            let nips = try operatorStore.pegawai(inUnit: unit, includeSubunits: false).filter(\.aktif).map(\.nip)
            try operatorStore.saveAccount(Account(login: login, role: .admin, units: [unit]))
            try provision(login)
            admins.append(Admin(login: login, unit: unit, nips: Array(nips.prefix(20))))
        }
        let reader = "bench-\(tag)-pimpinan"
        try operatorStore.saveAccount(Account(login: reader, role: .pimpinan))
        try provision(reader)

        let collector = Collector()
        let group = DispatchGroup()
        let start = Clock.now()
        let deadline = start + UInt64(settings.seconds * 1e9)
        let connect = self.connect
        for (index, admin) in admins.enumerated() {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                Self.admin(
                    admin, number: index, year: year, tag: tag, interval: settings.interval, deadline: deadline,
                    connect: connect, collector: collector)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.enter()
        Thread {
            defer { group.leave() }
            Self.dashboard(reader, deadline: deadline, connect: connect, collector: collector)
        }.start()
        group.wait()

        let seen = collector.snapshot
        var result = Result(
            admins: admins.count, seconds: Clock.seconds(since: start), saves: seen.saves, dashboardReads: seen.reads,
            errors: seen.errors)
        // Every save is there, with its audit row; nothing else was written under the tag.
        let stored = try count(tag)
        for admin in admins {
            let saved = seen.perAdmin[admin.login] ?? 0
            let records = stored.records[admin.login] ?? 0
            let audits = stored.audits[admin.login] ?? 0
            if records != saved || audits != saved {
                result.errors.append(
                    "\(admin.login): \(saved) saves reported, \(records) records and \(audits) audit rows in the database")
            }
        }
        return result
    }

    /// The course name of an admin's `n`-th save; ``count`` reads the login back from it.
    static func courseName(tag: String, login: String, n: Int) -> String {
        "Bench \(tag) \(login) #\(n)"
    }

    private static func admin(
        _ admin: Admin, number: Int, year: Int, tag: String, interval: ClosedRange<Double>, deadline: UInt64,
        connect: (String, StoreContext) throws -> any Store, collector: Collector
    ) {
        var random = SplitMix(seed: UInt64(number + 1) &* 0x9E37_79B9_7F4A_7C15)
        let store: any Store
        do {
            store = try connect(admin.login, StoreContext(actor: admin.login))
        } catch {
            collector.failed("\(admin.login): cannot connect: \(error)")
            return
        }
        var n = 0
        while true {
            // The first save comes at a random point of the first interval (the admins do not
            // all press save together), then one every few seconds.
            let wait = n == 0 ? random.unit() * interval.upperBound : random.between(interval)
            let wake = Clock.now() + UInt64(wait * 1e9)
            if wake >= deadline { break }
            Thread.sleep(forTimeInterval: wait)
            n += 1
            let day = LocalDate(year: year, month: 1 + n % 12, day: 1 + n % 28)!
            let record = Record.diklat(
                Diklat(
                    nip: admin.nips[n % admin.nips.count], jenis: JenisDiklat.withID(3)!,
                    nama: courseName(tag: tag, login: admin.login, n: n), penyelenggara: "BPSDM",
                    tanggalMulai: day, tanggalSelesai: day, jp: 8))
            let started = Clock.now()
            do {
                _ = try store.add(record)
                collector.saved(admin.login, Clock.seconds(since: started))
            } catch {
                collector.failed("\(admin.login) save \(n): \(error)")
            }
        }
    }

    private static func dashboard(
        _ login: String, deadline: UInt64, connect: (String, StoreContext) throws -> any Store, collector: Collector
    ) {
        let context = StoreContext(actor: login)
        let store: any Store
        do {
            store = try connect(login, context)
        } catch {
            collector.failed("\(login): cannot connect: \(error)")
            return
        }
        while Clock.now() < deadline {
            let started = Clock.now()
            do {
                let year = try store.measurementYear()
                let progress = try ProgressReport.compute(store: store, year: year)
                _ = try UnitActivity.compute(store: store, now: context.now(), timeZone: context.timeZone)
                guard !progress.units.isEmpty else {
                    collector.failed("\(login): the dashboard figures are empty")
                    return
                }
                collector.read(Clock.seconds(since: started))
            } catch {
                collector.failed("\(login) dashboard: \(error)")
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) for the admins' waits.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func between(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }
}
