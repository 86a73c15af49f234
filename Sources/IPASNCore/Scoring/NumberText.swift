import Foundation

/// Numbers shown the way each language writes them: `85,5` in Indonesian, `85.5` in English.
public enum NumberText {
    /// A share as a whole percent, rounded DOWN so that 100 means every one of them (59 of 60
    /// is 98, 299 of 300 is 99, never 100): how completeness is shown everywhere, on the
    /// screens, in the CLI and in reports. Nil when there is nothing to count.
    public static func wholePercent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return part * 100 / whole
    }

    /// A point value: whole numbers without decimals, halves with one (`22,5`).
    public static func points(_ value: Double, _ language: Language) -> String {
        let rounded = (value * 10).rounded() / 10
        // Rulesets keep points within 0...1000 (RulesetFile.validate); anything else is
        // still written, never converted to an Int that cannot hold it.
        guard rounded.isFinite, abs(rounded) < 1e15 else { return "\(value)" }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        if let text = fixed(rounded, places: 1, language) { return text }
        let text = String(format: "%.1f", rounded)
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A count with thousands separators as the language writes them: `153.820` in
    /// Indonesian, `153,820` in English.
    public static func count(_ value: Int, _ language: Language) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(language == .id ? "." : ",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A value with a fixed number of decimals (`63,99`).
    public static func decimal(_ value: Double, _ language: Language, places: Int = 2) -> String {
        let rounded = round(value, places: places)
        if let text = fixed(rounded, places: places, language) { return text }
        let text = String(format: "%.\(places)f", rounded)
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// `value`, already rounded to `places` decimals, written with exactly `places` decimals
    /// and the language's separator: what `String(format: "%.Nf")` writes (then the comma),
    /// without Foundation's formatter, which every frame with figures called several times.
    /// Nil (the caller formats) beyond 1e12, for places outside 1...6, or for what is not finite.
    static func fixed(_ value: Double, places: Int, _ language: Language) -> String? {
        guard value.isFinite, abs(value) < 1e12, (1...6).contains(places) else { return nil }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let units = Int((abs(value) * Double(scale)).rounded())
        let digits = String(units % scale)
        let fraction = String(repeating: "0", count: places - digits.count) + digits
        return (value.sign == .minus ? "-" : "") + String(units / scale) + (language == .id ? "," : ".") + fraction
    }

    /// Rounds half away from zero to `places` decimals (the figure the reports print).
    public static func round(_ value: Double, places: Int = 2) -> Double {
        let factor = pow(10.0, Double(places))
        return (value * factor).rounded(.toNearestOrAwayFromZero) / factor
    }
}
