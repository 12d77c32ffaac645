import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The knowledge module's pages for reading: the practice search, a
/// practice with its reviews, versions, transfers and peers, a city's
/// recommendations, and the measure tracker.
package struct PracticeWebController {
    package typealias Choice = FormChoice

    // MARK: search

    package struct SearchPage: Encodable {
        package struct Facet: Encodable {
            package var name: String
            package var title: String
            package var values: [Value]
        }

        package struct Value: Encodable {
            package var value: String
            package var label: String
            package var count: Int
            package var href: String
            package var selected: Bool
        }

        /// A result as the list shows it: its stage, its language and its other versions by name.
        package struct Item: Encodable {
            package struct Version: Encodable {
                package var id: Int
                package var code: String
                package var language: String
            }

            package var practice: PracticeSummaryDTO
            package var stage: String
            package var language: String
            package var otherVersions: [Version]
        }

        package var layout: Layout
        package var query: String
        package var sort: String
        package var results: PracticeSearchDTO
        package var items: [Item]
        package var facets: [Facet]
        package var pager: Pager
        package var filtered: Bool
        package var clearFilters: String
        package var feed: String
    }

    /// `/practices`: search with facets; every facet value is a link that adds (or removes) its filter.
    @Sendable
    package func search(_ request: Request) async throws -> View {
        let query = try await PracticeSearchQuery.parse(request)
        let results = try await PracticeSearch.answer(
            query, request: request, countingFacetsOf: request.application.publishedPractices)
        let titles: [PracticeFacet: Message] = [
            .theme: Message("knowledge.facet.theme", "Theme"), .region: Message("knowledge.facet.region", "Region"),
            .income: Message("knowledge.facet.income", "Income group"),
            .population: Message("knowledge.facet.population", "City size"),
            .stage: Message("knowledge.facet.stage", "Stage"),
            .language: Message("knowledge.facet.language", "Language"),
            .network: Message("knowledge.facet.network", "Reviewed by"),
        ]
        // Counts are over the current results, so a facet already filtered
        // shows only its chosen value, with a link that removes the filter;
        // the others' links narrow the results further.
        let facets = PracticeFacet.allCases.compactMap { facet -> SearchPage.Facet? in
            let chosen: String? =
                facet == .network
                ? query.networkID.map(String.init) : request.query[String.self, at: facet.rawValue].nonEmpty
            let values = (results.facets[facet.rawValue] ?? []).filter { chosen == nil || $0.value == chosen }.map {
                value in
                let selected = chosen != nil
                return SearchPage.Value(
                    value: value.value, label: value.label, count: value.count,
                    href: Pager.link(request, replacing: [facet.rawValue: selected ? "" : value.value, "page": "1"]),
                    selected: selected)
            }
            return values.isEmpty
                ? nil : SearchPage.Facet(name: facet.rawValue, title: request.text(titles[facet]!), values: values)
        }
        let filtered = PracticeFacet.allCases.contains { request.query[String.self, at: $0.rawValue].nonEmpty != nil }
        var clear = URLComponents()
        clear.path = request.localized(KnowledgePath.practices.href())
        clear.queryItems = [URLQueryItem(name: "q", value: request.query[String.self, at: "q"] ?? "")]
        let page = SearchPage(
            layout: Layout(title: Message("knowledge.search.title", "Practices"), request: request),
            query: request.query[String.self, at: "q"] ?? "",
            sort: query.sort.rawValue, results: results,
            items: results.items.map { item in
                SearchPage.Item(
                    practice: item, stage: request.text(item.stage.message),
                    language: LanguageName.of(item.language, in: request.language),
                    otherVersions: (item.otherVersions ?? []).map {
                        .init(
                            id: $0.id, code: $0.language, language: LanguageName.of($0.language, in: request.language))
                    })
            }, facets: facets,
            pager: Pager(results.metadata, request: request),
            filtered: filtered, clearFilters: clear.string ?? KnowledgePath.practices.href(),
            feed: request.localized(
                query.theme.map { KnowledgePath.themeFeed.href("\($0.rawValue).atom") } ?? KnowledgePath.feed.href()))
        return try await request.view.render("Knowledge/search", page)
    }

    // MARK: one practice

    package struct PracticePage: Encodable {
        package struct Section: Encodable {
            package var title: String
            package var markdown: String
        }

        /// A transfer with its stages in the reader's language.
        package struct TransferView: Encodable {
            package struct Step: Encodable {
                package var stage: String
                package var date: String
                package var notes: String
            }

            package var transfer: TransferDTO
            package var stage: String
            package var steps: [Step]
            /// The adapting city's editors may record the next stage.
            package var mayAdvance: Bool
            package var nextStages: [Choice]
        }

        package struct ReviewView: Encodable {
            package var review: PracticeDTO.Review
            package var day: String
            package var missing: String
        }

        package var layout: Layout
        package var practice: PracticeDTO
        package var published: String?
        package var updated: String?
        package var reviews: [ReviewView]
        /// The transfers whose result the practice's city cites as evidence.
        package var evidence: [TransferView]
        package var languageName: String
        package var stageLabel: String
        package var budgetLabel: String?
        package var themes: [Choice]
        package var sections: [Section]
        package var versions: [Choice]
        /// The version in the reader's language, when this one is in another and there is one.
        package var readersVersion: Choice?
        package var transfers: [TransferView]
        package var peers: [PeerCityDTO]
        /// How alike the reader's city is to the practice's.
        package var likeness: [String]?
        package var readerCity: String?
        package var mayEdit: Bool
        /// The reader's city, when it may declare a transfer of this practice.
        package var transferCityID: Int?
        package var reviewNetwork: NetworkReferenceDTO?
        package var stages: [Choice]
        package var today: String
        package var notice: String?
    }

    /// `/practices/{id}`.
    @Sendable
    package func practice(_ request: Request) async throws -> View {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let dto = try await KnowledgeQueries.detail(practice, request: request)
        let user = request.actor?.user
        let cityID = practice.$city.id
        let mayEdit = AccessPolicy.holds(.editor, in: [.city(cityID)], user: user)
        let transferView = { (transfer: TransferDTO) in
            PracticePage.TransferView(
                transfer: transfer, stage: request.text(transfer.stage.message),
                steps: transfer.steps.map {
                    .init(stage: request.text($0.stage.message), date: $0.date, notes: $0.notes)
                },
                mayAdvance: AccessPolicy.holds(.editor, in: [.city(transfer.city.id)], user: user),
                nextStages: TransferStage.allCases.filter { transfer.stage.mayMove(to: $0) }.map {
                    Choice(value: $0.rawValue, label: request.text($0.message), selected: false)
                })
        }
        let transfers = try await KnowledgeQueries.transfers(ofPractice: dto.id, request: request).map(transferView)
        var likeness: [String]?
        var readerCity: String?
        var transferCityID: Int?
        if let own = user?.organisation, own.kind == .city, own.id != cityID {
            let reader = try await DirectoryQueries.city(own.id, on: request.db)
            let home = try await DirectoryQueries.city(cityID, on: request.db)
            likeness = CityLikeness.between(CityProfiles.profile(of: reader), CityProfiles.profile(of: home))
                .reasons.map { request.text($0.message) }
            readerCity = reader.name
            let adapting = transfers.contains { $0.transfer.city.id == own.id }
            if practice.isPublished, !adapting, AccessPolicy.holds(.editor, in: [own], user: user) {
                transferCityID = own.id
            }
        }
        var reviewNetwork: NetworkReferenceDTO?
        if practice.isPublished, let own = user?.organisation, own.kind == .network,
            AccessPolicy.holds(.editor, in: [own], user: user),
            let network = try await Network.find(own.id, on: request.db)
        {
            reviewNetwork = .init(id: own.id, slug: network.slug, name: network.name)
        }
        let page = PracticePage(
            layout: Layout(title: dto.title, request: request), practice: dto,
            published: dto.publishedAt.map(request.text(day:)), updated: dto.updatedAt.map(request.text(day:)),
            reviews: dto.reviews.map {
                .init(
                    review: $0, day: request.text(day: $0.reviewedAt),
                    missing: $0.missingSections.map { request.text(ReviewEdits.sectionName($0)) }
                        .joined(separator: ", "))
            },
            evidence: dto.evidenceFromTransfers.map(transferView),
            languageName: LanguageName.of(dto.language, in: request.language),
            stageLabel: request.text(dto.stage.message),
            budgetLabel: dto.knowHow.budgetBand.map { request.text($0.message) },
            themes: practice.themeValues.map {
                Choice(value: $0.rawValue, label: request.text($0.message), selected: false)
            },
            sections: [
                .init(
                    title: request.text(Message("knowledge.practice.pitfalls", "Pitfalls met")),
                    markdown: dto.knowHow.pitfalls),
                .init(
                    title: request.text(Message("knowledge.practice.resources", "Resources needed")),
                    markdown: dto.resources),
                .init(
                    title: request.text(Message("knowledge.practice.evidence", "Evidence and outcomes")),
                    markdown: dto.evidence),
            ],
            versions: dto.versions.filter { $0.id != dto.id }.map {
                let language = LanguageName.of($0.language, in: request.language)
                return Choice(
                    value: "\($0.id)",
                    label: $0.isOriginal
                        ? request.text(
                            Message(
                                "knowledge.practice.original-version", "{language} (original)",
                                ["language": .text(language)]))
                        : language,
                    selected: false)
            },
            readersVersion: dto.language == request.language.rawValue
                ? nil
                : dto.versions.first { $0.language == request.language.rawValue }.map {
                    Choice(
                        value: "\($0.id)", label: LanguageName.of($0.language, in: request.language), selected: false)
                },
            transfers: transfers,
            peers: try await Recommendations.peers(
                of: practice, limit: 8, from: request.application.publishedPractices, request: request),
            likeness: likeness, readerCity: readerCity, mayEdit: mayEdit,
            transferCityID: transferCityID, reviewNetwork: reviewNetwork,
            stages: TransferStage.allCases.filter { $0 != .abandoned }.map {
                Choice(value: $0.rawValue, label: request.text($0.message), selected: false)
            },
            today: DateText.day(Date()), notice: request.notice(PracticeNotice.self))
        return try await request.view.render("Knowledge/practice", page)
    }

    // MARK: recommendations

    package struct RecommendedPage: Encodable {
        package var layout: Layout
        package var cityID: Int
        package var cityName: String
        package var recommendations: [PracticeListItem]
    }

    /// `/cities/{id}/recommended-practices`: "done in cities like this one".
    @Sendable
    package func recommended(_ request: Request) async throws -> View {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let page = RecommendedPage(
            layout: Layout(
                title: Message(
                    "knowledge.recommended.title", "Practices for {city}", ["city": .text(city.name)]),
                request: request), cityID: city.id!,
            cityName: city.name,
            recommendations: try await Recommendations.practices(
                for: city, limit: 30, from: request.application.publishedPractices, request: request
            )
            .map { PracticeListItem($0, request: request) })
        return try await request.view.render("Knowledge/recommended", page)
    }

    // MARK: measures

    /// A measure with the theme of its category in the reader's language.
    package struct MeasureRow: Encodable {
        package var measure: MeasureDTO
        package var themeLabel: String

        init(_ measure: MeasureDTO, request: Request) {
            self.measure = measure
            themeLabel = PracticeWebController.themeLabel(of: measure, request: request)
        }
    }

    /// The theme of a measure's category, in the reader's language.
    private static func themeLabel(of measure: MeasureDTO, request: Request) -> String {
        Theme(rawValue: measure.category.theme).map { request.text($0.message) } ?? measure.category.theme
    }

    package struct MeasuresPage: Encodable {
        package var layout: Layout
        package var measures: [MeasureRow]
        package var pager: Pager
        package var categories: [Choice]
        package var cities: [Choice]
        package var from: String
        package var to: String
        package var total: Int
        /// Whether any measure shown came with Cityweave as an example.
        package var showsExamples: Bool
    }

    /// `/measures`: the local action tracker, filtered by category, city and dates.
    @Sendable
    package func measures(_ request: Request) async throws -> View {
        let filter = try MeasureFilter(request)
        let (measures, metadata) = try await MeasureQueries.measures(
            filter, page: try PageParameters(from: request, defaultPer: 50), on: request.db)
        let choices = try await MeasureQueries.choices(on: request.db)
        let page = MeasuresPage(
            layout: Layout(title: Message("knowledge.measures.title", "Measures cities took"), request: request),
            measures: measures.map { MeasureRow(KnowledgeQueries.measure($0, request: request), request: request) },
            pager: Pager(metadata, request: request),
            categories: choices.categories.map {
                Choice(
                    value: $0.code, label: "\($0.code) \(request.text($0.message))",
                    selected: $0.code == filter.category)
            },
            cities: choices.cities.map { Choice(value: "\($0.id!)", label: $0.name, selected: $0.id == filter.cityID) },
            from: filter.from ?? "", to: filter.to ?? "", total: metadata.total,
            showsExamples: measures.contains { $0.isExample })
        return try await request.view.render("Knowledge/measures", page)
    }

    package struct TimelinePage: Encodable {
        package struct Category: Encodable {
            package var code: String
            package var name: String
            package var theme: String
            package var themeLabel: String
            package var measures: [MeasureDTO]
        }

        package var layout: Layout
        package var cityID: Int
        package var cityName: String
        package var countryName: String
        package var categories: [Category]
        package var chart: MeasureTimelineChart
    }

    /// `/measures/cities/{id}`: one city's measures over time, by category.
    @Sendable
    package func timeline(_ request: Request) async throws -> View {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        let measures = try await MeasureQueries.timeline(
            cityID: city.id!, filter: try MeasureFilter(request), on: request.db
        )
        .map { KnowledgeQueries.measure($0, request: request) }
        let grouped = Dictionary(grouping: measures, by: \.category.code)
        let categories = grouped.keys.sorted().map { code in
            let items = grouped[code]!
            return TimelinePage.Category(
                code: code, name: items[0].category.name, theme: items[0].category.theme,
                themeLabel: Self.themeLabel(of: items[0], request: request), measures: items)
        }
        let page = TimelinePage(
            layout: Layout(
                title: Message("knowledge.timeline.title", "Measures of {city}", ["city": .text(city.name)]),
                request: request), cityID: city.id!, cityName: city.name,
            countryName: request.countryName(of: city), categories: categories,
            chart: MeasureTimelineChart(measures, request: request))
        return try await request.view.render("Knowledge/timeline", page)
    }
}

/// What a practice's page says after a change.
package enum PracticeNotice: String, PageNotice {
    case created, published, withdrawn, reviewed, declared, advanced, cited, uncited

    package var message: Message {
        switch self {
        case .created:
            Message(
                "knowledge.notice.created",
                "The practice is saved as a draft: only your city sees it until you publish it.")
        case .published:
            Message(
                "knowledge.notice.published",
                "The practice is published: everyone can find it, and it is in the feeds.")
        case .withdrawn: Message("knowledge.notice.withdrawn", "The practice is a draft again.")
        case .reviewed: Message("knowledge.notice.reviewed", "Your network's review is recorded.")
        case .declared: Message("knowledge.notice.declared", "Your city's transfer is recorded.")
        case .advanced: Message("knowledge.notice.advanced", "The new stage is recorded.")
        case .cited: Message("knowledge.notice.cited", "The transfer's result now counts as evidence.")
        case .uncited: Message("knowledge.notice.uncited", "The transfer is no longer cited.")
        }
    }
}
