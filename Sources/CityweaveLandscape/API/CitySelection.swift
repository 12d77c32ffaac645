import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Which cities an export of the graph of cities holds, from the query:
/// the cities in the year's graph (with a partner or a network; the others
/// would be isolated dots), narrowed to one network's members (`network`, an
/// id or slug) and to one country (`country`, ISO 3166 alpha-2).
package struct CitySelection: Sendable {
    package var networkID: Int?
    package var countryCode: String?

    package init(from request: Request) async throws {
        if let text = try request.filterQuery("network") {
            do {
                networkID = try await DirectoryQueries.networkID(text, on: request.db)
            } catch let error as any AbortError where error.status == .notFound {
                throw BadRequest(
                    Message(
                        "landscape.selection.network.unknown",
                        "'{field}' must be a network's id or slug; there is no network '{value}'.",
                        ["field": .text("network"), "value": .text(text)]))
            }
        }
        if let text = try request.filterQuery("country") {
            guard try await Country.find(text.uppercased(), on: request.db) != nil else {
                throw BadRequest(
                    Message(
                        "landscape.selection.country.unknown",
                        "'{field}' must be an ISO 3166 alpha-2 code of a known country; got '{value}'.",
                        ["field": .text("country"), "value": .text(text)]))
            }
            countryCode = text.uppercased()
        }
    }

    /// By position in `index`: whether each city is selected.
    package func included(in index: LandscapeIndex) -> [Bool] {
        var included = index.cities.indices.map {
            index.partners.count(ofRow: $0) > 0 || index.memberships.count(ofRow: $0) > 0
        }
        if let countryCode {
            for (position, city) in index.cities.enumerated() where city.countryCode != countryCode {
                included[position] = false
            }
        }
        if let networkID {
            var members = [Bool](repeating: false, count: index.cities.count)
            if let network = index.position(ofNetwork: networkID) {
                for city in index.members[network] { members[Int(city)] = true }
            }
            for position in included.indices where !members[position] { included[position] = false }
        }
        return included
    }
}
