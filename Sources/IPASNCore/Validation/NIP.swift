/// The Nomor Induk Pegawai: parsing, validation and display.
///
/// - PNS: birth date `YYYYMMDD`, TMT CPNS `YYYYMM`, sex (1 male, 2 female), sequence 001-999.
/// - PPPK: birth date `YYYYMMDD`, year of appointment `YYYY`, the digit 2, a period digit 1-9,
///   sex, sequence.
public enum NIP {
    /// The NIP as typed, pasted or read from a file, made plain: spaces removed (admins paste
    /// it grouped: `19860926 201505 1 001`, or with a non-breaking space) and Excel's leading
    /// apostrophe ("this cell is text": `'197502151999052005`, also as a typographic `’`/`‘`)
    /// dropped. The one place every front end normalises a NIP.
    public static func normalize(_ text: String) -> String {
        if FastText.isDigits(text) { return text }
        var nip = Substring(text.filter { !$0.isWhitespace })
        while let first = nip.first, first == "'" || first == "\u{2019}" || first == "\u{2018}" { nip.removeFirst() }
        return String(nip)
    }

    /// Grouped for reading: `19860926 201505 1 001`.
    public static func formatted(_ nip: String) -> String {
        let digits = Array(normalize(nip))
        guard digits.count == 18 else { return nip }
        return String(digits[0..<8]) + " " + String(digits[8..<14]) + " " + String(digits[14]) + " "
            + String(digits[15..<18])
    }

    /// The birth date encoded in a NIP, when it is a real date.
    public static func birthDate(_ nip: String) -> LocalDate? {
        let digits = Array(normalize(nip))
        guard digits.count >= 8, let y = Int(String(digits[0..<4])), let m = Int(String(digits[4..<6])),
            let d = Int(String(digits[6..<8]))
        else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// Validates a NIP by the rule of its status. Errors refuse it; warnings (a birth date in
    /// the future, a TMT before the 18th birthday) only ask for a second look.
    public static func validate(_ text: String, status: StatusPegawai, today: LocalDate, field: String = "nip")
        -> [ValidationIssue]
    {
        let nip = normalize(text)
        if nip.isEmpty { return [ValidationIssue(field: field, code: .required)] }
        guard nip.allSatisfy(\.isASCIIDigit) else { return [ValidationIssue(field: field, code: .nipNotDigits)] }
        guard nip.count == 18 else { return [ValidationIssue(field: field, code: .nipLength(actual: nip.count))] }
        let d = Array(nip)
        func number(_ range: Range<Int>) -> Int { Int(String(d[range]))! }

        var issues: [ValidationIssue] = []
        let birth = birthDate(nip)
        if birth == nil { issues.append(ValidationIssue(field: field, code: .nipBirthDate)) }

        let tmtYear = number(8..<12)
        var tmt: LocalDate?
        switch status {
        case .pns:
            let month = number(12..<14)
            if (1...12).contains(month), (1900...9999).contains(tmtYear) {
                tmt = LocalDate(year: tmtYear, month: month, day: 1)
            } else {
                issues.append(ValidationIssue(field: field, code: .nipTMT))
            }
        case .pppk:
            if d[12] != "2" { issues.append(ValidationIssue(field: field, code: .nipPPPKMarker(d[12]))) }
            if d[13] == "0" { issues.append(ValidationIssue(field: field, code: .nipPPPKPeriod(d[13]))) }
            if (1900...9999).contains(tmtYear) {
                tmt = LocalDate(year: tmtYear, month: 1, day: 1)
            } else {
                issues.append(ValidationIssue(field: field, code: .nipTMT))
            }
        }
        if d[14] != "1" && d[14] != "2" { issues.append(ValidationIssue(field: field, code: .nipSex(d[14]))) }
        if number(15..<18) == 0 { issues.append(ValidationIssue(field: field, code: .nipSequence)) }
        guard issues.isEmpty else { return issues }

        if let birth, birth > today {
            issues.append(ValidationIssue(field: field, code: .nipBirthInFuture, severity: .warning))
        } else if let birth, let tmt {
            // PPPK gives only the year: compare with the end of the 18th birthday's year.
            let adult = birth.adding(years: 18)
            let tmtEnd = status == .pns ? tmt : LocalDate.endOfYear(tmt.year)
            let tmtMonthEnd = LocalDate(
                year: tmt.year, month: tmt.month, day: LocalDate.daysIn(month: tmt.month, year: tmt.year))!
            if (status == .pns ? tmtMonthEnd : tmtEnd) < adult {
                issues.append(ValidationIssue(field: field, code: .nipTMTBeforeAdult, severity: .warning))
            }
        }
        return issues
    }
}
