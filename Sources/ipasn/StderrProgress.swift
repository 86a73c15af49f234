import Foundation
import IPASNCore
import IPASNTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress bars of long commands (`import`, `demo`, `rules use`) on stderr: only when stderr
/// is a terminal and `--quiet` is not given, so scripts and pipes see nothing of them.
enum StderrProgress {
    /// A reporter drawing on stderr, or nil when there is to be no bar.
    static func reporter(label: String, language: Language, quiet: Bool, noun: String? = nil) -> ProgressReporter? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        let bar = ProgressBar(
            label: label, words: language == .id ? .id : .en, startedAt: 0, width: terminalWidth(), noun: noun)
        return ProgressReporter(bar: bar, clock: { monotonicSeconds() }, write: { Output.writeStderr($0) })
    }

    /// Columns of the terminal on stderr ($COLUMNS, else 80, when it cannot tell).
    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }

    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The label of the store's part of an import, once every row is read.
    static func savingLabel(_ file: String, _ language: Language) -> String {
        language == .id ? "\(file): menyimpan dan menghitung nilai" : "\(file): saving and scoring"
    }

    /// The label of a full recompute.
    static func recomputeLabel(pegawai: Int, _ language: Language) -> String {
        let count = ProgressBar(label: "", words: language == .id ? .id : .en, startedAt: 0).group(pegawai)
        return language == .id ? "menghitung ulang nilai \(count) pegawai" : "recomputing the scores of \(count) pegawai"
    }
}
