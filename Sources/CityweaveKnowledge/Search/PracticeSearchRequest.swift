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
        guard text.count <= 500 else { throw BadRequest.tooLong("q", limit: 500) }
        query.terms = SearchTerms(text)
        query.namedThemes = ThemeQuery(text)
        query.preferredLanguage = request.language.rawValue
        if let theme = try request.filterQuery("theme") {
            query.theme = try FieldChoice.parse(Theme.self, theme, field: "theme")
        }
        if let region = try request.filterQuery("region") {
            guard regions.contains(region) else {
                throw BadRequest(
                    FieldChoice.refusal(field: "region", allowed: regions.joined(separator: ", "), given: region))
            }
            query.region = region
        }
        if let income = try request.filterQuery("income") {
            guard incomeGroups.contains(income) else {
                throw BadRequest(
                    FieldChoice.refusal(field: "income", allowed: incomeGroups.joined(separator: ", "), given: income))
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
            query.language = try LanguageName.code(language)
        }
        if let network = try request.filterQuery("network") {
            do {
                query.networkID = try await DirectoryQueries.networkID(network, on: request.db)
            } catch let error as AbortError where error.status == .notFound {
                throw BadRequest(
                    Message(
                        "knowledge.error.network-field-unknown", "'{field}': there is no network '{network}'.",
                        ["field": .text("network"), "network": .text(network)]))
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
    /// the page of practices with their snippets, and facet counts labelled in the request's language.
    package static func answer(
        _ query: PracticeSearchQuery, request: Request, countingFacetsOf published: PublishedPractices
    ) async throws -> PracticeSearchDTO {
        let database = request.db
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
                let words = { (message: Message?) in message.map { request.text($0) } ?? count.value }
                let label =
                    switch facet {
                    case .theme: words(Theme(rawValue: count.value)?.message)
                    case .population: words(PopulationBand(rawValue: count.value)?.message)
                    case .stage: words(PracticeStage(rawValue: count.value)?.message)
                    case .region: words(ReferenceName.region(count.value))
                    case .income: words(ReferenceName.incomeGroup(count.value))
                    case .language: LanguageName.of(count.value, in: request.language)
                    case .network: networkNames[count.value] ?? count.value
                    }
                return .init(value: count.value, label: label, count: count.count)
            }
        }
        return PracticeSearchDTO(
            items: practices.map { practice in
                var summary = KnowledgeQueries.summary(practice, terms: query.terms, request: request)
                summary.onTheSameTheme = sameTheme.contains(practice.id!)
                summary.otherVersions = otherVersions[practice.id!] ?? []
                return summary
            },
            metadata: ListPageMetadata(query.page, total: result.total), facets: facets)
    }
}
