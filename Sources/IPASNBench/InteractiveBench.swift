import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNWorkstation

/// 3. The interactive path, through the real workstation code (`Workstation.run` on a
/// ``TimingScreen``, no terminal): keystrokes typed into the diklat form with the live
/// subtotal preview, saves ("simpan & tambah lagi": the record, its audit row, the
/// employee's score, the unit's figures in the preview), and opening the dashboard.
struct InteractiveBench {
    let database: String
    /// The employee the records are typed for.
    let nip: String
    /// Opens the store as a context's login; nil: the SQLite file `database` (the PostgreSQL
    /// rows open a server database, as the login's own role).
    var opener: ((StoreContext) throws -> any Store)? = nil
    /// The round trips a store has made so far (PostgreSQL): each save's are then counted.
    var roundTrips: ((any Store) -> Int)? = nil
    /// Called with the admin's store once it is open (a PostgreSQL harness sets its round-trip observer).
    var opened: ((any Store) -> Void)? = nil
    /// Counters read before and after each event (``TimingScreen/probe``; the PostgreSQL
    /// rows: ``SaveSchedule/sample(backend:)``), given the admin's store.
    var probe: ((any Store) -> [UInt64])? = nil
    /// ``TimingScreen/observer`` for the run, given the admin's store.
    var observer: ((any Store, StepKind, Bool) -> Void)? = nil

    func open(_ context: StoreContext) throws -> any Store {
        if let opener { return try opener(context) }
        return try SQLiteStore(path: database, context: context)
    }

    struct Result {
        var typing: [Double] = []
        var saves: [Double] = []
        /// CPU seconds (user + system) of each save, the same spans as `saves`.
        var saveCPU: [Double] = []
        /// Round trips to the server of each save (with ``InteractiveBench/roundTrips`` only).
        var saveRoundTrips: [Int] = []
        /// ``probe``'s differences over each save (empty without a probe).
        var saveProbes: [[UInt64]] = []
        /// When each save began and ended (``Clock/now()``): the spans of `saves`.
        var saveSpans: [(start: UInt64, end: UInt64)] = []
        var dashboard: [Double] = []
        var keystrokes = 0
        var savedRecords = 0
    }

