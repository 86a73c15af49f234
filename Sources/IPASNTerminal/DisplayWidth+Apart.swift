/// Cutting a column of texts so that different texts stay different on screen.
extension DisplayWidth {
    /// Each text cut to `width` columns as ``truncate(_:toWidth:)`` does, except that a cut
    /// text that would look like another one (the same cut text, or another text that its cut
    /// begins with: "Asep Wibowo" beside "Asep Wibowo,…") keeps its end instead, the middle
    /// giving way: "Asep Wi…, S.Pd." beside "Asep Wibowo". Texts that fit are never changed;
    /// equal texts stay equal.
    public static func truncateApart(_ texts: [String], toWidth width: Int) -> [String] {
        let cut = texts.map { truncate($0, toWidth: width) }
        return texts.indices.map { index in
            let text = texts[index]
            guard cut[index] != text, width >= 5 else { return cut[index] }
            let head = String(cut[index].dropLast())  // what the plain cut keeps of the text
            let alike = texts.indices.contains { other in
                other != index && texts[other] != text && (cut[other] == cut[index] || head.hasPrefix(texts[other]))
            }
            return alike ? middleCut(text, toWidth: width) : cut[index]
        }
    }

    /// `text` with its middle replaced by `…`: its start, and its end up to half of `width`
    /// from a word's start when one begins there (a title after the name: `S.Pd.`).
    static func middleCut(_ text: String, toWidth width: Int) -> String {
        let tailBudget = max(2, (width - 1) / 2)
        var tail = ""
        for character in text.reversed() {
            if self.width(of: tail) + self.width(of: character) > tailBudget { break }
            tail.insert(character, at: tail.startIndex)
        }
        if let space = tail.lastIndex(of: " "), tail.index(after: space) < tail.endIndex {
            tail = String(tail[tail.index(after: space)...])
        }
        let used = self.width(of: tail)
        let headBudget = width - 1 - used
        var head = ""
        var headUsed = 0
        for character in text {
            let w = self.width(of: character)
            if headUsed + w > headBudget { break }
            headUsed += w
            head.append(character)
        }
        return head + String(ellipsis) + tail
    }
}
