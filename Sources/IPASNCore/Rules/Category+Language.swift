/// Category names in the admin's language: the five BKN categories have English names; a
/// BKD's own category names (a custom ruleset) are shown as written.
extension Category {
    public func displayName(_ language: Language) -> String {
        Self.displayName(name, language)
    }

    public static func displayName(_ name: String, _ language: Language) -> String {
        guard language == .en else { return name }
        return english[name] ?? name
    }

    static let english: [String: String] = [
        "Sangat Tinggi": "Very High", "Tinggi": "High", "Sedang": "Medium", "Rendah": "Low",
        "Sangat Rendah": "Very Low",
    ]
}
