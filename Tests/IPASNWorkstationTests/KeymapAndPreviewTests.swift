import Foundation
import IPASNCore
import IPASNStore
import IPASNTerminal
import IPASNTestSupport
import Testing
@testable import IPASNWorkstation

@Suite struct KeymapTests {
    @Test func everyCommandHasAKeyAndNoKeyIsBoundTwiceInAContext() {
        let keymap = Keymap.standard
        for command in Command.allCases {
            #expect(!keymap.keys(for: command).isEmpty, "\(command) has a key")
        }
        for context in KeyContext.allCases {
            var seen: [Key: Command] = [:]
            for binding in keymap.bindings where binding.applies(in: context) {
                for key in binding.keys {
                    #expect(seen[key] == nil || seen[key] == binding.command, "\(key) bound twice in \(context)")
                    seen[key] = binding.command
                }
            }
        }
    }

    @Test func lettersNeverBecomeCommandsInForms() {
        #expect(Keymap.standard.command(for: .char("q"), in: .form) == nil)
        #expect(Keymap.standard.command(for: .char("q"), in: .units) == .quit)
        #expect(Keymap.standard.command(for: .ctrl("s"), in: .form) == .save)
        #expect(Keymap.standard.command(for: .function(10), in: .form) == .quit)
    }

    @Test func everyFunctionKeyHasALetterOrCtrlAlternative() {
        for binding in Keymap.standard.bindings where binding.keys.contains(where: { if case .function = $0 { return true } else { return false } }) {
            #expect(binding.keys.contains { if case .function = $0 { return false } else { return true } }, "\(binding.command)")
        }
    }

    /// Set IPASN_WRITE_DOCS=1 to regenerate docs/keyboard.md from the keymap.
    @Test func keyboardDocMatchesTheKeymap() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keyboard.md")
        let generated = KeymapDoc.markdown()
        if ProcessInfo.processInfo.environment["IPASN_WRITE_DOCS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        #expect(onDisk == generated, "docs/keyboard.md is stale: run the tests with IPASN_WRITE_DOCS=1")
        for command in Command.allCases { #expect(onDisk.contains("`\(command.id)`")) }
    }
}

@Suite struct PreviewTests {
    @Test func keystrokePreviewIsFastWithManyRecords() throws {
        // An employee with 60 records (a busy career) and a unit of 50,000: the preview never touches the store.
        let pegawai = Pegawai(nip: ayuNIP, nama: "Ayu", kodeUnit: "U", jenisJabatan: .fungsional)
        var stored = StoredEmployeeRecords(pegawai: pegawai)
        for i in 0..<60 {
            stored.diklat.append(StoredRecord(id: Int64(i), value: Diklat(nip: ayuNIP, jenis: JenisDiklat.withID(4 + i % 20)!, nama: "K\(i)", tanggalMulai: day("2020-01-01"), tanggalSelesai: day("2020-01-02"), jp: 4)))
        }
        var totals = ScoreTotals()
        totals.pegawai = 50_000
        totals.kinerja = 1_250_000
        let preview = LivePreview(engine: ScoringEngine(), year: 2024, records: stored, editing: nil, unitTotals: totals)
        var form = RecordForm.make(kind: .diklat, nip: ayuNIP, ruleset: .bkn2019, year: 2024)
        form.restore(["jenis": "Teknis", "nama": "X", "tanggal_mulai": "01-03-2024", "tanggal_selesai": "05-03-2024"])
        let parser = RecordParser(today: TestClock.today)
        var times: [Double] = []
        for jp in 1...300 {
            form.fields[6].text = String(jp)
            // Best of 3 per keystroke: the cost of the work, not of other tests sharing the cores.
            var best = Double.infinity
            var outcome: PreviewOutcome!
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                outcome = preview.outcome(for: form.previewRecord(parser))
                _ = outcome.lines(.id)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.append(best)
            #expect(outcome.after.kompetensi == (jp >= 20 ? 15 : 0))
        }
        times.sort()
        let p99 = times[Int(Double(times.count) * 0.99) - 1]
        #expect(p99 < 2.0, "p99 \(p99) ms")
    }

    @Test func editingExcludesTheOldRecord() {
        let pegawai = Pegawai(nip: ayuNIP, nama: "Ayu", kodeUnit: "U", jenisJabatan: .pelaksana)
        let old = Diklat(nip: ayuNIP, jenis: JenisDiklat.withID(3)!, nama: "T", tanggalMulai: day("2024-01-01"), tanggalSelesai: day("2024-01-02"), jp: 20)
        let stored = StoredEmployeeRecords(pegawai: pegawai, diklat: [StoredRecord(id: 7, value: old)])
        let preview = LivePreview(engine: ScoringEngine(), year: 2024, records: stored, editing: RecordID(kind: .diklat, id: 7), unitTotals: nil)
        var smaller = old
        smaller.jp = 10
        let outcome = preview.outcome(for: .diklat(smaller))
        #expect(outcome.before.kompetensi == 22.5)
        #expect(outcome.after.kompetensi == 0, "the edited record replaces the old one")
        #expect(outcome.lines(.id)[1].text.contains("22,5 -> 0 (-22,5)"))
    }
}
