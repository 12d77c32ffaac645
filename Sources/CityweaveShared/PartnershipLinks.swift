import Vapor

/// A link a feature module adds to a partnership between two cities on the directory's pages (a trade
/// mission between them), without the directory naming the module.
package struct PartnershipLink: Encodable, Sendable {
    package var label: String
    package var href: String

    package init(label: String, href: String) {
        self.label = label
        self.href = href
    }
}

/// What makes a module's links for the partnerships of one city: for each partner city's id, its links.
package struct PartnershipLinkProvider: Sendable {
    fileprivate let links: @Sendable (Request, _ city: Int, _ partners: [Int]) async throws -> [Int: [PartnershipLink]]

    package init(_ links: @escaping @Sendable (Request, Int, [Int]) async throws -> [Int: [PartnershipLink]]) {
        self.links = links
    }
}

extension Application {
    private struct PartnershipLinkProvidersKey: StorageKey {
        typealias Value = [PartnershipLinkProvider]
    }

    package var partnershipLinkProviders: [PartnershipLinkProvider] {
        get { storage[PartnershipLinkProvidersKey.self] ?? [] }
        set { storage[PartnershipLinkProvidersKey.self] = newValue }
    }
}

extension Request {
    /// Every module's links for the partnerships of `city` with `partners`, by partner city.
    package func partnershipLinks(city: Int, partners: [Int]) async throws -> [Int: [PartnershipLink]] {
        var links: [Int: [PartnershipLink]] = [:]
        for provider in application.partnershipLinkProviders {
            for (partner, found) in try await provider.links(self, city, partners) {
                links[partner, default: []] += found
            }
        }
        return links
    }
}
