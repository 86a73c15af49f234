/// One line of progress for long work on a terminal (an import, the demo sample, a
/// recompute): what is done, how fast, how long is left.
///
/// `diklat.csv [####------]  42%  412,300 rows  45.9/109.1 MB  11.5 MB/s  ~6 s left`
///
/// Pure formatting: the caller gives the clock's readings (``startedAt`` and `now`, in
/// seconds on any monotonic clock), so a line is the same for the same inputs. When the
/// fraction done is unknown (no total), a spinner and the time so far take the bar's place.
/// The line never reaches the last column (no wrap): parts are dropped from the right, and
/// the label is shortened, to fit ``width``.
public struct ProgressBar: Sendable {
    /// The words and number style of one language.
    public struct Words: Sendable, Hashable {
        public var rows: String
        public var perSecond: String
        public var leftPrefix: String
        public var leftSuffix: String
        public var hours: String
        public var minutes: String
        public var seconds: String
        public var decimalSeparator: Character
        public var groupingSeparator: Character

        public static let en = Words(
            rows: "rows", perSecond: "/s", leftPrefix: "~", leftSuffix: " left", hours: "h", minutes: "min",
            seconds: "s", decimalSeparator: ".", groupingSeparator: ",")
        public static let id = Words(
            rows: "baris", perSecond: "/dtk", leftPrefix: "sisa ~", leftSuffix: "", hours: "j", minutes: "mnt",
            seconds: "dtk", decimalSeparator: ",", groupingSeparator: ".")
    }

    /// What is being done (a file name, "demo: diklat").
    public var label: String
    public var words: Words
    /// The clock's reading when the work began.
    public var startedAt: Double
    /// The terminal's columns.
    public var width: Int
    /// What a count counts (default: the language's "rows").
    public var noun: String

    public init(label: String, words: Words = .en, startedAt: Double, width: Int = 80, noun: String? = nil) {
        self.label = label
        self.words = words
        self.startedAt = startedAt
        self.width = width
        self.noun = noun ?? words.rows
    }

    /// The line at `now`: `count` things done (of `total`), `bytes` of `totalBytes` read. The
    /// fraction done comes from the bytes when both are known, else from the count.
    public func line(count: Int? = nil, total: Int? = nil, bytes: Int? = nil, totalBytes: Int? = nil, at now: Double)
        -> String
    {
        let elapsed = max(0, now - startedAt)
        var fraction: Double?
        if let bytes, let totalBytes, totalBytes > 0 {
            fraction = Double(bytes) / Double(totalBytes)
        } else if let count, let total, total > 0 {
            fraction = Double(count) / Double(total)
        }
        fraction = fraction.map { min(1, max(0, $0)) }

        var parts: [String] = []
        if let fraction { parts.append(percent(fraction)) }
        if let count { parts.append(group(count) + (total.map { "/" + group($0) } ?? "") + " " + noun) }
        if let bytes { parts.append(megabytes(bytes) + (totalBytes.map { "/" + megabytes($0) } ?? "") + " MB") }
        // A rate needs a moment of measuring to mean anything.
        if elapsed >= 0.5 {
            if let bytes {
                parts.append(decimal(Double(bytes) / 1_048_576 / elapsed) + " MB" + words.perSecond)
            } else if let count {
                parts.append(group(Int((Double(count) / elapsed).rounded())) + " " + noun + words.perSecond)
            }
        }
        if let fraction, fraction > 0, fraction < 1, elapsed >= 1 {
            let left = elapsed * (1 - fraction) / fraction
            parts.append(words.leftPrefix + duration(left.rounded(.up)) + words.leftSuffix)
        } else {
            parts.append(duration(elapsed))
        }

        let available = max(1, width - 1)
        let spinner = fraction == nil ? String(Self.spinner[Int(elapsed * 4) % Self.spinner.count]) : nil
        // What does not fit goes: first the bar (the percentage says the same), then the parts
        // before the last from the right (the rate, the megabytes, the count); the time stays.
        var kept = parts
        func text(bar: Int) -> String {
            var head = label
            if let spinner { head += " " + spinner }
            if bar > 0, let fraction { head += " [" + barCells(fraction, bar) + "]" }
            return ([head] + kept).joined(separator: "  ")
        }
        let fixed = DisplayWidth.width(of: text(bar: 0))
        // The bar takes what is left, between 10 and 30 cells.
        let room = available - fixed - 3
        if fraction != nil && room >= 10 { return text(bar: min(30, room)) }
        while DisplayWidth.width(of: text(bar: 0)) > available && kept.count > 1 {
            kept.remove(at: kept.count - 2)
        }
        return DisplayWidth.truncate(text(bar: 0), toWidth: available)
    }

    static let spinner: [Character] = ["|", "/", "-", "\\"]

    private func barCells(_ fraction: Double, _ cells: Int) -> String {
        let full = Int((fraction * Double(cells)).rounded(.down))
        return String(repeating: "#", count: full) + String(repeating: "-", count: cells - full)
    }

    private func percent(_ fraction: Double) -> String {
        // 99% until it is all done: a rounded-up 100% while work is left would be a lie.
        let value = fraction >= 1 ? 100 : min(99, Int((fraction * 100).rounded(.down)))
        return "\(value)%"
    }

    /// `1234567` → `1,234,567` (or `1.234.567`).
    public func group(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(words.groupingSeparator) }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// One decimal: `12.3` (or `12,3`).
    public func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return group(tenths / 10) + String(words.decimalSeparator) + String(tenths % 10)
    }

    private func megabytes(_ bytes: Int) -> String { decimal(Double(bytes) / 1_048_576) }

    /// `42 s`, `3 min 05 s`, `1 h 02 min` (or `42 dtk`, `3 mnt 05 dtk`, `1 j 02 mnt`), in
    /// whole seconds.
    public func duration(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if total < 60 { return "\(total) \(words.seconds)" }
        if total < 3600 { return "\(total / 60) \(words.minutes) \(two(total % 60)) \(words.seconds)" }
        return "\(total / 3600) \(words.hours) \(two(total % 3600 / 60)) \(words.minutes)"
    }
}
