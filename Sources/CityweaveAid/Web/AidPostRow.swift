import CityweaveCore

/// An offer or a request as a line of a page: its terms in words.
package struct AidPostRow: Encodable {
    package var post: AidPostDTO
    package var when: String
    package var abroad: String
    package var quantity: String
    package var free: String
    package var transport: String
    package var page: String
    package var withdrawAction: String

    package init(_ post: AidPost, showsContact: Bool) {
        self.post = AidPostDTO(post, showsContact: showsContact)
        quantity = NumberText.count(post.quantity)
        free = NumberText.count(post.free)
        transport = post.transportPaidBy.label
        page = post.kind.pagePath(post.id ?? 0)
        withdrawAction = post.kind.withdrawPath(post.id ?? 0)
        switch post.kind {
        case .offer:
            when = "\(post.availableFrom ?? "") to \(post.availableUntil ?? "")"
            abroad = post.crossesBorders ? "ships abroad" : "within its country only"
        case .request:
            when = "by \(post.neededBy ?? "") (\(post.urgency?.rawValue ?? "medium"))"
            abroad = post.crossesBorders ? "accepts help from abroad" : "from within its country only"
        }
    }
}
