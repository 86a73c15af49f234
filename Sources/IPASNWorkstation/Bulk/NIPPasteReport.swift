import IPASNCore

/// What a pasted column of NIPs did in an employee list: how many it chose, and each NIP
/// (or line) it could not choose, with the reason, so nothing pasted disappears unsaid.
struct NIPPasteReport: Hashable, Sendable {
    enum Problem: Hashable, Sendable {
        /// No employee has this NIP.
        case unknown(String)
        /// The employee exists but works in another unit (named).
        case outside(nip: String, nama: String, unit: String)
        /// A pasted line with no NIP in it.
        case unreadable(String)
    }

    var chosen = 0
    var unreadable: [String] = []
    var problems: [Problem] = []

    /// One line per problem, in the order pasted.
    func lines(_ language: Language) -> [String] {
        problems.map { problem in
            switch problem {
            case .unknown(let nip): return language.t(L.pasteUnknown(NIP.formatted(nip)))
            case .outside(let nip, let nama, let unit): return language.t(L.pasteOutside(NIP.formatted(nip), nama, unit))
            case .unreadable(let text): return language.t(L.pasteUnreadable(text))
            }
        }
    }
}
