extension NIPKey {
    /// The NIP's text: a ``numericKey(_:)`` written back with its digits, leading zeros
    /// included ("007" stays "007"), or the text itself.
    package var text: String {
        switch self {
        case .number(let key): return ImportEmployees.nip(numericKey: key)
        case .text(let text): return text
        }
    }
}
