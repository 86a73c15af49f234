import Foundation
import IPASNPostgres

/// Where each save of the PostgreSQL hand harness (`ipasn bench --only pgsave`) spent its
/// time (issue 12, branch pgsave3): the store's round trips, timed by the client
/// (``PGRoundTrip``, monotonic clock), placed inside each save's span (Ctrl-N to the next
/// frame, ``TimingScreen/spans``) and named by what they sent. The client's own work is the
/// span less its round trips. "The save" is the store's `add` alone (from the write lock's
/// round trip to the end of the one that carried its `COMMIT`; one round trip when the save
/// went in one, branch pgsave7); the span is what the admin
/// waits for (the save, clearing the draft, the page's reload and drawing the frame).
struct SavePhases {
    enum Phase: String, CaseIterable {
        case lock = "BEGIN + write lock"
        case reads = "save: (lock +) reads"
        case writes = "save: writes (+ COMMIT)"
        case oneTrip = "save: in one round trip"
        case commit = "save: COMMIT"
        case draft = "draft cleared"
        case page = "page reload (one read)"
        case records = "page: records"
        case verifications = "page: verification marks"
        case sent = "page: sent marks"
        case audit = "page: changes (audit rows)"
        case prepare = "PREPARE (first use)"
        case other = "other round trips"
    }

    /// Per save: seconds per phase (absent: no such round trip), the save alone, the whole span.
    struct Save {
        var phases: [Phase: Double] = [:]
        var roundTrips: [Phase: Int] = [:]
        var save: Double = 0
        var span: Double = 0
        var client: Double = 0
        var start: UInt64 = 0
        /// The round trips in order: phase and the first statement's first line.
        var sequence: [String] = []
    }

    var saves: [Save] = []

    /// What a round trip was, from its statements.
    static func phase(_ trip: PGRoundTrip) -> Phase {
        let all = trip.statements.joined(separator: "\n")
        if trip.statements.first?.hasPrefix("PREPARE ") == true { return .prepare }
        // The save's reads end with the new id's `nextval` (a two-exchange save's writes read
        // the next one-trip save's reserved id too, in another statement).
        let reads = trip.statements.contains { $0.hasPrefix("SELECT nextval(") }
        if all.contains("ipasn_one_trip_guard") && all.contains("INSERT INTO") { return .oneTrip }
        if all.contains("pg_try_advisory_xact_lock") && !reads { return .lock }
        if reads { return .reads }
        if all.contains("DELETE FROM drafts") { return .draft }
        if all.contains("INSERT INTO") { return .writes }
        if trip.statements == ["COMMIT"] { return .commit }
        if all.contains("JOIN verification v ON v.kind = ?") && all.contains("FROM pegawai WHERE nip") { return .page }
        if all.contains("FROM audit") { return .audit }
        if all.contains("unnest") { return .sent }
        if all.contains("JOIN verification v ON v.kind = ?") && all.contains("FROM pegawai WHERE nip") { return .page }
        if all.contains("JOIN verification v ON v.kind = ?") { return .verifications }
        if all.contains("FROM pegawai WHERE nip") { return .records }
        return .other
    }

    init(spans: [(start: UInt64, end: UInt64)], trips: [PGRoundTrip]) {
        var index = 0
        let trips = trips.sorted { $0.start < $1.start }
        for span in spans {
            var save = Save(span: Double(span.end &- span.start) / 1e9, start: span.start)
            while index < trips.count, trips[index].start < span.start { index += 1 }
            var inTrips = 0.0
            var saveStart: UInt64?
            var saveEnd: UInt64?
            while index < trips.count, trips[index].end <= span.end {
                let trip = trips[index]
                let phase = Self.phase(trip)
                save.phases[phase, default: 0] += trip.seconds
                save.roundTrips[phase, default: 0] += 1
                inTrips += trip.seconds
                if phase == .lock || phase == .reads || phase == .oneTrip, saveStart == nil { saveStart = trip.start }
                if saveEnd == nil, saveStart != nil,
                    phase == .commit || ((phase == .writes || phase == .oneTrip) && trip.statements.last == "COMMIT")
                {
                    saveEnd = trip.end
                }
                save.sequence.append(
                    phase.rawValue + " [" + trip.statements.map { String($0.prefix(40)).replacingOccurrences(of: "\n", with: " ") }
                        .joined(separator: " | ") + "]")
                index += 1
            }
            if let saveStart, let saveEnd { save.save = Double(saveEnd &- saveStart) / 1e9 }
            save.client = max(0, save.span - inTrips)
            saves.append(save)
        }
    }

    /// The table of the harness's summary: p50 / p99 per phase over all saves, and the mean
    /// per phase in the slowest 5% of the spans against the rest.
    func summary() -> String {
        guard !saves.isEmpty else { return "  phases: no saves timed" }
        func ms(_ v: Double) -> String { String(format: "%.3f", v * 1000) }
        let sorted = saves.sorted { $0.span < $1.span }
        let tail = max(1, sorted.count / 20)
        let slow = Array(sorted.suffix(tail))
        let rest = Array(sorted.dropLast(tail))
        func mean(_ list: [Save], _ value: (Save) -> Double) -> Double {
            list.isEmpty ? 0 : list.map(value).reduce(0, +) / Double(list.count)
        }
        var lines = ["  per phase (ms): p50 / p99 over \(saves.count) saves; mean in the slowest \(tail) spans vs the rest; round trips a save (median)"]
        func row(_ name: String, _ value: @escaping (Save) -> Double, trips: String) {
            let values = saves.map(value)
            lines.append(
                "    " + name.padding(toLength: 26, withPad: " ", startingAt: 0)
                    + " p50 \(ms(Stats.percentile(values, 50))) / p99 \(ms(Stats.percentile(values, 99)))"
                    + "   slowest \(ms(mean(slow, value))) vs \(ms(mean(rest, value)))" + trips)
        }
        for phase in Phase.allCases where saves.contains(where: { $0.phases[phase] != nil }) {
            let counts = saves.map { Double($0.roundTrips[phase] ?? 0) }
            row(phase.rawValue, { $0.phases[phase] ?? 0 }, trips: "   (\(Int(Stats.median(counts))) rt)")
        }
        row("client (span - round trips)", { $0.client }, trips: "")
        row("the save alone (add)", { $0.save }, trips: "")
        row("what the admin waits for", { $0.span }, trips: "")
        let first = saves.map(\.start).min() ?? 0
        lines.append(
            "  slowest spans (s into the run: span, commit, save alone): "
                + slow.reversed().map {
                    String(
                        format: "%.2f s: %@ / %@ / %@", Double($0.start &- first) / 1e9, ms($0.span),
                        ms($0.phases[.commit] ?? $0.phases[.writes] ?? $0.phases[.oneTrip] ?? 0), ms($0.save))
                }.joined(separator: "; "))
        if let median = sorted.dropFirst(sorted.count / 2).first {
            lines.append("  the median save's round trips, in order:")
            lines += median.sequence.map { "    " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
