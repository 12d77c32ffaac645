import Foundation

/// An Atom feed (RFC 4287), written with every text escaped for XML.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        public var link: String
        public var published: Date
        public var updated: Date
        public var author: String
        public var summary: String
        public var language: String
        public var categories: [String]

        public init(
            id: String, title: String, link: String, published: Date, updated: Date, author: String, summary: String,
            language: String, categories: [String]
        ) {
            self.id = id
            self.title = title
            self.link = link
            self.published = published
            self.updated = updated
            self.author = author
            self.summary = summary
            self.language = language
            self.categories = categories
        }
    }

    public var id: String
    public var title: String
    public var selfLink: String
    public var alternateLink: String
    public var updated: Date
    public var entries: [Entry] = []

    public init(id: String, title: String, selfLink: String, alternateLink: String, updated: Date) {
        self.id = id
        self.title = title
        self.selfLink = selfLink
        self.alternateLink = alternateLink
        self.updated = updated
    }

    public var xml: String {
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom">"#,
            "  <id>\(XMLText.escaped(id))</id>",
            "  <title>\(XMLText.escaped(title))</title>",
            "  <updated>\(Self.timestamp(updated))</updated>",
            #"  <link rel="self" type="application/atom+xml" href="\#(XMLText.escaped(selfLink))"/>"#,
            #"  <link rel="alternate" type="text/html" href="\#(XMLText.escaped(alternateLink))"/>"#,
            "  <generator>Cityweave</generator>",
        ]
        for entry in entries {
            lines += [
                #"  <entry xml:lang="\#(XMLText.escaped(entry.language))">"#,
                "    <id>\(XMLText.escaped(entry.id))</id>",
                "    <title>\(XMLText.escaped(entry.title))</title>",
                #"    <link rel="alternate" type="text/html" href="\#(XMLText.escaped(entry.link))"/>"#,
                "    <published>\(Self.timestamp(entry.published))</published>",
                "    <updated>\(Self.timestamp(entry.updated))</updated>",
                "    <author><name>\(XMLText.escaped(entry.author))</name></author>",
                "    <summary>\(XMLText.escaped(entry.summary))</summary>",
            ]
            lines += entry.categories.map { #"    <category term="\#(XMLText.escaped($0))"/>"# }
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
