import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Foundation
import SQLKit
import Vapor

extension PracticeSearchQuery {
    package static let regions = ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    package static let incomeGroups = CityProfile.incomeGroups

    /// Reads `q`, the facet filters, `sort`, `page` and `per` from the query
    /// string; anything it cannot use is a 400 that names the parameter.
    package static func parse(_ request: Request) async throws -> PracticeSearchQuery {
        var query = PracticeSearchQuery(page: try PageParameters(from: request))
        let text = request.query[String.self, at: "q"] ?? ""
        guard text.count <= 500 else { throw BadRequest("'q' may be at most 500 characters long.") }
        query.terms = SearchTerms(text)
        query.namedThemes = ThemeQuery(text)
        query.preferredLanguage = request.language.rawValue
        if let theme = try request.filterQuery("theme") {
            query.theme = try FieldChoice.parse(Theme.self, theme, field: "theme")
        }
        if let region = try request.filterQuery("region") {
            guard regions.contains(region) else {
                throw BadRequest("'region' must be one of \(regions.joined(separator: ", ")); got '\(region)'.")
            }
            query.region = region
        }
        if let income = try request.filterQuery("income") {
            guard incomeGroups.contains(income) else {
                throw BadRequest(
                    "'income' must be one of \(incomeGroups.joined(separator: ", ")); got '\(income)'.")
            }
            query.incomeGroup = income
        }
        if let band = try request.filterQuery("population") {
            query.population = try FieldChoice.parse(PopulationBand.self, band, field: "population")
        }
        if let stage = try request.filterQuery("stage") {
            query.stage = try FieldChoice.parse(PracticeStage.self, stage, field: "stage")
        }
        if let language = try request.filterQuery("language") {
            query.language = try PracticeInput.languageCode(language)
        }
        if let network = try request.filterQuery("network") {
            do {
                query.networkID = try await DirectoryQueries.networkID(network, on: request.db)
            } catch let error as AbortError where error.status == .notFound {
                throw BadRequest("'network': there is no network '\(network)'.")
            }
        }
        if let sort = try request.filterQuery("sort") {
            query.sort = try FieldChoice.parse(Sort.self, sort, field: "sort")
        }
        return query
    }
}

extension PracticeSearch {
    /// Runs a search and shapes the answer both the API and the page give:
    /// the page of practices with their snippets, and labelled facet counts.
    package static func answer(
        _ query: PracticeSearchQuery, on database: any Database, countingFacetsOf published: PublishedPractices
    ) async throws -> PracticeSearchDTO {
        let result = try await search(query, on: database, countingFacetsOf: published)
        // A practice withdrawn since the search ran is left out.
        let practices = try await KnowledgeQueries.practices(ids: result.hits.map(\.practiceID), on: database)
            .filter(\.isPublished)
        let sameTheme = Set(result.hits.filter(\.isOnTheSameTheme).map(\.practiceID))
        let otherVersions = try await KnowledgeQueries.otherPublishedVersions(of: practices, on: database)
        let networkIDs = (result.facets[.network] ?? []).compactMap { Int($0.value) }
        let networks = try await Network.query(on: database).filter(\.$id ~~ networkIDs)
            .field(\.$id).field(\.$name).all()
        let networkNames = Dictionary(uniqueKeysWithValues: networks.map { ("\($0.id!)", $0.name) })
        var facets: [String: [PracticeSearchDTO.FacetValue]] = [:]
        for facet in PracticeFacet.allCases {
            facets[facet.rawValue] = (result.facets[facet] ?? []).map { count in
                let label: String =
                    switch facet {
                    case .theme: Theme(rawValue: count.value)?.label ?? count.value
                    case .population: PopulationBand(rawValue: count.value)?.label ?? count.value
                    case .stage: PracticeStage(rawValue: count.value)?.label ?? count.value
                    case .language: LanguageName.of(count.value)
                    case .network: networkNames[count.value] ?? count.value
                    case .region, .income: count.value
                    }
                return .init(value: count.value, label: label, count: count.count)
            }
        }
        return PracticeSearchDTO(
            items: practices.map { practice in
                var summary = KnowledgeQueries.summary(practice, terms: query.terms)
                summary.onTheSameTheme = sameTheme.contains(practice.id!)
                summary.otherVersions = otherVersions[practice.id!] ?? []
                return summary
            },
            metadata: ListPageMetadata(query.page, total: result.total), facets: facets)
    }
}
