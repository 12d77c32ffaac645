import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// What the aid pages and API read: the catalogue, offers and requests,
/// matching runs with their allocations, and the ledger.
package enum AidQueries {
    package static func resources(on database: any Database) async throws -> [AidResource] {
        try await AidResource.query(on: database).sort(\.$category).sort(\.$name).all()
    }

    /// Filters of the offer and request lists, from the query string.
    package struct PostFilter: Sendable {
        package var resource: Int?
        package var city: Int?
        /// Open only, unless the client asks for every status.
        package var status: AidPostStatus?

        package static func read(_ request: Request) async throws -> PostFilter {
            var filter = PostFilter(status: .open)
            if let code = try request.filterQuery("resource") {
                filter.resource = try await AidPostInput.resource(code, on: request.db).requireID()
            }
            filter.city = try request.integerQuery("city")
            if let status = try request.filterQuery("status") {
                filter.status =
                    status == "all" ? nil : try FieldChoice.parse(AidPostStatus.self, status, field: "status")
            }
            return filter
        }
    }

    package static func posts(
        _ kind: AidPostKind, _ filter: PostFilter, page: PageParameters?, on database: any Database
    )
        async throws -> (posts: [AidPost], total: Int)
    {
        let query = AidPost.query(on: database).filter(\.$kind == kind).with(\.$city).with(\.$resource)
        if let resource = filter.resource { query.filter(\.$resource.$id == resource) }
        if let city = filter.city { query.filter(\.$city.$id == city) }
        if let status = filter.status { query.filter(\.$status == status) }
        // Counted only for a page: a whole list is its own count.
        let total = page == nil ? nil : try await query.count()
        // Requests by the day they are needed, offers by the day they end: what runs out first comes first.
        query.sort(kind == .offer ? \.$availableUntil : \.$neededBy).sort(\.$id)
        if let page { query.range(page.offset..<(page.offset + page.per)) }
        let posts = try await query.all()
        return (posts, total ?? posts.count)
    }

    /// What is still on the table, for the pages: open posts with units free and, for offers, a window not yet closed.
    package static func currentPosts(_ kind: AidPostKind, _ filter: PostFilter, on database: any Database) async throws
        -> [AidPost]
    {
        let today = DateText.day(Date())
        return try await posts(kind, filter, page: nil, on: database).posts.filter { post in
            post.free > 0 && (post.availableUntil.map { $0 >= today } ?? true)
        }
    }

    /// The unmet quantity of a resource each day from `first` to `last` (day numbers).
    package static func unmetSeries(of resource: Int, from first: Int, to last: Int, on database: any Database)
        async throws
        -> [Int]
    {
        let requests = try await AidPost.query(on: database).filter(\.$kind == .request)
            .filter(\.$resource.$id == resource).all()
        let index = Dictionary(uniqueKeysWithValues: requests.enumerated().map { ($1.id!, $0) })
        let received = try await AidAllocation.query(on: database).filter(\.$status == .received)
            .join(AidPost.self, on: \AidAllocation.$request.$id == \AidPost.$id)
            .filter(AidPost.self, \.$resource.$id == resource).all()
        let day = { (date: Date?) in date.flatMap { DateText.dayNumber(DateText.day($0)) } }
        return UnmetNeed.series(
            requests: requests.map {
                UnmetNeed.Request(
                    postedOn: day($0.createdAt) ?? first, closedOn: day($0.closedAt), quantity: $0.quantity)
            },
            receipts: received.compactMap { allocation in
                guard let on = allocation.receivedOn.flatMap(DateText.dayNumber),
                    let quantity = allocation.receivedQuantity, let request = index[allocation.$request.id]
                else { return nil }
                return UnmetNeed.Receipt(request: request, day: on, quantity: quantity)
            }, from: first, to: last)
    }

    package static func post(_ id: Int, kind: AidPostKind, on database: any Database) async throws -> AidPost {
        guard
            let post = try await AidPost.query(on: database).filter(\.$id == id).filter(\.$kind == kind)
                .with(\.$city).with(\.$resource).first()
        else { throw Refusal(.notFound, noSuchPost(kind, id)) }
        return post
    }

    /// The refusal of an offer or a request the database does not hold.
    private static func noSuchPost(_ kind: AidPostKind, _ id: Int) -> Message {
        switch kind {
        case .offer: Message("aid.error.no-offer", "There is no offer {id}.", ["id": .text("\(id)")])
        case .request: Message("aid.error.no-request", "There is no request {id}.", ["id": .text("\(id)")])
        }
    }

    /// Contact details are for people with an account: a request for masks is public, a phone number is not.
    package static func showsContact(_ request: Request) -> Bool { request.actor != nil }

    /// The allocations `build` selects, with both posts' cities and the offer's resource.
    private static func loadedAllocations(_ build: (QueryBuilder<AidAllocation>) -> Void, on database: any Database)
        async throws -> [AidAllocation]
    {
        let query = AidAllocation.query(on: database)
            .with(\.$offer) { $0.with(\.$city).with(\.$resource) }
            .with(\.$request) { $0.with(\.$city) }
        build(query)
        return try await query.sort(\.$id).all()
    }

    /// The allocations `build` selects, their reasons worded by `wording`.
    package static func allocations(
        _ build: (QueryBuilder<AidAllocation>) -> Void, wording: (Message) -> String, on database: any Database
    ) async throws -> [AllocationDTO] {
        try await loadedAllocations(build, on: database).map { AllocationDTO($0, wording: wording) }
    }

    package static func allocation(_ id: Int, wording: (Message) -> String, on database: any Database) async throws
        -> AllocationDTO
    {
        guard let allocation = try await allocations({ $0.filter(\.$id == id) }, wording: wording, on: database).first
        else { throw Refusal(.notFound, noSuchAllocation(id)) }
        return allocation
    }

    /// The refusal of an allocation the database does not hold.
    package static func noSuchAllocation(_ id: Int) -> Message {
        Message("aid.error.no-allocation", "There is no allocation {id}.", ["id": .text("\(id)")])
    }

    package static func run(_ id: Int, wording: (Message) -> String, on database: any Database) async throws
        -> MatchingRunDTO
    {
        guard
            let run = try await MatchingRun.query(on: database).filter(\.$id == id).with(\.$resource).first()
        else {
            throw Refusal(
                .notFound, Message("aid.error.no-run", "There is no matching run {id}.", ["id": .text("\(id)")]))
        }
        return MatchingRunDTO(
            id: id, createdAt: run.createdAt, network: run.$network.id,
            resource: run.resource?.code, offersConsidered: run.offersConsidered,
            requestsConsidered: run.requestsConsidered, candidateRoutes: run.candidateRoutes,
            weightedUnitsMet: run.weightedUnitsMet, totalCost: run.totalCost,
            solveMilliseconds: run.solveMilliseconds,
            allocations: try await allocations({ $0.filter(\.$run.$id == id) }, wording: wording, on: database))
    }

    package static func recentRuns(limit: Int, on database: any Database) async throws -> [MatchingRun] {
        try await MatchingRun.query(on: database).with(\.$network).with(\.$resource)
            .sort(\.$id, .descending).limit(limit).all()
    }

    /// What moved between cities: received allocations and those on their
    /// way, for one city (both directions) or one pair, newest first; one
    /// page of them when `page` is given (the totals count them all).
    package static func ledger(city: Int?, partner: Int?, page: PageParameters?, on database: any Database) async throws
        -> LedgerDTO
    {
        if partner != nil, city == nil {
            throw BadRequest(
                Message(
                    "aid.error.partner-without-city", "'{partner}' needs '{city}': the ledger of a pair names both.",
                    ["partner": .text("partner"), "city": .text("city")]))
        }
        // The posts of the city (and of its partner) narrow the query to the allocations between them.
        var posts: [Int]?
        if let city {
            posts = try await AidPost.query(on: database).filter(\.$city.$id == (partner ?? city)).all(\.$id)
        }
        var entries: [LedgerDTO.Entry] = []
        for allocation in try await loadedAllocations(
            { query in
                query.filter(\.$status ~~ [.shipped, .received])
                if let posts { query.group(.or) { $0.filter(\.$offer.$id ~~ posts).filter(\.$request.$id ~~ posts) } }
            }, on: database)
        {
            let (from, to) = (AidCityDTO(allocation.offer.city), AidCityDTO(allocation.request.city))
            if let city, ![from.id, to.id].contains(city) { continue }
            let received = allocation.status == .received
            entries.append(
                LedgerDTO.Entry(
                    allocation: try allocation.requireID(),
                    date: (received ? allocation.receivedOn : allocation.shippedOn) ?? allocation.arrivesOn,
                    from: from, to: to, resource: allocation.offer.resource.code, unit: allocation.offer.resource.unit,
                    quantity: (received ? allocation.receivedQuantity : allocation.shippedQuantity) ?? 0,
                    status: allocation.status))
        }
        entries.sort { ($0.date, $0.allocation) > ($1.date, $1.allocation) }
        var totals: [String: LedgerDTO.Total] = [:]
        for entry in entries where entry.status == .received {
            let key = "\(entry.from.id)>\(entry.to.id):\(entry.resource)"
            totals[
                key,
                default: .init(from: entry.from, to: entry.to, resource: entry.resource, unit: entry.unit, quantity: 0)
            ]
            .quantity += entry.quantity
        }
        let shown = page.map { Array(entries.dropFirst($0.offset).prefix($0.per)) } ?? entries
        return LedgerDTO(
            city: try await cityDTO(city, field: "city", on: database),
            partner: try await cityDTO(partner, field: "partner", on: database),
            entries: shown,
            metadata: ListPageMetadata(
                page ?? PageParameters(page: 1, per: max(1, entries.count)), total: entries.count),
            totals: totals.values.sorted {
                ($0.from.name, $0.to.name, $0.resource) < ($1.from.name, $1.to.name, $1.resource)
            })
    }

    private static func cityDTO(_ id: Int?, field: String, on database: any Database) async throws -> AidCityDTO? {
        guard let id else { return nil }
        guard let city = try await City.find(id, on: database) else { throw BadRequest.noSuchCity(id, field: field) }
        return AidCityDTO(city)
    }

}
