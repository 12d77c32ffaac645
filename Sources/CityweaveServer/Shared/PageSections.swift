import Vapor

/// A part of a city's or a network's page that a feature module adds: the
/// directory shows it without naming the module (see
/// ``Application/cityPageSections`` and ``Application/networkPageSections``).
struct PageSection: Encodable {
    var id: String
    var title: String
    /// Rendered by the module's own Leaf template, which escapes what it shows.
    var html: String
}

typealias CityPageSectionProvider = @Sendable (Request, City) async throws -> PageSection?
typealias NetworkPageSectionProvider = @Sendable (Request, Network) async throws -> PageSection?

extension Application {
    private struct CityPageSectionsKey: StorageKey {
        typealias Value = [CityPageSectionProvider]
    }

    private struct NetworkPageSectionsKey: StorageKey {
        typealias Value = [NetworkPageSectionProvider]
    }

    /// The sections feature modules add to city pages, in the order they were registered at start-up.
    var cityPageSections: [CityPageSectionProvider] {
        get { storage[CityPageSectionsKey.self] ?? [] }
        set { storage[CityPageSectionsKey.self] = newValue }
    }

    /// The sections feature modules add to network pages, in the order they were registered at start-up.
    var networkPageSections: [NetworkPageSectionProvider] {
        get { storage[NetworkPageSectionsKey.self] ?? [] }
        set { storage[NetworkPageSectionsKey.self] = newValue }
    }
}

extension Request {
    /// Every section of `providers` that has something to show for `subject`.
    func pageSections<Subject>(
        _ providers: [@Sendable (Request, Subject) async throws -> PageSection?], for subject: Subject
    ) async throws -> [PageSection] {
        var sections: [PageSection] = []
        for provider in providers {
            if let section = try await provider(self, subject) { sections.append(section) }
        }
        return sections
    }

    /// A module's template rendered to text, for a section of another module's page.
    func renderedSection(_ template: String, _ context: some Encodable) async throws -> String {
        String(buffer: try await view.render(template, context).data)
    }
}
