import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

/// Choosing employees in a unit's list: Space, a run with `v`, `*`, the filter, pasted NIPs.
@Suite struct BulkSelectionTests {
    let sitiNIP = "199001012019032003"

    @Test func selectionModel() {
        let shown = ["a", "b", "c", "d", "e"]
        var s = EmployeeSelection()
        s.toggle("b")
        #expect(s.contains("b") && s.count == 1)
        s.toggle("b")
        #expect(s.isEmpty)
        // A run marked from its end back to its start.
        let started = s.markRange(at: "d", shown: shown)
        #expect(!started, "the first v only marks the start")
        #expect(s.count == 1 && s.anchor == "d")
        let ended = s.markRange(at: "b", shown: shown)
        #expect(ended)
        #expect(s.chosen == ["b", "c", "d"] && s.anchor == nil)
        s.toggleAll(shown: ["a", "b"])
        #expect(s.chosen == ["a", "b", "c", "d"])
        s.toggleAll(shown: ["a", "b"])
        #expect(s.chosen == ["c", "d"], "* again unchooses the shown rows only")
        // A start no longer shown (the filter changed): the second v starts anew.
        s.markRange(at: "e", shown: shown)
        let restarted = s.markRange(at: "a", shown: ["a", "b"])
        #expect(!restarted)
        #expect(s.anchor == "a")
        s.keep(only: ["c"])
        #expect(s.chosen == ["c"] && s.anchor == nil)
    }

    @Test func filterMatchesNameJabatanAndJenisIgnoringCaseAndAccents() {
        let ayu = Pegawai(nip: ayuNIP, nama: "Ni Ketut Ayu Lestari", kodeUnit: "U", jenisJabatan: .fungsional, jenjang: "Analis SDM Aparatur Ahli Muda")
        let elia = Pegawai(nip: budiNIP, nama: "Élia Putri", kodeUnit: "U", jenisJabatan: .pelaksana)
        func matches(_ text: String) -> [String] {
            let filter = EmployeeFilter(text: text)
            return [ayu, elia].filter(filter.matches).map(\.nama)
        }
        #expect(matches("") == ["Ni Ketut Ayu Lestari", "Élia Putri"])
        #expect(matches("analis") == ["Ni Ketut Ayu Lestari"], "jabatan (jenjang)")
        #expect(matches("PELAKSANA") == ["Élia Putri"], "jenis jabatan, any case")
        #expect(matches("elia") == ["Élia Putri"], "accents ignored")
        #expect(matches("ayu ahli") == ["Ni Ketut Ayu Lestari"], "every word must match somewhere")
        #expect(matches("ayu pelaksana").isEmpty)
        var lacking = EmployeeFilter()
        lacking.lacking = .init(name: "X", having: [ayuNIP], course: Diklat(nip: "", jenis: .fungsional, nama: "X", tanggalMulai: day("2024-01-01"), tanggalSelesai: day("2024-01-01"), jp: 1))
        #expect([ayu, elia].filter(lacking.matches).map(\.nama) == ["Élia Putri"])
    }

    @Test func pastedNIPsToleratesExcelHabits() {
        let pasted = PastedNIPs("NIP Baru\n'198609262015051001\n 19700101 200003 1 002 \r\n\"199001012019032003\"\tSiti Rahma\nhadir 12 orang\n198609262015051001\n\n")
        #expect(pasted.nips == [ayuNIP, budiNIP, sitiNIP], "apostrophe, spaces, quotes, a cell beside a name; the repeat taken once")
        #expect(pasted.unreadable == ["hadir 12 orang"], "the header is no problem, other text is")
        #expect(PastedNIPs("198609262015051001;199001012019032003,197001012000031002").nips.count == 3)
    }

