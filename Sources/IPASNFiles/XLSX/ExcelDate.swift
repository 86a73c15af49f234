import IPASNCore

/// Excel's serial day numbers, as stored in .xlsx cells that carry a date format.
///
/// In the 1900 system (the default) serial 1 is 1900-01-01 and Excel keeps Lotus 1-2-3's bug
/// of a 29 February 1900 (serial 60) that never existed: from serial 61 (1900-03-01) on,
/// serial N is N days after 1899-12-30. In the 1904 system (old Mac workbooks) serial 0 is
/// 1904-01-01. A time of day is the fraction, and is dropped.
public enum ExcelDate {
    /// The date of `serial`, or nil for serial 60 in the 1900 system (the day that never was),
    /// a serial below 1 (a bare time) or one after 9999-12-31.
    public static func date(serial: Double, date1904: Bool = false) -> LocalDate? {
        guard serial.isFinite, serial < 3_000_000 else { return nil }
        let day = Int(serial.rounded(.down))
        if date1904 {
            guard day >= 0 else { return nil }
            return LocalDate.fromDayNumber(dayNumber(year: 1904, month: 1, day: 1) + day)
        }
        guard day >= 1, day != 60 else { return nil }
        let base = day < 60 ? dayNumber(year: 1899, month: 12, day: 31) : dayNumber(year: 1899, month: 12, day: 30)
        return LocalDate.fromDayNumber(base + day)
    }

    /// The 1900-system serial of a date (what Excel stores for it), for writing and tests.
    public static func serial(of date: LocalDate) -> Int {
        let days = dayNumber(year: date.year, month: date.month, day: date.day)
        let march1900 = dayNumber(year: 1900, month: 3, day: 1)
        return days >= march1900
            ? days - dayNumber(year: 1899, month: 12, day: 30) : days - dayNumber(year: 1899, month: 12, day: 31)
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar (a continuous count).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }
}

extension LocalDate {
    /// The inverse of ``ExcelDate/dayNumber(year:month:day:)``.
    static func fromDayNumber(_ number: Int) -> LocalDate? {
        let era = (number >= 0 ? number : number - 146_096) / 146_097
        let doe = number - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return LocalDate(year: year, month: month, day: day)
    }
}
