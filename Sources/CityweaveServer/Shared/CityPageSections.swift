import Vapor

/// A part of a city's page that a feature module adds: the directory shows
/// it without naming the module (see ``Application/cityPageSections``).
struct CityPageSection: Encodable {
    var id: String
    var title: String
    /// Rendered by the module's own Leaf template, which escapes what it shows.
    var html: String
}

typealias CityPageSectionProvider = @Sendable (Request, City) async throws -> CityPageSection?

extension Application {
    private struct CityPageSectionsKey: StorageKey {
        typealias Value = [CityPageSectionProvider]
    }

    /// The sections feature modules add to city pages, in the order they were registered at start-up.
    var cityPageSections: [CityPageSectionProvider] {
        get { storage[CityPageSectionsKey.self] ?? [] }
        set { storage[CityPageSectionsKey.self] = newValue }
    }
}

extension Request {
    /// Every registered section that has something to show for `city`.
    func cityPageSections(for city: City) async throws -> [CityPageSection] {
        var sections: [CityPageSection] = []
        for provider in application.cityPageSections {
            if let section = try await provider(self, city) { sections.append(section) }
        }
        return sections
    }

    /// A module's template rendered to text, for a section of another module's page.
    func renderedSection(_ template: String, _ context: some Encodable) async throws -> String {
        String(buffer: try await view.render(template, context).data)
    }
}