    @Test func spaceRangeAllAndEscInTheEmployeeList() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)  // BKPSDM: Budi Santoso, Ni Ketut Ayu Lestari, Siti Rahma
            s.press(.toggleSelect)
            s.checkpoint { list in
                #expect(list.shows("1 dipilih"))
                #expect(list.line(containing: "Budi Santoso")?.hasPrefix("*") == true)
                #expect(list.selection?.contains("Ni Ketut Ayu") == true, "Space moves down to the next row")
                #expect(list.shows("* 1 pegawai dipilih"))
            }
            s.press(.selectRange)
            s.checkpoint { list in #expect(list.shows("Awal rentang ditandai")) }
            s.press(.moveDown, in: .employees)
            s.press(.selectRange)
            s.checkpoint { list in
                #expect(list.shows("3 dipilih"))
                #expect(list.line(containing: "Siti Rahma")?.hasPrefix("*") == true)
            }
            s.press(.selectAll)
            s.checkpoint { list in #expect(!list.shows("dipilih"), "* with everyone chosen unchooses them") }
            s.press(.selectAll)
            s.checkpoint { list in #expect(list.shows("3 dipilih")) }
            s.press(.back)
            s.checkpoint { list in
                #expect(list.shows("Pegawai — Badan Kepegawaian"), "Esc first lets go of the choice")
                #expect(!list.shows("dipilih"))
            }
            s.press(.back)
            s.checkpoint { units in #expect(units.shows("Unit Kerja")) }
        }
    }

    @Test func filterNarrowsTheListAndStarChoosesOnlyWhatIsShown() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.open, in: .units)
            s.press(.filter)
            s.enqueue(text: "pel")
            s.checkpoint { list in
                #expect(list.shows("Saring:"))
                #expect(list.shows("2 dari 3"))
                #expect(list.shows("Budi Santoso") && list.shows("Siti Rahma"))
                #expect(!list.shows("Ni Ketut Ayu"), "a fungsional is not a pelaksana")
            }
            s.enqueue(.enter)
            s.press(.selectAll)
            s.checkpoint { list in #expect(list.shows("2 dipilih")) }
            s.press(.back)  // clears the filter, keeps the choice
            s.checkpoint { list in
                #expect(list.shows("Ni Ketut Ayu"))
                #expect(list.shows("2 dipilih"))
                #expect(list.line(containing: "Ni Ketut Ayu")?.hasPrefix("*") == false)
            }
            s.press(.filter)
            s.enqueue(text: "analis")
            s.checkpoint { list in
                #expect(list.shows("1 dari 3"))
                #expect(list.shows("(2 tersembunyi oleh saringan)"), "chosen rows the filter hides are counted")
            }
            s.enqueue(.escape)  // Esc in the filter field clears it
            s.checkpoint { list in #expect(!list.shows("Saring:") && list.shows("Budi Santoso")) }
        }
    }

    @Test func pastedNIPsChooseEmployeesAndListTheRest() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.moveDown, in: .units)
            s.press(.open, in: .units)  // Bidang Pengembangan: Ayu and Siti
            s.enqueue(event: .paste("NIP\n'19900101 201903 2 003\n197001012000031002\n199912312020121001\nbukan nip\n"))
            s.checkpoint { list in
                #expect(list.shows("1 dipilih"))
                #expect(list.line(containing: "Siti Rahma")?.hasPrefix("*") == true)
                #expect(list.shows("3 tidak dipilih"))
                #expect(list.shows("19700101 200003 1 002: Budi Santoso, di luar unit ini (Badan Kepegawaian"))
                #expect(list.shows("19991231 202012 1 001: NIP tidak dikenal"))
                #expect(list.shows("\"bukan nip\": bukan NIP"))
                #expect(list.shows("1 NIP dari tempelan dipilih (total 1 dipilih). 3 tidak dapat dipilih"))
            }
            s.press(.moveDown, in: .employees)
            s.checkpoint { list in #expect(!list.shows("tidak dipilih"), "the list goes at the next key") }
        }
    }
}

/// Choosing in search results: employees of any unit, kept across searches.
@Suite struct BulkSearchSelectionTests {
    @Test func insChoosesAcrossSearchesAndF7OpensTheCourseForm() throws {
        let store = try makeStore()
        try run(store) { s in
            s.press(.search, in: .units)
            s.enqueue(text: "budi")
            s.press(.toggleSelect, in: .search)
            s.checkpoint { found in
                #expect(found.shows("1 dipilih"))
                #expect(found.line(containing: "Budi Santoso")?.hasPrefix("*") == true)
            }
            s.enqueue(.ctrl("u"))  // clears the query
            s.enqueue(text: "siti")
            s.press(.toggleSelect, in: .search)
            s.checkpoint { found in
                #expect(found.shows("2 dipilih"), "the choice survives a new search")
                #expect(!found.shows("Budi Santoso"))
            }
            s.press(.addDiklat, in: .search)
            s.checkpoint { form in
                #expect(form.shows("Tambah Diklat/Kursus — 2 peserta"))
                #expect(form.shows("Budi Santoso, Siti Rahma"), "Budi (BKPSDM) and Siti (its bidang)")
            }
        }
    }
}
