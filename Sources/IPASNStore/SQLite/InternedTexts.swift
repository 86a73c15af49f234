/// A handful of distinct texts among many rows (an employee's jenjang, a cached score's
/// missing list), each kept once and referred to by its number: the packed per-employee
/// arrays of the full recompute hold the number, not a String.
struct InternedTexts {
    private var numbers: [String: Int32] = [:]
    private(set) var texts: [String] = []

    /// The number of `text`, given the next one the first time.
    mutating func number(_ text: String) -> Int32 {
        if let known = numbers[text] { return known }
        let next = Int32(texts.count)
        numbers[text] = next
        texts.append(text)
        return next
    }

    subscript(_ number: Int32) -> String { texts[Int(number)] }
}
