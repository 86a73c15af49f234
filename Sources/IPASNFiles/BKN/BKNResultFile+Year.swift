import Foundation

extension BKNResultFile {
    /// The measurement year the file says it is for, or nil when it does not say (or says
    /// two different years). PIP ASN's download names it in a title line ("Periode Pengukuran:
    /// 2024"); a title with "periode", "tahun", "period" or "year" and one plausible year
    /// (2000 to 2099) counts. Without such a line, one year in the file's name ("ip-asn-2024.xlsx").
    /// A download date ("Tanggal Unduh: 05-02-2025") is not a measurement year and is passed over.
    public var statedYear: Int? {
        let keywords = ["periode", "tahun", "period", "year"]
        var fromTitles = Set<Int>()
        for line in titleLines {
            let lower = line.lowercased()
            guard keywords.contains(where: { lower.contains($0) }), !lower.contains("tanggal"), !lower.contains("date") else { continue }
            fromTitles.formUnion(Self.years(in: line))
        }
        if !fromTitles.isEmpty { return fromTitles.count == 1 ? fromTitles.first : nil }
        let fromName = Set(Self.years(in: (path as NSString).lastPathComponent))
        return fromName.count == 1 ? fromName.first : nil
    }

    /// The year the file states when it is not `year` (the year it is compared with).
    public func statedYear(otherThan year: Int) -> Int? {
        guard let stated = statedYear, stated != year else { return nil }
        return stated
    }

    /// The four-digit runs 2000...2099 of `text` that stand alone (not part of a longer number).
    static func years(in text: String) -> [Int] {
        var found: [Int] = []
        var digits = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            if digits.count == 4, let value = Int(digits), (2000...2099).contains(value) { found.append(value) }
            digits = ""
        }
        return found
    }
}
