import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Foundation
import Vapor

/// A change to a network's profile, from `PATCH /api/v1/networks/{id}`
/// (fields left out stay as they are) or from the profile form.
package struct NetworkProfileUpdate: Decodable, Sendable {
    package var name: FieldUpdate<String> = .unchanged
    package var acronym: FieldUpdate<String> = .unchanged
    package var founded: FieldUpdate<Int> = .unchanged
    package var scope: FieldUpdate<String> = .unchanged
    package var region: FieldUpdate<String> = .unchanged
    package var themes: FieldUpdate<[String]> = .unchanged
    package var website: FieldUpdate<String> = .unchanged
    package var description: FieldUpdate<String> = .unchanged

    private enum CodingKeys: String, CodingKey {
        case name, acronym, founded, scope, region, themes, website, description
    }

    package init() {}

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.update(String.self, forKey: .name)
        acronym = try container.update(String.self, forKey: .acronym)
        founded = try container.update(Int.self, forKey: .founded)
        scope = try container.update(String.self, forKey: .scope)
        region = try container.update(String.self, forKey: .region)
        themes = try container.update([String].self, forKey: .themes)
        website = try container.update(String.self, forKey: .website)
        description = try container.update(String.self, forKey: .description)
    }

    /// Checks every field and applies them all, or throws naming the first bad one and changes nothing.
    package func apply(to network: Network) throws {
        let name = try DirectoryEdits.text(self.name.applied(to: network.name), field: "name", limit: 200)
        if name.isEmpty {
            throw BadRequest(Message("directory.error.empty", "'{field}' must not be empty.", ["field": .text("name")]))
        }
        let acronym = try DirectoryEdits.text(self.acronym.applied(to: network.acronym), field: "acronym", limit: 40)
        let founded = self.founded.applied(to: network.founded)
        try DirectoryEdits.checkYear(founded, field: "founded")
        let scope = try FieldChoice.parse(
            NetworkScope.self, self.scope.applied(to: network.scope.rawValue) ?? "", field: "scope")
        let region = try DirectoryEdits.text(self.region.applied(to: network.region), field: "region", limit: 100)
        let themes = (self.themes.applied(to: network.themes) ?? []).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }.filter { !$0.isEmpty }
        if themes.count > 30 || themes.contains(where: { $0.count > 60 }) {
            throw BadRequest(
                Message(
                    "directory.error.network-themes",
                    "'{field}' takes at most 30 themes of at most 60 characters each.",
                    ["field": .text("themes")]))
        }
        let website = try DirectoryEdits.text(self.website.applied(to: network.website), field: "website", limit: 300)
        if !website.isEmpty,
            !(website.hasPrefix("https://") || website.hasPrefix("http://")) || URL(string: website)?.host == nil
        {
            throw BadRequest(
                Message(
                    "directory.error.website", "'{field}' must be an http:// or https:// address; got '{given}'.",
                    ["field": .text("website"), "given": .text(website)]))
        }
        let description = try DirectoryEdits.text(
            self.description.applied(to: network.details), field: "description", limit: 5000)
        network.name = name
        network.acronym = acronym
        network.founded = founded
        network.scope = scope
        network.region = region
        network.themes = themes
        network.website = website
        network.details = description
    }
}

/// What the audit log records of a network's profile.
package struct NetworkProfileSnapshot: Encodable {
    package var name: String
    package var acronym: String
    package var founded: Int?
    package var scope: String
    package var region: String
    package var themes: [String]
    package var website: String
    package var description: String

    package init(_ network: Network) {
        name = network.name
        acronym = network.acronym
        founded = network.founded
        scope = network.scope.rawValue
        region = network.region
        themes = network.themes
        website = network.website
        description = network.details
    }
}
