import Foundation
import IPASNCore

/// A column of NIPs pasted from Excel or a letter's attendance list, read leniently:
/// one or more NIPs per line (cells split by tab, `;` or `,`), spaces inside a NIP
/// (`19860926 201505 1 001`), Excel's leading apostrophe and quotes tolerated. A first line
/// naming the column (`NIP`, `NIP Baru`) is a header, not a problem. Other text that holds
/// no NIP is kept as unreadable, so nothing pasted is dropped silently.
struct PastedNIPs: Hashable, Sendable {
    /// The NIPs in the order pasted, each once.
    var nips: [String] = []
    /// Lines (trimmed) that hold no NIP, in the order pasted.
    var unreadable: [String] = []

    init(_ text: String) {
        var seen = Set<String>()
        let lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            let raw = line.split { $0 == "\t" || $0 == ";" || $0 == "," }
            let found = raw.map(Self.clean).filter(Self.looksLikeNIP)
            if found.isEmpty {
                let trimmed = raw.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
                let header = index == 0 && trimmed.lowercased().contains("nip")
                if !trimmed.isEmpty, !header { unreadable.append(trimmed) }
                continue
            }
            for nip in found where seen.insert(nip).inserted { nips.append(nip) }
        }
    }

    /// A cell without spaces, quotes and Excel's text apostrophe.
    static func clean(_ cell: Substring) -> String {
        var text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        while let first = text.first, first == "'" || first == "\"" || first == "’" { text.removeFirst() }
        while let last = text.last, last == "\"" { text.removeLast() }
        return NIP.normalize(text.trimmingCharacters(in: .whitespaces))
    }

    /// Digits only, as long as a NIP (18) or close to it: a shorter or longer number is
    /// still taken as a NIP and then reported as unknown, rather than ignored.
    static func looksLikeNIP(_ text: String) -> Bool {
        text.count >= 9 && text.count <= 21 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
