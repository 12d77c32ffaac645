import CityweaveCore
import Vapor

/// What every page's frame needs: its title, the navigation with the
/// current section marked, and the search box's text.
package struct Layout: Encodable {
    package struct Section: Encodable {
        package var label: String
        package var href: String
        package var current: Bool
    }

    /// The signed-in user, for the header's account links and sign-out button.
    package struct Account: Encodable, Sendable {
        package var name: String
        package var isAdmin: Bool

        package init(name: String, isAdmin: Bool) {
            self.name = name
            self.isAdmin = isAdmin
        }
    }

    /// The page in one of the interface languages, for the switcher and the `hreflang` alternates.
    package struct LanguageLink: Encodable {
        package var tag: String
        package var name: String
        package var href: String
        package var current: Bool
    }

    package var title: String
    package var sections: [Section]
    package var query: String
    package var account: Account?
    /// The page's language (`lang`), its direction (`dir`) and the same page in every language.
    package var language: String
    package var direction: String
    package var languages: [LanguageLink]

    /// A page whose title is a message of the catalogue.
    package init(title: Message, request: Request) {
        self.init(title: request.text(title), request: request)
    }

    /// A page whose title is data: a city's or a network's name.
    package init(title: String, request: Request) {
        self.title = title
        let path = request.url.path
        sections = request.application.modules.navigation.map { entry in
            Section(
                label: request.text(entry.label), href: request.localized(entry.href),
                current: entry.isCurrent(at: path))
        }
        language = request.language.tag
        direction = request.language.isRightToLeft ? "rtl" : "ltr"
        languages = InterfaceLanguage.allCases.map { language in
            LanguageLink(
                tag: language.tag, name: language.nativeName, href: request.address(in: language),
                current: language == request.language)
        }
        // The address of a request refused for its size is not parsed again for the search box.
        query =
            request.url.string.utf8.count <= RequestLimits.maximumURLBytes
            ? request.query[String.self, at: "q"] ?? "" : ""
        account = request.application.signedInAccount(request)
    }
}

extension Application {
    private struct SignedInAccountKey: StorageKey {
        typealias Value = @Sendable (Request) -> Layout.Account?
    }

    /// Who is signed in through a request, for the page header: the accounts module provides it.
    package var signedInAccount: @Sendable (Request) -> Layout.Account? {
        get { storage[SignedInAccountKey.self] ?? { _ in nil } }
        set { storage[SignedInAccountKey.self] = newValue }
    }
}

/// Links to the previous and next page of a list, keeping the rest of the query.
package struct Pager: Encodable {
    package var page: Int
    package var pageCount: Int
    package var total: Int
    package var previous: String?
    package var next: String?

    package init(_ metadata: ListPageMetadata, request: Request) {
        page = metadata.page
        pageCount = metadata.pageCount
        total = metadata.total
        previous = metadata.page > 1 ? Self.link(request, page: metadata.page - 1) : nil
        next = metadata.page < metadata.pageCount ? Self.link(request, page: metadata.page + 1) : nil
    }

    package static func link(_ request: Request, page: Int) -> String {
        link(request, replacing: ["page": "\(page)"])
    }

    /// The current address with some query parameters replaced.
    package static func link(_ request: Request, replacing changes: [String: String]) -> String {
        var components = URLComponents()
        components.path = request.localized(request.url.path)
        var items = (URLComponents(string: request.url.string)?.queryItems ?? []).filter { changes[$0.name] == nil }
        items += changes.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        components.queryItems = items
        return components.string ?? request.url.path
    }
}

/// A column header that sorts a table when followed.
package struct SortableColumn: Encodable {
    package var label: String
    package var href: String
    /// "ascending", "descending" or nil when the table is not sorted by it.
    package var direction: String?

    package static func columns<Key: RawRepresentable & CaseIterable & Sendable>(
        _ labels: [(Key, Message)], current: SortRequest<Key>, request: Request
    ) -> [SortableColumn] where Key.RawValue == String {
        labels.map { key, label in
            let isCurrent = key == current.key
            let order = isCurrent && !current.descending ? "desc" : "asc"
            return SortableColumn(
                label: request.text(label),
                href: Pager.link(request, replacing: ["sort": key.rawValue, "order": order, "page": "1"]),
                direction: isCurrent ? (current.descending ? "descending" : "ascending") : nil)
        }
    }
}
