import Foundation
import IPASNCore
import IPASNStore

/// The one clock of every test target: 10 January 2025, 09:00 in Jakarta (02:00 UTC).
///
/// A weekday in January, after every date the tests type and early in the year, as when
/// admins finish entering the previous year (stores under test set their measurement year
/// to 2024 explicitly; the clock's own year is 2025). Tests never read the real clock: a
/// store gets ``context(actor:)``, a parser or validator gets ``today``.
public enum TestClock {
    /// The moment every test runs at.
    public static let now = Date(timeIntervalSince1970: 1_736_474_400)
    /// The tests' time zone (WIB).
    public static let timeZone = TimeZone(identifier: "Asia/Jakarta")!
    /// The calendar day of ``now`` in ``timeZone``.
    public static let today = LocalDate(year: 2025, month: 1, day: 10)!
    /// The year most fixtures measure (the year before ``today``'s).
    public static let measurementYear = 2024

    /// A store context at ``now`` for `actor`, in `session` (by default the actor's name, so
    /// that a test names the session it undoes in; never the process's own session).
    public static func context(actor: String = "test", session: String? = nil) -> StoreContext {
        StoreContext(actor: actor, session: session ?? actor, now: { now }, timeZone: timeZone)
    }

    /// A store context whose clock reads `moment` (for tests about time passing).
    public static func context(actor: String = "test", session: String? = nil, at moment: Date) -> StoreContext {
        StoreContext(actor: actor, session: session ?? actor, now: { moment }, timeZone: timeZone)
    }

    /// `"YYYY-MM-DD"` (or any form ``LocalDate/parse(_:)`` reads) as a date; traps on a typo.
    public static func date(_ text: String) -> LocalDate {
        guard let date = LocalDate.parse(text) else { preconditionFailure("not a date: \(text)") }
        return date
    }
}
