import CityweaveCore
import CityweaveShared
import Vapor

/// An offer or a request as a line of a page: its terms in the reader's words.
package struct AidPostRow: Encodable {
    package var post: AidPostDTO
    package var kind: String
    package var status: String
    package var resourceName: String
    /// The quantity in the resource's unit: "600 masks".
    package var amount: String
    package var when: String
    package var abroad: String
    package var quantity: String
    package var free: String
    package var transport: String
    package var page: String
    package var withdrawAction: String

    /// The post as `request`'s reader reads it; its contact only for people with an account.
    package init(_ post: AidPost, request: Request) {
        self.post = AidPostDTO(post, showsContact: AidQueries.showsContact(request))
        let text = { (message: Message) in request.text(message) }
        kind = text(post.kind.label)
        status = text(post.status.label)
        resourceName = text(post.resource.label)
        amount = text(AidUnit.amount(post.quantity, in: post.resource.unit))
        quantity = request.text(count: post.quantity)
        free = request.text(count: post.free)
        transport = text(post.transportPaidBy.label)
        page = request.localized(post.kind.pagePath(post.id ?? 0))
        withdrawAction = request.localized(post.kind.withdrawPath(post.id ?? 0))
        switch post.kind {
        case .offer:
            when = text(
                Message(
                    "aid.post-row.window", "{from} to {until}",
                    ["from": .day(written: post.availableFrom), "until": .day(written: post.availableUntil)]))
            abroad = text(
                post.crossesBorders
                    ? Message("aid.post-row.ships-abroad", "ships abroad")
                    : Message("aid.post-row.within-its-country", "within its country only"))
        case .request:
            when = text(
                Message(
                    "aid.post-row.needed-by", "by {day} ({urgency})",
                    ["day": .day(written: post.neededBy), "urgency": .message((post.urgency ?? .medium).word)]))
            abroad = text(
                post.crossesBorders
                    ? Message("aid.post-row.accepts-from-abroad", "accepts help from abroad")
                    : Message("aid.post-row.from-within-its-country", "from within its country only"))
        }
    }
}
