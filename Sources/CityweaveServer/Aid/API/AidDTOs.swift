import CityweaveCore
import Vapor

struct AidResourceDTO: Content, Equatable {
    var code: String
    var name: String
    var unit: String
    var category: AidCategory

    init(_ resource: AidResource) {
        code = resource.code
        name = resource.name
        unit = resource.unit
        category = resource.category
    }
}

/// A city as the aid pages and API name it.
struct AidCityDTO: Content, Equatable {
    var id: Int
    var name: String
    var countryCode: String
}

/// An offer or a request with what is left of it.
struct AidPostDTO: Content {
    var id: Int
    var kind: AidPostKind
    var city: AidCityDTO
    var resource: String
    var resourceName: String
    var unit: String
    var quantity: Int
    /// Units held by allocations a city has accepted.
    var allocated: Int
    /// Units a matching may still allocate.
    var free: Int
    var availableFrom: String?
    var availableUntil: String?
    var neededBy: String?
    var urgency: AidUrgency?
    var shipsAbroad: Bool?
    var acceptsFromAbroad: Bool?
    var maxDistanceKm: Double?
    var transportPaidBy: TransportPayer
    var conditions: String
    /// Shown to signed-in people only; null otherwise.
    var contact: String?
    var status: AidPostStatus
    var isExample: Bool
    var createdAt: Date?

    init(_ post: AidPost, showsContact: Bool) {
        id = post.id!
        kind = post.kind
        city = AidCityDTO(id: post.city.id!, name: post.city.name, countryCode: post.city.$country.id)
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
struct AllocationDTO: Content {
    var id: Int
    var run: Int
    var status: AllocationStatus
    var offer: Int
    var request: Int
    var from: AidCityDTO
    var to: AidCityDTO
    var resource: String
    var unit: String
    var quantity: Int
    var distanceKm: Double
    var arrivesOn: String
    var daysToSpare: Int
    /// The reasons joined in one sentence: "nearest available offer; twin cities since 1979; arrives 3 days before need".
    var reason: String
    var reasons: [String]
    var offererDecision: AllocationDecision?
    var requesterDecision: AllocationDecision?
    var shippedQuantity: Int?
    var shippedOn: String?
    var receivedQuantity: Int?
    var receivedOn: String?

    init(_ allocation: AidAllocation) {
        id = allocation.id!
        run = allocation.$run.id
        status = allocation.status
        offer = allocation.$offer.id
        request = allocation.$request.id
        from = AidCityDTO(
            id: allocation.offer.city.id!, name: allocation.offer.city.name,
            countryCode: allocation.offer.city.$country.id)
        to = AidCityDTO(
            id: allocation.request.city.id!, name: allocation.request.city.name,
            countryCode: allocation.request.city.$country.id)
        resource = allocation.offer.resource.code
        unit = allocation.offer.resource.unit
        quantity = allocation.quantity
        distanceKm = (allocation.distanceKm * 10).rounded() / 10
        arrivesOn = allocation.arrivesOn
        daysToSpare = allocation.daysToSpare
        reason = allocation.reasons.joined(separator: "; ")
        reasons = allocation.reasons
        offererDecision = allocation.offererDecision
        requesterDecision = allocation.requesterDecision
        shippedQuantity = allocation.shippedQuantity
        shippedOn = allocation.shippedOn
        receivedQuantity = allocation.receivedQuantity
        receivedOn = allocation.receivedOn
    }
}

struct MatchingRunDTO: Content {
    var id: Int
    var createdAt: Date?
    var network: Int?
    var resource: String?
    var offersConsidered: Int
    var requestsConsidered: Int
    var candidateRoutes: Int
    /// Units of need met, weighted by urgency (critical 8, high 4, medium 2, low 1): maximised first.
    var weightedUnitsMet: Int64
    /// Cost of the proposals under the stated policy: minimised second.
    var totalCost: Int64
    var solveMilliseconds: Double
    var allocations: [AllocationDTO]
}

/// Who gave what to whom: shipments and receipts between cities.
struct LedgerDTO: Content {
    struct Entry: Content {
        var allocation: Int
        /// The day it was received, or shipped while on its way.
        var date: String
        var from: AidCityDTO
        var to: AidCityDTO
        var resource: String
        var unit: String
        var quantity: Int
        var status: AllocationStatus
    }

    struct Total: Content, Equatable {
        var from: AidCityDTO
        var to: AidCityDTO
        var resource: String
        var unit: String
        var quantity: Int
    }

    var city: AidCityDTO?
    var partner: AidCityDTO?
    var entries: [Entry]
    /// The page of entries shown, of how many.
    var metadata: PageMetadata
    /// Received quantities summed per direction and resource, over every entry.
    var totals: [Total]
}
