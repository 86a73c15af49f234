import Foundation

/// Numbers as the report prints them.
enum Fmt {
    static func seconds(_ s: Double) -> String {
        if s >= 10 { return String(format: "%.1f s", s) }
        if s >= 1 { return String(format: "%.2f s", s) }
        return ms(s)
    }

    static func ms(_ s: Double) -> String {
        let m = s * 1000
        if m >= 100 { return String(format: "%.0f ms", m) }
        if m >= 10 { return String(format: "%.1f ms", m) }
        if m >= 1 { return String(format: "%.2f ms", m) }
        return String(format: "%.3f ms", m)
    }

    static func mb(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func ratio(_ r: Double) -> String {
        String(format: "%.2fx", r)
    }

    static func count(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}
