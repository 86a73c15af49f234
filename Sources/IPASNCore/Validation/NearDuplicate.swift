import Foundation

/// Courses that are probably one course entered twice under two spellings: the same
/// employee, jenis, start and end date, and a name that differs only by case, spacing,
/// punctuation or accents, by one word more or less, or by a small typing slip (an edit
/// distance of 1, or 2 for names of 20 characters and more). Exact repeats (same
/// ``DuplicateKey``) are duplicates, not near-duplicates.
///
/// Pure: the form, the bulk review and the import ask it about records they already hold.
public enum NearDuplicate {
    /// The first course of `existing` that `course` resembles (same NIP, jenis and dates,
    /// similar name, not an exact duplicate), or nil.
    public static func firstSimilar(to course: Diklat, in existing: [Diklat]) -> Diklat? {
        let key = DuplicateKey.of(.diklat(course))
        return existing.first { other in
            other.nip == course.nip && other.jenis.id == course.jenis.id && other.tanggalMulai == course.tanggalMulai
                && other.tanggalSelesai == course.tanggalSelesai && DuplicateKey.of(.diklat(other)) != key
                && similarNames(other.nama, course.nama)
        }
    }

    /// Whether two course names are one name written two ways.
    public static func similarNames(_ a: String, _ b: String) -> Bool {
        similar(Name(a), Name(b))
    }

    /// A course name with what the comparison needs computed once: an import compares one
    /// incoming name with up to 64 stored courses, so it prepares the incoming name once
    /// (``Name/init(_:)``) instead of once per stored course.
    public struct Name: Sendable {
        /// The name as typed.
        public let text: String
        /// ``DuplicateKey/normalizedName(_:)`` of it: equal means an exact repeat.
        public let normalized: String
        let words: [String]
        let numbers: [String]
        let joined: String
        let spaced: [Character]
        let count: Int

        public init(_ text: String) {
            self.text = text
            normalized = DuplicateKey.normalizedName(text)
            words = NearDuplicate.words(text)
            numbers = NearDuplicate.numbers(words)
            joined = words.joined()
            spaced = Array(words.joined(separator: " "))
            count = text.count
        }
    }

    /// Whether two prepared names are one name written two ways (``similarNames(_:_:)``).
    public static func similar(_ x: Name, _ y: Name) -> Bool {
        if x.words.isEmpty || y.words.isEmpty { return false }
        if x.words == y.words { return true }
        // Numbers tell courses apart: "Angkatan 1" and "Angkatan 2", "Kursus 10" and "Kursus 110".
        if x.numbers != y.numbers { return false }
        if x.joined == y.joined { return true }  // "e-learning" and "elearning"
        if oneWordApart(x.words, y.words) { return true }
        let limit = min(x.count, y.count) >= 20 ? 2 : 1
        return editDistance(x.spaced, y.spaced, limit: limit) <= limit
    }

    /// Similar and not an exact repeat (same normalized name: that is the duplicate check's):
    /// what the import warns about. `incoming` is prepared once per imported row.
    public static func nearDuplicate(_ stored: String, of incoming: Name) -> Bool {
        let other = Name(stored)
        return other.normalized != incoming.normalized && similar(other, incoming)
    }

    /// The numbers among the words, in order (`["angkatan", "ii", "2024"]` gives `["2024"]`).
    static func numbers(_ words: [String]) -> [String] {
        words.flatMap { word in word.split { !$0.isNumber }.map(String.init) }
    }

    /// Lowercase words without accents and punctuation.
    static func words(_ text: String) -> [String] {
        // ASCII fast path (nearly every course name): for ASCII, folding case and accents is
        // lowercasing and a letter or number is [A-Za-z0-9], so one pass over the bytes gives
        // the words of the Foundation path below without its cost (the import compares each
        // row with up to 64 stored courses of the same dates). `wordsFolded` is the plain path;
        // a test pins the two together.
        if let ascii = asciiWords(text) { return ascii }
        return wordsFolded(text)
    }

    static func asciiWords(_ text: String) -> [String]? {
        var result: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            default:
                if !word.isEmpty {
                    result.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { result.append(String(decoding: word, as: UTF8.self)) }
        return result
    }

    static func wordsFolded(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let cleaned = String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " })
        return cleaned.split(separator: " ").map(String.init)
    }

    /// One list is the other with exactly one word added somewhere (and the shorter keeps
    /// at least two words, so "Bimtek" alone does not resemble every "Bimtek X").
    static func oneWordApart(_ x: [String], _ y: [String]) -> Bool {
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        guard long.count == short.count + 1, short.count >= 2 else { return false }
        for skip in long.indices {
            var rest = long
            rest.remove(at: skip)
            if rest == short { return true }
        }
        return false
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var best = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
