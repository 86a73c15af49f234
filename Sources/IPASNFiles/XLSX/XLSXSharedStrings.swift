import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `xl/sharedStrings.xml`: the table text cells point into (`t="s"`), rich text runs joined
/// and phonetic hints (`rPh`) left out.
final class XLSXSharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0

    init(package: XLSXPackage) throws {
        super.init()
        try package.parse("xl/sharedStrings.xml", with: self)
    }

    subscript(index: Int) -> String? { strings.indices.contains(index) ? strings[index] : nil }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
}
