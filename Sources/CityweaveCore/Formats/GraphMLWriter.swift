/// GraphML (http://graphml.graphdrawing.org), the graph format Gephi, yEd,
/// networkx and igraph read, with typed attributes declared as `<key>`s.
public enum GraphMLWriter {
    /// An attribute of nodes or of edges.
    public struct Key: Sendable, Equatable {
        public enum Domain: String, Sendable { case node, edge }
        /// GraphML's `attr.type`s that the landscape needs.
        public enum ValueType: String, Sendable { case string, int, long, double }

        public var id: String
        public var domain: Domain
        public var name: String
        public var type: ValueType

        public init(id: String, domain: Domain, name: String, type: ValueType) {
            self.id = id
            self.domain = domain
            self.name = name
            self.type = type
        }
    }

    /// A node or an edge's values, by key id, in the order given.
    public typealias Values = [(key: String, value: String)]

    /// The document of an undirected graph. Ids and values are escaped.
    public static func document(
        keys: [Key], nodes: some Sequence<(id: String, values: Values)>,
        edges: some Sequence<(source: String, target: String, values: Values)>
    ) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
            http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for key in keys {
            text += "  <key id=\"\(escaped(key.id))\" for=\"\(key.domain.rawValue)\" "
            text += "attr.name=\"\(escaped(key.name))\" attr.type=\"\(key.type.rawValue)\"/>\n"
        }
        text += "  <graph id=\"G\" edgedefault=\"undirected\">\n"
        for node in nodes {
            text += "    <node id=\"\(escaped(node.id))\">"
            append(node.values, to: &text)
            text += "</node>\n"
        }
        for edge in edges {
            text += "    <edge source=\"\(escaped(edge.source))\" target=\"\(escaped(edge.target))\">"
            append(edge.values, to: &text)
            text += "</edge>\n"
        }
        text += "  </graph>\n</graphml>\n"
        return text
    }

    private static func append(_ values: Values, to text: inout String) {
        for (key, value) in values { text += "<data key=\"\(escaped(key))\">\(escaped(value))</data>" }
    }

    /// Text safe in an attribute or an element. The five markup characters
    /// become entities. Tab, line feed and carriage return become character
    /// references, which a parser keeps where it would fold the characters
    /// themselves into spaces in an attribute. Other control characters
    /// (and U+FFFE, U+FFFF) are dropped: XML 1.0 cannot carry them at all.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
