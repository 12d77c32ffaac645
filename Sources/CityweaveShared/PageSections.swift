import Vapor

/// A part of another module's page (a city's, a network's) that a feature
/// module adds: the page shows it without naming the module.
package struct PageSection: Encodable {
    package var id: String
    package var title: String
    /// Rendered by the module's own Leaf template, which escapes what it shows.
    package var html: String

    package init(id: String, title: String, html: String) {
        self.id = id
        self.title = title
        self.html = html
    }
}

/// What makes a module's section of the pages about one kind of subject.
package struct PageSectionProvider: Sendable {
    fileprivate let subject: ObjectIdentifier
    fileprivate let section: @Sendable (Request, Any) async throws -> PageSection?

    /// A section of the pages about `Subject`; nil from `section` leaves the page without it.
    package static func on<Subject>(
        _ subject: Subject.Type, _ section: @escaping @Sendable (Request, Subject) async throws -> PageSection?
    ) -> Self {
        Self(subject: ObjectIdentifier(subject)) { request, value in
            guard let value = value as? Subject else { return nil }
            return try await section(request, value)
        }
    }
}

extension Application {
    private struct PageSectionProvidersKey: StorageKey {
        typealias Value = [PageSectionProvider]
    }

    /// The sections modules add to other modules' pages, in the order they were registered at start-up.
    package var pageSectionProviders: [PageSectionProvider] {
        get { storage[PageSectionProvidersKey.self] ?? [] }
        set { storage[PageSectionProvidersKey.self] = newValue }
    }
}

extension Request {
    /// Every section modules add to the page about `subject` that has something to show.
    package func pageSections<Subject>(for subject: Subject) async throws -> [PageSection] {
        var sections: [PageSection] = []
        for provider in application.pageSectionProviders where provider.subject == ObjectIdentifier(Subject.self) {
            if let section = try await provider.section(self, subject) { sections.append(section) }
        }
        return sections
    }

    /// A module's template rendered to text, for a section of another module's page.
    package func renderedSection(_ template: String, _ context: some Encodable) async throws -> String {
        String(buffer: try await view.render(template, context).data)
    }
}
