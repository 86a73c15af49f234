import Foundation
import IPASNTerminal
import Testing

@Suite struct ProgressBarTests {
    /// 45.9 of 109.1 MB after 4 s: 42%, 11.5 MB/s, 5.5 s left (shown as ~6 s).
    static let bytes = 48_128_000
    static let totalBytes = 114_400_000

    @Test func aCSVImportAtEightyColumns() {
        let bar = ProgressBar(label: "diklat.csv", words: .en, startedAt: 100, width: 80)
        let line = bar.line(count: 412_300, bytes: Self.bytes, totalBytes: Self.totalBytes, at: 104)
        #expect(line == "diklat.csv [####------]  42%  412,300 rows  45.9/109.1 MB  11.5 MB/s  ~6 s left")
        #expect(line.count == 79)
        // A wider terminal gives the bar more cells (at most 30).
        let wide = ProgressBar(label: "diklat.csv", words: .en, startedAt: 100, width: 200)
            .line(count: 412_300, bytes: Self.bytes, totalBytes: Self.totalBytes, at: 104)
        #expect(wide == "diklat.csv [############------------------]  42%  412,300 rows  45.9/109.1 MB  11.5 MB/s  ~6 s left")
    }

    @Test func indonesianWordsAndNumbersDropTheBarFirst() {
        let bar = ProgressBar(label: "diklat.csv", words: .id, startedAt: 100, width: 80)
        #expect(
            bar.line(count: 412_300, bytes: Self.bytes, totalBytes: Self.totalBytes, at: 104)
                == "diklat.csv  42%  412.300 baris  45,9/109,1 MB  11,5 MB/dtk  sisa ~6 dtk")
    }

    @Test func aNarrowTerminalKeepsThePercentageAndTheTimeLeft() {
        let bar = ProgressBar(label: "diklat.csv", words: .en, startedAt: 100, width: 40)
        #expect(bar.line(count: 412_300, bytes: Self.bytes, totalBytes: Self.totalBytes, at: 104) == "diklat.csv  42%  ~6 s left")
        let tiny = ProgressBar(label: "a-very-long-file-name-for-diklat.csv", words: .en, startedAt: 100, width: 20)
        #expect(tiny.line(count: 1, bytes: 1, totalBytes: 2, at: 104) == "a-very-long-file-n…")
    }

    @Test func withoutATotalASpinnerAndTheTimeSoFar() {
        let bar = ProgressBar(label: "pegawai.xlsx", words: .en, startedAt: 0, width: 80)
        // 2.6 s: spinner frame 10 % 4 = 2; 1,500 rows / 2.6 s = 577 rows/s.
        #expect(bar.line(count: 1_500, at: 2.6) == "pegawai.xlsx -  1,500 rows  577 rows/s  3 s")
        // No count at all (a store at work): the spinner and the time.
        #expect(bar.line(at: 75.3) == "pegawai.xlsx /  1 min 15 s")
        // A count of a known total: the fraction comes from the count.
        let pegawai = ProgressBar(label: "demo: pegawai", words: .en, startedAt: 0, width: 80, noun: "pegawai")
        #expect(pegawai.line(count: 250, total: 1_000, at: 2) == "demo: pegawai [###----------]  25%  250/1,000 pegawai  125 pegawai/s  ~6 s left")
    }

    @Test func noRateBeforeHalfASecondAndNoTimeLeftWhenDone() {
        let bar = ProgressBar(label: "x.csv", words: .en, startedAt: 10, width: 80)
        #expect(bar.line(count: 10, bytes: 100, totalBytes: 1_000, at: 10.2) == "x.csv [###---------------------------]  10%  10 rows  0.0/0.0 MB  0 s")
        // All read: 100% (never rounded up before), the time taken.
        #expect(bar.line(count: 10, bytes: 1_000, totalBytes: 1_000, at: 18).hasSuffix("100%  10 rows  0.0/0.0 MB  0.0 MB/s  8 s"))
        #expect(bar.line(count: 10, bytes: 999, totalBytes: 1_000, at: 18).contains(" 99% "))
    }

    @Test func durations() {
        let en = ProgressBar(label: "", words: .en, startedAt: 0)
        let id = ProgressBar(label: "", words: .id, startedAt: 0)
        #expect(en.duration(0.4) == "0 s")
        #expect(en.duration(59.4) == "59 s")
        #expect(en.duration(75) == "1 min 15 s")
        #expect(en.duration(605) == "10 min 05 s")
        #expect(en.duration(3_725) == "1 h 02 min")
        #expect(id.duration(75) == "1 mnt 15 dtk")
        #expect(id.duration(3_725) == "1 j 02 mnt")
        #expect(en.group(1_234_567) == "1,234,567")
        #expect(id.group(1_234_567) == "1.234.567")
        #expect(id.decimal(12.34) == "12,3")
    }
}

/// A clock the test moves by hand, and the text written.
private final class Harness: @unchecked Sendable {
    private let lock = NSLock()
    private var time = 0.0
    private var written: [String] = []

    var now: Double {
        lock.lock()
        defer { lock.unlock() }
        return time
    }
    func advance(_ seconds: Double) {
        lock.lock()
        time += seconds
        lock.unlock()
    }
    func write(_ text: String) {
        lock.lock()
        written.append(text)
        lock.unlock()
    }
    func take() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let out = written
        written = []
        return out
    }

    func reporter(label: String = "f.csv") -> ProgressReporter {
        ProgressReporter(
            bar: ProgressBar(label: label, words: .en, startedAt: 0, width: 80), interval: 0.1, delay: 0.3,
            clock: { self.now }, write: { self.write($0) })
    }
}

@Suite struct ProgressReporterTests {
    @Test func quietAtFirstThenThrottledThenErased() {
        let h = Harness()
        let reporter = h.reporter()
        reporter.update(count: 10)
        h.advance(0.25)
        reporter.update(count: 20)
        #expect(h.take().isEmpty)  // nothing in the first 0.3 s
        h.advance(0.25)
        reporter.update(count: 40)
        // 0.5 s in: spinner frame 2, 40 rows at 80 rows/s.
        #expect(h.take() == ["\rf.csv -  40 rows  80 rows/s  1 s\u{1B}[K"])
        h.advance(0.0625)
        reporter.update(count: 50)
        #expect(h.take().isEmpty)  // 1/16 s after the last drawing
        h.advance(0.0625)
        reporter.tick()
        #expect(h.take() == ["\rf.csv -  50 rows  80 rows/s  1 s\u{1B}[K"])
        reporter.finish()
        #expect(h.take() == ["\r\u{1B}[K"])
        reporter.finish()
        #expect(h.take().isEmpty)
    }

    @Test func aPhaseIsDrawnAtOnceWithItsOwnClock() {
        let h = Harness()
        let reporter = h.reporter()
        h.advance(1)
        reporter.update(count: 1_000, bytes: 500, totalBytes: 1_000)
        #expect(h.take().count == 1)
        h.advance(0.01)
        reporter.phase("f.csv: saving")
        #expect(h.take() == ["\rf.csv: saving |  0 s\u{1B}[K"])
        h.advance(12)
        #expect(reporter.currentLine == "f.csv: saving |  12 s")
    }

    @Test func aQuickJobWritesNothing() {
        let h = Harness()
        let reporter = h.reporter()
        reporter.update(count: 1)
        h.advance(0.1)
        reporter.phase("f.csv: saving")
        h.advance(0.1)
        reporter.finish()
        #expect(h.take().isEmpty)
    }
}
