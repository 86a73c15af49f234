/// A1-style cell references (`A1`, `AB12`): the column letters and the row number.
public enum CellReference {
    /// The 0-based column of a reference (`A1` → 0, `Z9` → 25, `AB12` → 27), or nil.
    public static func column(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "$"):
                continue
            default:
                return letters > 0 && letters <= 3 ? column - 1 : nil
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters > 0 ? column - 1 : nil
    }

    /// The 1-based row of a reference (`AB12` → 12), or nil.
    public static func row(_ reference: String) -> Int? {
        let digits = reference.drop { !$0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// The letters of a 0-based column (0 → `A`, 27 → `AB`).
    public static func letters(_ column: Int) -> String {
        var number = column + 1
        var result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }
}