    /// Types at least `keystrokes` keys and `minimumSaves` records (whole records, each
    /// saved) and opens the dashboard
    /// `dashboardOpens` times; `tag` keeps the course names unique across runs.
    func run(keystrokes: Int, minimumSaves: Int = 1, dashboardOpens: Int, tag: String) throws -> Result {
        // The saves are a unit admin's, so their timings include the permission check an
        // admin's save pays (the admin's units and sub-units, read in the save's transaction).
        let setup = try open(StoreContext(actor: StoreContext.currentUser()))
        guard let pegawai = try setup.pegawai(nip: nip) else { throw BenchError("no employee \(nip) in \(database)") }
        try setup.saveAccount(Account(login: "bench-\(tag)", role: .admin, units: [pegawai.kodeUnit]))
        let store = try open(StoreContext(actor: "bench-\(tag)"))
        opened?(store)
        let year = try store.measurementYear()
        let before = try store.records(nip: nip)?.diklat.count ?? 0

        let screen = TimingScreen(size: Size(width: 80, height: 24))
        if let roundTrips { screen.counter = { roundTrips(store) } }
        if let probe { screen.probe = { probe(store) } }
        if let observer { screen.observer = { observer(store, $0, $1) } }
        screen.checkpoint { s in
            guard s.framesPresented == 1 else { throw BenchError("the workstation did not draw its first screen") }
        }
        // To the employee: search by NIP, open the page, open the diklat form.
        screen.key(.char("/"))
        screen.type(nip, .navigate)
        screen.key(.enter)
        screen.key(.char("k"))
        let name = String(pegawai.nama.prefix(12))
        screen.checkpoint { s in
            guard s.text.contains(name) else {
                throw BenchError("the diklat form for \(pegawai.nama) did not open; the screen shows:\n\(s.text)")
            }
        }
        // The first record sets the fields kept from one record to the next.
        var typed = 0
        var records = 0
        func type(_ text: String) {
            screen.type(text, .typing)
            typed += text.count
        }
        func key(_ k: Key) {
            screen.key(k, .typing)
            typed += 1
        }
        func record(first: Bool) {
            records += 1
            let number = String(format: "%05d", records)
            if first {
                type("Teknis")
                key(.tab)  // to Nama: Tingkat is visited only for a struktural course
            }
            type("Pelatihan Teknis Bench \(tag) \(number)x")
            key(.backspace)  // a typo, corrected
            key(.tab)
            if first { type("BPSDM Provinsi") }
            key(.tab)
            let day = 1 + (records % 27)
            let month = 1 + (records / 27) % 11
            type(String(format: "%02d-%02d-%04d", day, month, year))
            key(.tab)
            type(String(format: "%02d-%02d-%04d", day + 1, month, year))
            key(.tab)
            type(String(8 + records % 30))
            key(.tab)
            type("BENCH/\(tag)/\(number)")
            screen.key(.ctrl("n"), .save)  // simpan & tambah lagi
        }
        record(first: true)
        while typed < keystrokes || records < minimumSaves { record(first: false) }
        let saves = records
        screen.checkpoint { s in
            let after = try store.records(nip: nip)?.diklat.count ?? 0
            guard after == before + saves else {
                throw BenchError(
                    "\(saves) records were typed and saved, but the employee has \(after - before) new diklat; the screen shows:\n\(s.text)")
            }
        }
        // Back to the employee page, then the dashboard, again and again.
        screen.key(.escape)
        for _ in 0..<dashboardOpens {
            screen.key(.char("b"), .dashboard)
            screen.key(.escape)
        }
        screen.checkpoint { s in
            guard (s.latencies[.dashboard]?.count ?? 0) == dashboardOpens else {
                throw BenchError("the dashboard was not opened \(dashboardOpens) times")
            }
        }

        let workstation = try Workstation(
            store: store, screen: screen, language: .id, context: StoreContext(actor: "bench-\(tag)"))
        try workstation.run()
        if let error = screen.checkpointError { throw error }
        var result = Result()
        result.typing = screen.latencies[.typing] ?? []
        result.saves = screen.latencies[.save] ?? []
        result.saveCPU = screen.cpuTimes[.save] ?? []
        result.saveRoundTrips = screen.counts[.save] ?? []
        result.saveSpans = screen.spans[.save] ?? []
        result.saveProbes = screen.probes[.save] ?? []
        result.dashboard = screen.latencies[.dashboard] ?? []
        result.keystrokes = typed
        result.savedRecords = saves
        guard result.typing.count == typed, result.saves.count == saves else {
            throw BenchError(
                "timed \(result.typing.count) keystrokes and \(result.saves.count) saves; scripted \(typed) and \(saves)")
        }
        // The audit log holds one insert per save, by this actor.
        let audited = try store.auditLog(limit: saves + 10).filter { $0.actor == "bench-\(tag)" && $0.action == .insert }
        guard audited.count == saves else {
            throw BenchError("\(saves) saves but \(audited.count) audit rows")
        }
        return result
    }

    /// An employee of the database with an ordinary number of diklat (between 10 and 40),
    /// taken from the first ones in NIP order: the same choice on every run.
    static func pickEmployee(_ database: String) throws -> (nip: String, diklat: Int) {
        let out = try SQLiteShell.scalarRow(
            database,
            """
            SELECT p.nip, (SELECT COUNT(*) FROM diklat d WHERE d.nip = p.nip) AS n FROM pegawai p
            WHERE p.aktif = 1 AND n BETWEEN 10 AND 40 ORDER BY p.nip LIMIT 1
            """)
        guard out.count == 2, let n = Int(out[1]) else { throw BenchError("no employee with 10 to 40 diklat in \(database)") }
        return (out[0], n)
    }
}

extension SQLiteShell {
    /// The first row of `sql`, split on `|`.
    static func scalarRow(_ db: String, _ sql: String) throws -> [String] {
        let r = try ChildProcess.check("sqlite3", [db, sql])
        return r.stdout.split(separator: "\n").first.map { $0.split(separator: "|").map(String.init) } ?? []
    }
}
