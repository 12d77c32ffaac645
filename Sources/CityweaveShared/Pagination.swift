import CityweaveCore
import Vapor

/// `page` and `per` from the query string, checked.
package struct PageParameters: Sendable {
    package static let maximumPer = 100

    package var page: Int
    package var per: Int

    package var offset: Int { (page - 1) * per }

    package init(page: Int, per: Int) {
        self.page = page
        self.per = per
    }

    /// Reads `page` (from 1) and `per` (1 to 100); anything else is a 400 naming the field.
    package init(from request: Request, defaultPer: Int = 20) throws {
        page = try Self.integer("page", in: request, default: 1, range: 1...1_000_000)
        per = try Self.integer("per", in: request, default: defaultPer, range: 1...Self.maximumPer)
    }

    private static func integer(_ name: String, in request: Request, default value: Int, range: ClosedRange<Int>)
        throws -> Int
    {
        guard let text = request.query[String.self, at: name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw BadRequest(
                Message(
                    "shared.error.whole-number-range",
                    "'{field}' must be a whole number from {lowest} to {highest}; got '{given}'.",
                    [
                        "field": .text(name), "lowest": .count(range.lowerBound), "highest": .count(range.upperBound),
                        "given": .text(text),
                    ]))
        }
        return number
    }
}

/// The metadata of a page of results.
package struct ListPageMetadata: Content, Equatable {
    package var page: Int
    package var per: Int
    package var total: Int
    package var pageCount: Int

    package init(_ request: PageParameters, total: Int) {
        page = request.page
        per = request.per
        self.total = total
        pageCount = max(1, (total + request.per - 1) / request.per)
    }
}

/// A page of items and its metadata, as every list in the API answers.
package struct Paged<Item: Content>: Content {
    package var items: [Item]
    package var metadata: ListPageMetadata

    package init(items: [Item], metadata: ListPageMetadata) {
        self.items = items
        self.metadata = metadata
    }
}

/// A sort order chosen in the query string (`sort=population&order=desc`).
package struct SortRequest<Key: RawRepresentable & CaseIterable & Sendable>: Sendable where Key.RawValue == String {
    package var key: Key
    package var descending: Bool

    package init(key: Key, descending: Bool) {
        self.key = key
        self.descending = descending
    }

    package init(from request: Request, default key: Key, descending: Bool) throws {
        if let text = request.query[String.self, at: "sort"] {
            guard let chosen = Key(rawValue: text) else {
                let allowed = Key.allCases.map(\.rawValue).joined(separator: ", ")
                throw BadRequest(FieldChoice.refusal(field: "sort", allowed: allowed, given: text))
            }
            self.key = chosen
        } else {
            self.key = key
        }
        switch request.query[String.self, at: "order"] {
        case nil: self.descending = descending
        case "asc": self.descending = false
        case "desc": self.descending = true
        case let other?: throw BadRequest(FieldChoice.refusal(field: "order", allowed: "asc, desc", given: other))
        }
    }
}

extension Request {
    /// An optional filter of the query string, trimmed. Given empty, it is no filter on a page, whose
    /// forms send their empty fields, and a 400 through the API, whose document gives each filter's form.
    package func filterQuery(_ name: String) throws -> String? {
        guard let text = query[String.self, at: name] else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.isEmpty else { return trimmed }
        if ErrorResponder.wantsProblem(self) {
            throw BadRequest(
                Message(
                    "shared.error.empty-filter", "'{field}' is empty; give a value or leave the parameter out.",
                    ["field": .text(name)]))
        }
        return nil
    }
}
