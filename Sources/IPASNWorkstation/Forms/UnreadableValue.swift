import IPASNCore

/// The findings that mean the typed text cannot be read as a value at all (`13/11/26`,
/// `31-02-2026`, `24 JP`), as opposed to a readable value the rules do not accept (a date in
/// the future, an end before the start). A form keeps the cursor in a field whose text cannot
/// be read when the admin moves on (Tab, Enter), so that the correction typed next goes where
/// the message row points; Shift-Tab and Esc still leave it.
extension IssueCode {
    var isUnreadable: Bool {
        switch self {
        case .dateFormat, .dateTwoDigitYear, .dateNoSuchDay, .jpNotNumber:
            return true
        default:
            return false
        }
    }
}
