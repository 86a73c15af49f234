/// The language of user-facing text: Bahasa Indonesia by default, English as an option.
public enum Language: String, CaseIterable, Sendable, Codable {
    case id
    case en
}
