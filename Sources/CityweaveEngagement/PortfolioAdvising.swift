import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import SQLKit
import Vapor

/// Gathers what ``PortfolioAdvisor`` needs from the database (the strategy,
/// the networks and their members, how alike those members are to the
/// city, what they published and the value shared cities logged, and what
/// the city puts into each network now) and turns its advice into an answer.
package enum PortfolioAdvising {
    /// A what-if: any of these replaces the strategy's value for one answer.
    package struct WhatIf: Content {
        package var priorities: [PriorityInput]?
        package var hoursPerMonth: Double?
        package var yearlyBudget: Double?
        package var newEngagementHours: Double?
        package var newEngagementFee: Double?
    }

    package static func advise(cityID: Int, whatIf: WhatIf, request: Request) async throws -> PortfolioAdviceDTO {
        let db = request.db
        let city = try await DirectoryQueries.city(cityID, on: db)
        let strategy = try await EngagementQueries.latestStrategy(of: cityID, on: db)
        let settings = try self.settings(city: city, strategy: strategy, whatIf: whatIf)

        let landscape = try await request.application.networkMembers.current(on: db)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let ownProfile = landscape.profiles[cityID] ?? CityProfiles.profile(of: city)
        var likeness: [Int: Double] = [:]
        for (id, profile) in landscape.profiles where id != cityID {
            likeness[id] = CityLikeness.between(ownProfile, profile).score
        }
        let published = try await request.application.publishedWorkCounts(on: db)
        let shared = try await sharedValue(excluding: cityID, likeness: likeness, on: db)

        let engagements = try await Engagement.query(on: db).filter(\.$city.$id == cityID)
            .filter(\.$status ~~ EngagementStatus.drawingOnCapacity).all()
        let since = EngagementQueries.recentSince()
        let entries = try await ValueEntry.query(on: db).filter(\.$engagement.$id ~~ engagements.compactMap(\.id))
            .filter(\.$date >= since).all()
        let entriesByEngagement = Dictionary(grouping: entries, by: { $0.$engagement.id })
        // What the city puts into each network, summed over its engagements there.
        var hours: [Int: Double] = [:]
        var fees: [Int: Double] = [:]
        var logged: [Int: (entries: Int, ratings: Int)] = [:]
        var engagementIDs: [Int: [Int]] = [:]
        var fixedHours = 0.0
        var fixedCost = 0.0
        for engagement in engagements {
            guard let networkID = engagement.$network.id else {
                fixedHours += engagement.hoursPerMonth
                fixedCost += engagement.yearlyFee
                continue
            }
            engagementIDs[networkID, default: []].append(engagement.id!)
            hours[networkID, default: 0] += engagement.hoursPerMonth
            fees[networkID, default: 0] += engagement.yearlyFee
            for entry in entriesByEngagement[engagement.id!] ?? [] {
                logged[networkID, default: (0, 0)].entries += 1
                logged[networkID, default: (0, 0)].ratings += entry.rating
            }
        }
        let commitments = engagementIDs.keys.map { networkID in
            let value = logged[networkID] ?? (0, 0)
            return NetworkCommitment(
                networkID: networkID, hoursPerMonth: hours[networkID] ?? 0, yearlyFee: fees[networkID] ?? 0,
                recentValueEntries: value.entries,
                recentMeanRating: value.entries > 0 ? Double(value.ratings) / Double(value.entries) : 0)
        }

        let facts = landscape.networks.map { network in
            // Members today, the city aside: a membership that ended before this year no longer makes a peer.
            let memberIDs = landscape.members(of: network.id, in: year).filter { $0 != cityID }
            let isOpen = isOpen(network, to: city, memberProfiles: memberIDs.compactMap { landscape.profiles[$0] })
            let similar = memberIDs.filter { (likeness[$0] ?? 0) >= NetworkAssessment.peerLikeness }
            let value = shared[network.id]
            return NetworkFacts(
                id: network.id, name: network.name, themes: network.themes,
                members: memberIDs, practicesBySimilarMembers: similar.reduce(0) { $0 + (published[$1] ?? 0) },
                sharedValueEntries: value?.entries ?? 0, sharedMeanRating: value?.meanRating ?? 0, isOpenToCity: isOpen,
                membersAreKnown: network.membersAreKnown)
        }
        let input = AdvisorInput(
            cityName: city.name, weights: settings.priorities.weights, budget: settings.yearlyBudget,
            hoursPerMonth: settings.hoursPerMonth, fixedCost: fixedCost, fixedHours: fixedHours,
            networks: facts, commitments: commitments, likeness: likeness,
            newEngagementHours: settings.newEngagementHours, newEngagementFee: settings.newEngagementFee,
            newEngagementHoursSource: settings.newEngagementHoursSource,
            newEngagementFeeSource: settings.newEngagementFeeSource)
        // The search is the one long computation of a request: off the event loop, so other requests go on.
        let advice = try await request.application.threadPool.runIfActive { PortfolioAdvisor.advise(input) }

        let byID = Dictionary(uniqueKeysWithValues: landscape.networks.map { ($0.id, $0) })
        return PortfolioAdviceDTO(
            cityID: cityID,
            settings: .init(
                priorities: settings.priorities, hoursPerMonth: settings.hoursPerMonth,
                yearlyBudget: settings.yearlyBudget, currency: strategy?.currency ?? "EUR",
                newEngagementHours: settings.newEngagementHours, newEngagementFee: settings.newEngagementFee,
                newEngagementHoursSource: settings.newEngagementHoursSource.rawValue,
                newEngagementFeeSource: settings.newEngagementFeeSource.rawValue,
                fixedHoursPerMonth: fixedHours, fixedYearlyCost: fixedCost, strategyRevision: strategy?.revision),
            actions: advice.actions.map { action in
                PortfolioAdviceDTO.Action(
                    action: action.kind.rawValue,
                    network: byID[action.networkID].map { NetworkRefDTO(id: $0.id, slug: $0.slug, name: $0.name) }!,
                    engagements: engagementIDs[action.networkID] ?? [], hoursPerMonth: action.hoursPerMonth,
                    yearlyFee: action.yearlyFee, isEstimate: action.isEstimate,
                    membersKnown: byID[action.networkID]?.membersAreKnown ?? true,
                    summary: request.text(action.summary), reasons: action.reasons.map { request.text($0) },
                    scores: scores(action.assessment))
            },
            objective: advice.objective, upperBound: advice.upperBound, optimal: advice.isOptimal, gap: advice.gap,
            candidates: advice.assessments.count,
            withoutMemberData: advice.withoutMemberData.compactMap { byID[$0] }.map {
                NetworkRefDTO(id: $0.id, slug: $0.slug, name: $0.name)
            },
            yearlyFees: advice.yearlyFees, hoursPerMonth: advice.hoursPerMonth,
            coverage: settings.priorities.filter { $0.weight > 0 }.compactMap { priority in
                Theme(rawValue: priority.theme).map {
                    .init(
                        theme: $0.rawValue, label: request.text($0.message), weight: priority.weight,
                        networks: advice.coverage[$0] ?? 0)
                }
            },
            computedAt: Date())
    }

    package struct Settings {
        package var priorities: [StrategyPriority]
        package var hoursPerMonth: Double
        package var yearlyBudget: Double
        package var newEngagementHours: Double
        package var newEngagementFee: Double
        package var newEngagementHoursSource: AssumptionSource
        package var newEngagementFeeSource: AssumptionSource
    }

    /// The strategy's settings with the what-if's in their place, checked.
    package static func settings(city: City, strategy: CityStrategy?, whatIf: WhatIf) throws -> Settings {
        let priorities = try whatIf.priorities.map(PriorityInput.checked) ?? strategy?.priorities
        guard let priorities, let hours = whatIf.hoursPerMonth ?? strategy?.hoursPerMonth,
            let budget = whatIf.yearlyBudget ?? strategy?.yearlyBudget
        else {
            throw Refusal(
                .conflict,
                Message(
                    "engagement.advice.no-strategy",
                    "{city} has no strategy yet: save one first, or send priorities, hoursPerMonth and yearlyBudget.",
                    ["city": .text(city.name)]))
        }
        let capacity = try Capacity.checked(hoursPerMonth: hours, yearlyBudget: budget)
        func source(_ tried: Double?, _ set: Double?) -> AssumptionSource {
            tried != nil ? .whatIf : set != nil ? .strategy : .cityweaveDefault
        }
        return Settings(
            priorities: priorities, hoursPerMonth: capacity.hoursPerMonth, yearlyBudget: capacity.yearlyBudget,
            newEngagementHours: try Capacity.amount(
                whatIf.newEngagementHours ?? strategy?.newEngagementHours ?? 4, "newEngagementHours",
                allowZero: false, limit: 10_000),
            newEngagementFee: try Capacity.amount(
                whatIf.newEngagementFee ?? strategy?.newEngagementFee ?? 0, "newEngagementFee", allowZero: true),
            newEngagementHoursSource: source(whatIf.newEngagementHours, strategy?.newEngagementHours),
            newEngagementFeeSource: source(whatIf.newEngagementFee, strategy?.newEngagementFee))
    }

    /// Whether `city` could join `network`: never a closed network; any city a global network; a
    /// national one, a city of its country; a regional one, a city of its
    /// region (named as the city's region or part of the world, or where its members are).
    package static func isOpen(_ network: NetworkMembers.Entry, to city: City, memberProfiles: [CityProfile]) -> Bool {
        guard network.ended == nil else { return false }
        let country = city.country
        switch network.scope {
        case .global:
            return true
        case .national:
            return network.region == country.name || memberProfiles.contains { $0.countryCode == country.id }
        case .regional:
            return [country.region, country.subregion].contains(network.region)
                || memberProfiles.contains { !$0.subregion.isEmpty && $0.subregion == country.subregion }
        }
    }

    /// Value that similar cities logged on each network in the last twelve
    /// months, counting only cities whose latest strategy shares its ratings,
    /// and only where at least ``minimumSharingCities`` of them did.
    private static func sharedValue(excluding cityID: Int, likeness: [Int: Double], on database: any Database)
        async throws -> [Int: (entries: Int, meanRating: Double)]
    {
        // The cities whose latest revision shares its ratings.
        let rows = try await (database as! any SQLDatabase).raw(
            """
            SELECT s.city_id FROM city_strategies s
            WHERE s.shares_value_ratings = \(bind: true)
              AND s.revision = (SELECT MAX(t.revision) FROM city_strategies t WHERE t.city_id = s.city_id)
            """
        ).all()
        let sharing = try rows.map { try $0.decode(column: "city_id", as: Int.self) }.filter {
            $0 != cityID && (likeness[$0] ?? 0) >= NetworkAssessment.peerLikeness
        }
        guard !sharing.isEmpty else { return [:] }
        let engagements = try await Engagement.query(on: database).filter(\.$city.$id ~~ sharing)
            .filter(\.$network.$id != nil).all()
        let byID = Dictionary(uniqueKeysWithValues: engagements.map { ($0.id!, $0) })
        let entries = try await ValueEntry.query(on: database).filter(\.$engagement.$id ~~ Array(byID.keys))
            .filter(\.$date >= EngagementQueries.recentSince()).all()
        var sums: [Int: (entries: Int, ratings: Int, cities: Set<Int>)] = [:]
        for entry in entries {
            guard let engagement = byID[entry.$engagement.id], let network = engagement.$network.id else { continue }
            sums[network, default: (0, 0, [])].entries += 1
            sums[network, default: (0, 0, [])].ratings += entry.rating
            sums[network, default: (0, 0, [])].cities.insert(engagement.$city.id)
        }
        // Fewer sharing cities than this and a reader could tell whose ratings they are: members are public.
        return sums.filter { $0.value.cities.count >= minimumSharingCities }
            .mapValues { ($0.entries, Double($0.ratings) / Double($0.entries)) }
    }

    /// How many similar cities must have rated a network before their ratings count as evidence.
    package static let minimumSharingCities = 3

    private static func scores(_ assessment: NetworkAssessment) -> PortfolioAdviceDTO.Scores {
        PortfolioAdviceDTO.Scores(
            fit: assessment.fit, peers: assessment.peers, similarMembers: assessment.similarMembers,
            evidence: assessment.evidence, loggedValue: assessment.loggedValue, redundancy: assessment.redundancy,
            cost: assessment.cost)
    }
}
