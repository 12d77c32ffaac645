import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// What the measure tracker is filtered by: `city`, `category`, `from`, `to`.
package struct MeasureFilter: Sendable {
    package var cityID: Int?
    package var category: String?
    package var from: String?
    package var to: String?

    package init(cityID: Int? = nil, category: String? = nil, from: String? = nil, to: String? = nil) {
        self.cityID = cityID
        self.category = category
        self.from = from
        self.to = to
    }

    /// Reads the filter from the query string; a bad value is a 400 naming it.
    package init(_ request: Request) throws {
        cityID = try request.integerQuery("city")
        if let category = try request.filterQuery("category") {
            let code = category.uppercased()
            guard code.count >= 2, code.count <= 3, let letter = code.first, "CEHM".contains(letter),
                code.dropFirst().allSatisfy(\.isNumber)
            else {
                throw BadRequest(
                    Message(
                        "knowledge.error.measure-category",
                        "'{field}' must be a tracker code such as C1, E1 or H2; got '{given}'.",
                        ["field": .text("category"), "given": .text(category)]))
            }
            self.category = code
        }
        from = try DateText.typedDay(try request.filterQuery("from"), field: "from")
        to = try DateText.typedDay(try request.filterQuery("to"), field: "to")
        if let from, let to, from > to {
            throw BadRequest(
                Message(
                    "knowledge.error.dates-reversed", "'{first}' ({from}) is after '{last}' ({to}).",
                    ["first": .text("from"), "from": .text(from), "last": .text("to"), "to": .text(to)]))
        }
    }
}

package enum MeasureQueries {
    package static func measures(_ filter: MeasureFilter, page: PageParameters, on database: any Database) async throws
        -> ([TrackedMeasure], ListPageMetadata)
    {
        let query = filtered(filter, on: database)
        let total = try await query.count()
        let measures = try await query.with(\.$city) { $0.with(\.$country) }
            .sort(\.$date).sort(\.$categoryCode).sort(\.$id)
            .range(page.offset..<(page.offset + page.per)).all()
        return (measures, ListPageMetadata(page, total: total))
    }

    /// A city's measures, oldest first: its timeline.
    package static func timeline(cityID: Int, filter: MeasureFilter, on database: any Database) async throws
        -> [TrackedMeasure]
    {
        var filter = filter
        filter.cityID = cityID
        return try await filtered(filter, on: database).with(\.$city) { $0.with(\.$country) }
            .sort(\.$date).sort(\.$categoryCode).all()
    }

    /// The tracked categories and the cities with measures, for the filter's choices.
    package static func choices(on database: any Database) async throws -> (
        categories: [MeasureCategory], cities: [City]
    ) {
        let rows = try await TrackedMeasure.query(on: database).field(\.$categoryCode).field(\.$categoryName)
            .unique().all()
        var categories: [String: MeasureCategory] = [:]
        for row in rows {
            categories[row.categoryCode] = MeasureCategory(code: row.categoryCode, name: row.categoryName)
        }
        let cityIDs = try await TrackedMeasure.query(on: database).field(\.$city.$id).unique().all().map(\.$city.id)
        let cities = try await DirectoryQueries.cities(ids: cityIDs, on: database).sorted { $0.name < $1.name }
        return (categories.values.sorted { $0.code < $1.code }, cities)
    }

    private static func filtered(_ filter: MeasureFilter, on database: any Database) -> QueryBuilder<TrackedMeasure> {
        let query = TrackedMeasure.query(on: database)
        if let city = filter.cityID { query.filter(\.$city.$id == city) }
        if let category = filter.category { query.filter(\.$categoryCode == category) }
        if let from = filter.from { query.filter(\.$date >= from) }
        if let to = filter.to { query.filter(\.$date <= to) }
        return query
    }
}
