import CityweaveCore
import Leaf
import Vapor

/// `#markdown(text)`: the one way pages show user-written Markdown. The
/// text goes through `SafeMarkdown`, which keeps only harmless elements, so
/// its output may be inserted unescaped; no other tag may be used for user text.
package struct MarkdownTag: UnsafeUnescapedLeafTag {
    package init() {}

    package func render(_ context: LeafContext) throws -> LeafData {
        guard context.parameters.count == 1 else {
            throw Abort(.internalServerError, reason: "#markdown takes one parameter, the Markdown text")
        }
        let text = context.parameters[0].string ?? ""
        return .string(SafeMarkdown.html(from: text))
    }
}
