import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a report as XML (failing on any well-formedness error) and records what the tests
/// check: every attribute, the style sheet text, all character data, and element counts per
/// enclosing group class.
final class XHTMLScan: NSObject, XMLParserDelegate {
    private(set) var attributes: [(element: String, name: String, value: String)] = []
    private(set) var styleText = ""
    private(set) var scriptText = ""
    private(set) var texts: [String] = []
    private(set) var elementCounts: [String: Int] = [:]
    /// Counts of `element` inside a `<g class="…">`, keyed `class/element`.
    private(set) var inGroup: [String: Int] = [:]
    private(set) var error: Error?
    private var stack: [(name: String, className: String?)] = []

    static func parse(_ html: String) -> XHTMLScan {
        let scan = XHTMLScan()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = scan
        if !parser.parse() { scan.error = parser.parserError ?? NSError(domain: "XHTMLScan", code: 1) }
        return scan
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        for (k, v) in a { attributes.append((name, k, v)) }
        elementCounts[name, default: 0] += 1
        if let group = stack.last(where: { $0.name == "g" && $0.className != nil })?.className {
            inGroup["\(group)/\(name)", default: 0] += 1
        }
        stack.append((name, a["class"]))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { record(string) }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { record(String(decoding: block, as: UTF8.self)) }

    private func record(_ s: String) {
        switch stack.last?.name {
        case "style": styleText += s
        case "script": scriptText += s
        default: texts.append(s)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}
