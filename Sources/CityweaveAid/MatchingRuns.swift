import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Runs the matching over the open offers and requests (all of them, or a
/// network's members', or one resource's) and saves what it proposes.
package enum MatchingRuns {
    /// The body of `POST /api/v1/aid/matching-runs`.
    package struct Input: Content {
        /// Limit the run to the members of this network (its coordinators may run it).
        package var network: Int?
        /// Limit the run to one resource, by code.
        package var resource: String?
    }

    package static func run(_ input: Input, request: Request) async throws -> MatchingRun {
        let database = request.db
        var resource: AidResource?
        if let code = input.resource { resource = try await AidPostInput.resource(code, on: database) }
        let snapshot = try await request.application.networkMembers.current(on: database)
        let today = DateText.todayNumber
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        var scope: Set<Int>?
        if let network = input.network {
            guard snapshot.networks.contains(where: { $0.id == network }) else {
                throw BadRequest(noSuchNetwork(network))
            }
            scope = Set(snapshot.members(of: network, in: year))
        }
        var filter = AidQueries.PostFilter(status: .open)
        filter.resource = try resource?.requireID()
        let inScope = { (post: AidPost) in post.free > 0 && scope.map { $0.contains(post.$city.id) } ?? true }
        let offers = try await AidQueries.posts(.offer, filter, page: nil, on: database).posts.filter(inScope)
        let requests = try await AidQueries.posts(.request, filter, page: nil, on: database).posts.filter(inScope)
        let problem = AidMatchingProblem(
            supplies: offers.compactMap { supply($0) }, needs: requests.compactMap { need($0) },
            ties: try await ties(offers: offers, requests: requests, snapshot: snapshot, year: year, on: database),
            today: today)
        let started = ContinuousClock.now
        let matching: AidMatching
        do {
            matching = try await request.application.threadPool.runIfActive { try AidMatcher.match(problem) }
        } catch let error as AidMatchingError {
            throw Refusal(.unprocessableEntity, error.message)
        }
        let elapsed = ContinuousClock.now - started
        let run = MatchingRun()
        run.offersConsidered = offers.count
        run.requestsConsidered = requests.count
        run.candidateRoutes = matching.candidateRoutes
        run.weightedUnitsMet = matching.weightedUnitsMet
        run.totalCost = matching.totalCost
        run.solveMilliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
        run.$startedBy.id = request.actor?.user.id
        run.$network.id = input.network
        run.$resource.id = try resource?.requireID()
        let considered = Set((offers + requests).compactMap(\.id))
        try await database.transaction { db in
            try await AidAllocation.supersedeProposals(between: considered, on: db as! any SQLDatabase)
            try await run.create(on: db)
            let runID = try run.requireID()
            let allocations = matching.proposals.map { proposal in
                let allocation = AidAllocation()
                allocation.$run.id = runID
                allocation.$offer.id = proposal.supply
                allocation.$request.id = proposal.need
                allocation.quantity = proposal.quantity
                allocation.distanceKm = proposal.distanceKm
                allocation.arrivesOn = DateText.day(number: proposal.arrivalDay)
                allocation.daysToSpare = proposal.daysToSpare
                allocation.unitCost = proposal.unitCost
                allocation.reasons = proposal.reasons
                allocation.status = .proposed
                return allocation
            }
            // Inserted a few hundred rows a statement, within SQLite's limit of bound parameters.
            for chunk in stride(from: 0, to: allocations.count, by: 500) {
                try await Array(allocations[chunk..<min(chunk + 500, allocations.count)]).create(on: db)
            }
            try await AuditLog.record(
                request.editContext, action: "run matching", recordType: "aid_matching_run", recordID: "\(runID)",
                organisation: input.network.map { .network($0) },
                changes: AuditChanges(
                    changes: [.init(field: "proposals", from: "", to: "\(matching.proposals.count)")]),
                on: db)
        }
        return run
    }

    /// The refusal of a run over a network the directory does not hold.
    package static func noSuchNetwork(_ id: Int) -> Message {
        Message(
            "aid.error.no-network", "'{field}': there is no network {id}.",
            ["field": .text("network"), "id": .text("\(id)")])
    }

    /// An open offer as the core sees it; none when its window has closed.
    private static func supply(_ post: AidPost) -> AidSupply? {
        guard let from = post.availableFrom.flatMap(DateText.dayNumber),
            let until = post.availableUntil.flatMap(DateText.dayNumber)
        else { return nil }
        return AidSupply(
            id: post.id!, resource: post.resource.code, city: post.$city.id, country: post.city.$country.id,
            location: GeoPoint(latitude: post.city.latitude, longitude: post.city.longitude), quantity: post.free,
            availableFrom: from, availableUntil: until, shipsAbroad: post.crossesBorders,
            maxDistanceKm: post.maxDistanceKm)
    }

    private static func need(_ post: AidPost) -> AidNeed? {
        guard let neededBy = post.neededBy.flatMap(DateText.dayNumber) else { return nil }
        return AidNeed(
            id: post.id!, resource: post.resource.code, city: post.$city.id, country: post.city.$country.id,
            location: GeoPoint(latitude: post.city.latitude, longitude: post.city.longitude), quantity: post.free,
            neededBy: neededBy, urgency: post.urgency ?? .medium, acceptsFromAbroad: post.crossesBorders,
            maxDistanceKm: post.maxDistanceKm)
    }

    /// Partnerships and shared networks between the cities that could
    /// trade: an offering and a requesting city of the same resource.
    private static func ties(
        offers: [AidPost], requests: [AidPost], snapshot: NetworkMembers.Snapshot, year: Int,
        on database: any Database
    ) async throws -> [AidCityPair: AidTie] {
        var pairs: Set<AidCityPair> = []
        let offerCities = Dictionary(grouping: offers, by: \.$resource.id).mapValues { Set($0.map(\.$city.id)) }
        for (resource, requesting) in Dictionary(grouping: requests, by: \.$resource.id) {
            for offering in offerCities[resource] ?? [] {
                for post in requesting where post.$city.id != offering {
                    pairs.insert(AidCityPair(offering, post.$city.id))
                }
            }
        }
        guard !pairs.isEmpty else { return [:] }
        let cities = Set(pairs.flatMap { [$0.low, $0.high] })
        var ties: [AidCityPair: AidTie] = [:]
        // All of them, filtered here: the cities as a list in the query could
        // pass the databases' limits on bound parameters.
        for partnership in try await Partnership.query(on: database).all() {
            let pair = AidCityPair(partnership.$cityA.id, partnership.$cityB.id)
            guard pairs.contains(pair) else { continue }
            ties[pair] = AidTie(partnership: partnership.kind.tieWords, partnershipSince: partnership.since)
        }
        var networksOfCity: [Int: [String]] = [:]
        for network in snapshot.networks {
            for city in snapshot.members(of: network.id, in: year) where cities.contains(city) {
                networksOfCity[city, default: []].append(network.name)
            }
        }
        for pair in pairs {
            let shared = Set(networksOfCity[pair.low] ?? []).intersection(networksOfCity[pair.high] ?? []).sorted()
            guard !shared.isEmpty else { continue }
            ties[pair, default: AidTie()].sharedNetworks = shared
        }
        return ties
    }
}

extension PartnershipKind {
    /// How a proposal's reason names the tie: "twin cities since 1979".
    package var tieWords: Message {
        switch self {
        case .sisterCity: Message("aid.tie.sister-city", "twin cities")
        case .friendship: Message("aid.tie.friendship", "friendship cities")
        case .memorandum: Message("aid.tie.memorandum", "partners by memorandum")
        case .economicPartnership: Message("aid.tie.economic-partnership", "economic partners")
        }
    }
}
