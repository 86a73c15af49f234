import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The ZIP container of an .xlsx file (through ZIPFoundation) and its small XML parts.
final class XLSXPackage {
    let path: String
    private let archive: Archive

    init(path: String) throws {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXError.notAWorkbook(path: path)
        }
        guard archive["xl/workbook.xml"] != nil else { throw XLSXError.notAWorkbook(path: path) }
    }

    func has(_ part: String) -> Bool { archive[part] != nil }

    /// A whole part in memory (for the small parts: workbook, relationships, styles, strings).
    func data(_ part: String) throws -> Data? {
        guard let entry = archive[part] else { return nil }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        _ = try archive.extract(entry, skipCRC32: false) { chunk in data.append(chunk) }
        return data
    }

    /// Unpacks a part into a file (a worksheet, read back as a stream).
    func extract(_ part: String, to url: URL) throws {
        guard let entry = archive[part] else { throw XLSXError.notAWorkbook(path: path) }
        _ = try archive.extract(entry, to: url)
    }

    /// Runs `delegate` over a part; nil when the part is absent.
    func parse(_ part: String, with delegate: XMLParserDelegate) throws {
        guard let data = try data(part) else { return }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw XLSXError.malformed(part: part, detail: parser.parserError.map { "\($0)" } ?? "XML")
        }
    }
}

/// `xl/workbook.xml` and its relationships: the sheets in order, with their parts.
final class XLSXWorkbook: NSObject, XMLParserDelegate {
    struct Sheet {
        var name: String
        var relationship: String
        var part = ""
    }

    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false
    private var targets: [String: String] = [:]

    init(package: XLSXPackage) throws {
        super.init()
        try package.parse("xl/workbook.xml", with: self)
        try package.parse("xl/_rels/workbook.xml.rels", with: self)
        for index in sheets.indices {
            guard let target = targets[sheets[index].relationship] else { continue }
            sheets[index].part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        sheets.removeAll { $0.part.isEmpty || !package.has($0.part) }
        if sheets.isEmpty { throw XLSXError.notAWorkbook(path: package.path) }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "sheet":
            let relationship = attributes.first { localName($0.key) == "id" && $0.key.contains(":") }?.value
            if let name = attributes["name"], let relationship { sheets.append(Sheet(name: name, relationship: relationship)) }
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            date1904 = value == "1" || value == "true"
        case "Relationship":
            if let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        default:
            break
        }
    }
}

/// The element name without a namespace prefix (`x:row` → `row`).
func localName(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}
