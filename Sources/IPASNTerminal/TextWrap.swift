/// Word wrapping by display width: long text shown whole over several rows instead of cut.
extension DisplayWidth {
    /// `text` broken into lines of at most `width` columns, at spaces where possible (a word
    /// wider than a line is split between characters; wide characters are never split).
    /// Existing line breaks are kept. A width of 0 or less gives no lines.
    public static func wrap(_ text: String, toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var piece = String(word)
                var pieceWidth = self.width(of: piece)
                if lineWidth > 0 && lineWidth + 1 + pieceWidth <= width {
                    line += " " + piece
                    lineWidth += 1 + pieceWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while pieceWidth > width {
                    var head = ""
                    var used = 0
                    var rest = Substring(piece)
                    while let c = rest.first, used + self.width(of: c) <= width {
                        head.append(c)
                        used += self.width(of: c)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty, let c = rest.first {  // a wide character in a 1-column line
                        head.append(c)
                        rest = rest.dropFirst()
                    }
                    lines.append(head)
                    piece = String(rest)
                    pieceWidth = self.width(of: piece)
                }
                line = piece
                lineWidth = pieceWidth
            }
            lines.append(line)
        }
        return lines
    }
}
