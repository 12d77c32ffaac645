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
    func reasons(rank: AidCandidateRank) -> [String] {
        var reasons: [String] = []
        switch (rank.place, rank.of) {
        case (_, 1): reasons.append("only compatible offer")
        case (1, _): reasons.append("nearest available offer")
        default: reasons.append("\(Self.ordinal(rank.place)) nearest of \(rank.of) compatible offers")
        }
        if let partnership = tie?.partnership {
            reasons.append(tie?.partnershipSince.map { "\(partnership) since \($0)" } ?? partnership)
        }
        if let networks = tie?.sharedNetworks, let first = networks.first {
            let more = networks.count - 1
            reasons.append(
                more == 0 ? "both in \(first)" : "both in \(first) and \(more) more network\(more == 1 ? "" : "s")")
        }
        switch daysToSpare {
        case 0: reasons.append("arrives on the day needed")
        case 1...: reasons.append("arrives \(Self.days(daysToSpare)) before need")
        default: reasons.append("arrives \(Self.days(-daysToSpare)) late")
        }
        return reasons
    }

    private static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// "2nd", "3rd", "11th", "21st".
    static func ordinal(_ number: Int) -> String {
        let suffix =
            switch (number % 10, number % 100) {
            case (_, 11...13): "th"
            case (1, _): "st"
            case (2, _): "nd"
            case (3, _): "rd"
            default: "th"
            }
        return "\(number)\(suffix)"
    }
}
