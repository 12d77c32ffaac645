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
            text += "  <key id=\"\(XMLText.escaped(key.id))\" for=\"\(key.domain.rawValue)\" "
            text += "attr.name=\"\(XMLText.escaped(key.name))\" attr.type=\"\(key.type.rawValue)\"/>\n"
        }
        text += "  <graph id=\"G\" edgedefault=\"undirected\">\n"
        for node in nodes {
            text += "    <node id=\"\(XMLText.escaped(node.id))\">"
            append(node.values, to: &text)
            text += "</node>\n"
        }
        for edge in edges {
            text += "    <edge source=\"\(XMLText.escaped(edge.source))\" target=\"\(XMLText.escaped(edge.target))\">"
            append(edge.values, to: &text)
            text += "</edge>\n"
        }
        text += "  </graph>\n</graphml>\n"
        return text
    }

    private static func append(_ values: Values, to text: inout String) {
        for (key, value) in values { text += "<data key=\"\(XMLText.escaped(key))\">\(XMLText.escaped(value))</data>" }
    }
}
