import IPASNCore

/// Messages of the fixes after the eighth user test's "not fixed" list (branch `ux9`).
extension L {
    /// Row 1 of a form opened on a rejected record: who rejected it, when, and why.
    static func rejectedFormLine(by: String, at: String, reason: String) -> Txt {
        Txt("✗ Ditolak \(by) \(at): \(reason)", "✗ Rejected by \(by) \(at): \(reason)")
    }
}
