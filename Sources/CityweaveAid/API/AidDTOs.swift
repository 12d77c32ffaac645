import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Vapor

package struct AidResourceDTO: Content, Equatable {
    package var code: String
    package var name: String
    package var unit: String
    package var category: AidCategory
    package var cluster: AidCluster

    package init(_ resource: AidResource) {
        code = resource.code
        name = resource.name
        unit = resource.unit
        category = resource.category
        cluster = resource.cluster
    }
}

/// A city as the aid pages and API name it.
package struct AidCityDTO: Content, Equatable {
    package var id: Int
    package var name: String
    package var countryCode: String

    package init(_ city: City) {
        id = city.id!
        name = city.name
        countryCode = city.$country.id
    }
}

/// An offer or a request with what is left of it.
package struct AidPostDTO: Content {
    package var id: Int
    package var kind: AidPostKind
    package var city: AidCityDTO
    package var resource: String
    package var resourceName: String
    package var unit: String
    package var quantity: Int
    /// Units held by allocations a city has accepted.
    package var allocated: Int
    /// Units a matching may still allocate.
    package var free: Int
    package var availableFrom: String?
    package var availableUntil: String?
    package var neededBy: String?
    package var urgency: AidUrgency?
    package var shipsAbroad: Bool?
    package var acceptsFromAbroad: Bool?
    package var maxDistanceKm: Double?
    package var transportPaidBy: TransportPayer
    package var conditions: String
    /// Shown to signed-in people only; null otherwise.
    package var contact: String?
    package var status: AidPostStatus
    package var isExample: Bool
    package var createdAt: Date?

    package init(_ post: AidPost, showsContact: Bool) {
        id = post.id!
        kind = post.kind
        city = AidCityDTO(post.city)
        resource = post.resource.code
        resourceName = post.resource.name
        unit = post.resource.unit
        quantity = post.quantity
        allocated = post.allocated
        free = post.free
        availableFrom = post.availableFrom
        availableUntil = post.availableUntil
        neededBy = post.neededBy
        urgency = post.urgency
        shipsAbroad = post.kind == .offer ? post.crossesBorders : nil
        acceptsFromAbroad = post.kind == .request ? post.crossesBorders : nil
        maxDistanceKm = post.maxDistanceKm
        transportPaidBy = post.transportPaidBy
        conditions = post.conditions
        contact = showsContact ? post.contact : nil
        status = post.status
        isExample = post.isExample
        createdAt = post.createdAt
    }
}

/// One proposed or agreed movement of help, with why the matching chose it.
package struct AllocationDTO: Content {
    package var id: Int
    package var run: Int
    package var status: AllocationStatus
    package var offer: Int
    package var request: Int
    package var from: AidCityDTO
    package var to: AidCityDTO
    package var resource: String
    package var unit: String
    package var quantity: Int
    package var distanceKm: Double
    package var arrivesOn: String
    package var daysToSpare: Int
    /// The reasons in one sentence, in the request's language: "nearest available offer; twin cities since 1979;
    /// arrives 3 days before need".
    package var reason: String
    /// Each reason, in the request's language.
    package var reasons: [String]
    package var offererDecision: AllocationDecision?
    package var requesterDecision: AllocationDecision?
    package var shippedQuantity: Int?
    package var shippedOn: String?
    package var receivedQuantity: Int?
    package var receivedOn: String?

    /// The allocation with its reasons worded by `wording`, in the reader's language.
    package init(_ allocation: AidAllocation, wording: (Message) -> String) {
        id = allocation.id!
        run = allocation.$run.id
        status = allocation.status
        offer = allocation.$offer.id
        request = allocation.$request.id
        from = AidCityDTO(allocation.offer.city)
        to = AidCityDTO(allocation.request.city)
        resource = allocation.offer.resource.code
        unit = allocation.offer.resource.unit
        quantity = allocation.quantity
        distanceKm = (allocation.distanceKm * 10).rounded() / 10
        arrivesOn = allocation.arrivesOn
        daysToSpare = allocation.daysToSpare
        reason = wording(.value(.series(allocation.reasons)))
        reasons = allocation.reasons.map(wording)
        offererDecision = allocation.offererDecision
        requesterDecision = allocation.requesterDecision
        shippedQuantity = allocation.shippedQuantity
        shippedOn = allocation.shippedOn
        receivedQuantity = allocation.receivedQuantity
        receivedOn = allocation.receivedOn
    }
}

package struct MatchingRunDTO: Content {
    package var id: Int
    package var createdAt: Date?
    package var network: Int?
    package var resource: String?
    package var offersConsidered: Int
    package var requestsConsidered: Int
    package var candidateRoutes: Int
    /// Units of need met, weighted by urgency (critical 8, high 4, medium 2, low 1): maximised first.
    package var weightedUnitsMet: Int64
    /// Cost of the proposals under the stated policy: minimised second.
    package var totalCost: Int64
    package var solveMilliseconds: Double
    package var allocations: [AllocationDTO]
}

/// Who gave what to whom: shipments and receipts between cities.
package struct LedgerDTO: Content {
    package struct Entry: Content {
        package var allocation: Int
        /// The day it was received, or shipped while on its way.
        package var date: String
        package var from: AidCityDTO
        package var to: AidCityDTO
        package var resource: String
        package var unit: String
        package var quantity: Int
        package var status: AllocationStatus
    }

    package struct Total: Content, Equatable {
        package var from: AidCityDTO
        package var to: AidCityDTO
        package var resource: String
        package var unit: String
        package var quantity: Int
    }

    package var city: AidCityDTO?
    package var partner: AidCityDTO?
    package var entries: [Entry]
    /// The page of entries shown, of how many.
    package var metadata: ListPageMetadata
    /// Received quantities summed per direction and resource, over every entry.
    package var totals: [Total]
}
