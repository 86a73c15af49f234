import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing

@testable import IPASNWorkstation

/// The verifikator's queue at 80x24: today's entries on top, when and by whom each came in,
/// and the filters (kind, since, who, unit) as named commands, with shown/matching/waiting counts.
@Suite struct QueueScreenTests {
    /// The fixture's five records (typed by "test" at TestClock.now), and Ani's two: one five
    /// days ago, one ten minutes after the fixture's.
    static func store() throws -> (SQLiteStore, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let path = dir.path("queue.sqlite")
        let store = try makeStore(path: path)
        try store.saveAccount(Account(login: "ani", role: .operator))
        let old = try SQLiteStore(path: path, context: TestClock.context(actor: "ani", at: TestClock.now.addingTimeInterval(-5 * 86_400)))
        try old.add(.diklat(Diklat(nip: budiNIP, jenis: JenisDiklat.withID(3)!, nama: "Pelatihan Lama", tanggalMulai: day("2024-02-01"), tanggalSelesai: day("2024-02-02"), jp: 16)))
        let fresh = try SQLiteStore(path: path, context: TestClock.context(actor: "ani", at: TestClock.now.addingTimeInterval(600)))
        try fresh.add(.diklat(Diklat(nip: "199001012019032003", jenis: JenisDiklat.withID(3)!, nama: "Bimtek Hari Ini", tanggalMulai: day("2024-06-03"), tanggalSelesai: day("2024-06-04"), jp: 16)))
        return (store, dir)
    }

    @Test func todaysEntriesComeFirstAndTheFiltersNarrowWithCounts() throws {
        let (store, dir) = try Self.store()
        defer { _ = dir }
        try run(store) { s in
            s.press(.verificationQueue, in: .units)
            s.checkpoint { queue in
                #expect(queue.shows("7 dari 7 data belum diverifikasi, terbaru di atas"))
                // Newest first: Ani's course of 09:10 today, with when and who.
                #expect(queue.selection?.contains("Siti Rahma") == true, "\(queue)")
                #expect(queue.selection?.contains("04-06-2024") == true)
                #expect(queue.shows("Bimtek Hari Ini"), "the selected record whole on the bottom line")
                #expect(queue.selection?.contains("10-01 09:10") == true)
                #expect(queue.selection?.contains("ani") == true)
                #expect(queue.line(containing: "02-02-2024")?.contains("05-01 09:00 ani") == true, "five days ago, at the bottom")
                #expect(queue.shows("Masuk") && queue.shows("Oleh"))
            }
            s.press(.queueSince)  // since yesterday
            s.checkpoint { queue in
                #expect(queue.shows("Saring: sejak kemarin"))
                #expect(queue.shows("6 dari 6 data yang cocok; 7 belum diverifikasi."))
                #expect(!queue.shows("02-02-2024"))
            }
            s.press(.queueBy)  // who entered the selected record: Ani
            s.checkpoint { queue in
                #expect(queue.shows("Saring: sejak kemarin · oleh ani"))
                #expect(queue.shows("1 dari 1 data yang cocok; 7 belum diverifikasi."))
                #expect(queue.selection?.contains("Siti Rahma") == true)
            }
            s.press(.queueClear)
            s.press(.queueKind)  // pendidikan only
            s.checkpoint { queue in
                #expect(queue.shows("Saring: Pendidikan"))
                #expect(queue.shows("2 dari 2 data yang cocok; 7 belum diverifikasi."))
                #expect(!queue.shows("Diklat:"))
            }
            s.press(.queueClear)
            s.press(.queueUnit)  // the unit of the selected row (Siti, BKPSDM.1)
            s.checkpoint { queue in
                #expect(queue.shows("Saring: unit BKPSDM.1"))
                #expect(queue.shows("5 dari 5 data yang cocok; 5 belum diverifikasi."))
                #expect(!queue.shows("Budi Santoso"))
            }
            s.press(.queueUnit)  // again: every unit
            s.checkpoint { queue in
                #expect(queue.shows("7 dari 7 data belum diverifikasi"))
            }
        }
    }

    @Test func everyQueueFilterIsANamedCommandOfTheVerificationContext() {
        let keymap = Keymap.standard
        for (command, key) in [(Command.queueKind, "j"), (.queueSince, "s"), (.queueBy, "o"), (.queueUnit, "f"), (.queueClear, "c")] {
            #expect(keymap.command(for: .char(Character(key)), in: .verification) == command)
        }
    }
}
