import Foundation

/// Where an offer stands among a request's compatible offers by distance.
struct AidCandidateRank: Equatable {
    /// 1 for the nearest; offers at the same distance share a place.
    var place: Int
    /// Compatible offers the request has.
    var of: Int

    /// Each route's rank among the routes into its request, in the routes' order.
    static func ranks(of routes: [AidRoute]) -> [AidCandidateRank] {
        let distances = Dictionary(grouping: routes.map { ($0.needPosition, $0.distanceKm) }, by: \.0)
            .mapValues { $0.map(\.1).sorted() }
        return routes.map { route in
            let sorted = distances[route.needPosition]!
            // Offers strictly nearer, found by bisection in the sorted distances.
            var (low, high) = (0, sorted.count)
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < route.distanceKm { low = middle + 1 } else { high = middle }
            }
            return AidCandidateRank(place: low + 1, of: sorted.count)
        }
    }
}

extension AidRoute {
    /// Why this route, in a few words each: where the offer stands by
    /// distance, what ties the two cities, and when the help arrives.
    func reasons(rank: AidCandidateRank) -> [Message] {
        var reasons: [Message] = []
        switch (rank.place, rank.of) {
        case (_, 1): reasons.append(Message("aid-reason.only-offer", "only compatible offer"))
        case (1, _): reasons.append(Message("aid-reason.nearest", "nearest available offer"))
        default:
            // The place as the reader's locale writes an ordinal: "2nd", "2e", "第2".
            reasons.append(
                Message(
                    "aid-reason.rank", one: "{place} nearest of {count} compatible offer",
                    other: "{place} nearest of {count} compatible offers", count: rank.of,
                    ["place": .ordinal(rank.place)]))
        }
        if let partnership = tie?.partnership {
            reasons.append(
                tie?.partnershipSince.map {
                    Message(
                        "aid-reason.partnership", "{kind} since {year}",
                        ["kind": .message(partnership), "year": .year($0)])
                } ?? partnership)
        }
        if let networks = tie?.sharedNetworks, let first = networks.first {
            let more = networks.count - 1
            reasons.append(
                more == 0
                    ? Message("aid-reason.shared-network", "both in {network}", ["network": .text(first)])
                    : Message(
                        "aid-reason.shared-networks", one: "both in {network} and {count} more network",
                        other: "both in {network} and {count} more networks", count: more,
                        ["network": .text(first)]))
        }
        switch daysToSpare {
        case 0: reasons.append(Message("aid-reason.on-the-day", "arrives on the day needed"))
        case 1...:
            reasons.append(
                Message(
                    "aid-reason.early", one: "arrives {count} day before need",
                    other: "arrives {count} days before need", count: daysToSpare))
        default:
            reasons.append(
                Message(
                    "aid-reason.late", one: "arrives {count} day late", other: "arrives {count} days late",
                    count: -daysToSpare))
        }
        return reasons
    }
}
