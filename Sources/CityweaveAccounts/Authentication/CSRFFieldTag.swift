import Leaf
import Vapor

/// `#csrfField()`: the hidden field that proves a form was sent from one of
/// Cityweave's pages (see ``CSRFProtection``). Every form that posts writes
/// it, so that no page has to carry the token itself.
package struct CSRFFieldTag: UnsafeUnescapedLeafTag {
    package init() {}

    package func render(_ context: LeafContext) throws -> LeafData {
        guard context.parameters.isEmpty, let request = context.request else {
            throw Abort(.internalServerError, reason: "#csrfField takes no parameter and needs the page's request")
        }
        // The token is base64url and needs no escaping; it is escaped all the same, as any output is.
        let token = request.csrfToken.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
        return .string(#"<input type="hidden" name="csrf_token" value="\#(token)">"#)
    }
}
