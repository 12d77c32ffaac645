import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The knowledge module's JSON API: practices, their search, reviews,
/// transfers and recommendations, and tracked measures. Who may write is
/// declared with each route in `KnowledgeRoutes`.
package struct KnowledgeAPIController {
    /// A new practice: the practice's fields, the city and, for a translation, the practice it translates.
    package struct NewPractice: Decodable {
        package var city: Int
        package var translationOf: Int?
        package var practice: PracticeInput

        private enum CodingKeys: String, CodingKey { case city, translationOf }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            city = try container.decode(Int.self, forKey: .city)
            translationOf = try container.decodeIfPresent(Int.self, forKey: .translationOf)
            practice = try PracticeInput(from: decoder)
        }
    }

    package struct Publication: Content {
        package var published: Bool
    }

    package struct NewTransfer: Content {
        package var city: Int
        package var stage: String
        package var date: String?
        package var notes: String?
    }

    package struct Evidence: Content {
        package var countsAsEvidence: Bool
    }

    /// Searches published practices; `q` finds text in any language.
    @Sendable
    package func search(_ request: Request) async throws -> PracticeSearchDTO {
        try await PracticeSearch.answer(
            try await PracticeSearchQuery.parse(request), request: request,
            countingFacetsOf: request.application.publishedPractices)
    }

    /// One practice in full; drafts only for their own city.
    @Sendable
    package func practice(_ request: Request) async throws -> PracticeDTO {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        return try await KnowledgeQueries.detail(practice, request: request)
    }

    /// Records a draft practice for a city.
    @Sendable
    package func create(_ request: Request) async throws -> Response {
        let input = try request.jsonBody(NewPractice.self)
        let practice = try await PracticeEdits.create(
            input.practice, cityID: input.city, translationOf: input.translationOf, context: request.editContext)
        return try await KnowledgeQueries.detail(practice, request: request)
            .encodeResponse(status: .created, for: request)
    }

    /// Changes a practice; fields left out stay, null clears an optional one.
    @Sendable
    package func update(_ request: Request) async throws -> PracticeDTO {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        try await PracticeEdits.update(
            practice, with: try request.jsonBody(PracticeInput.self), context: request.editContext)
        return try await KnowledgeQueries.detail(practice, request: request)
    }

    /// Publishes a draft, or withdraws a published practice to a draft.
    @Sendable
    package func publication(_ request: Request) async throws -> PracticeDTO {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        try await PracticeEdits.setPublished(
            practice, try request.jsonBody(Publication.self).published, context: request.editContext)
        return try await KnowledgeQueries.detail(practice, request: request)
    }

    @Sendable
    package func delete(_ request: Request) async throws -> HTTPStatus {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        try await PracticeEdits.delete(practice, context: request.editContext)
        return .noContent
    }

    /// Labels a practice as reviewed by a network, with its checklist.
    @Sendable
    package func review(_ request: Request) async throws -> PracticeDTO {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let networkID = try await DirectoryQueries.networkID(request.parameters.get("network") ?? "", on: request.db)
        _ = try await ReviewEdits.review(
            practice, networkID: networkID, input: try request.jsonBody(ReviewEdits.Input.self),
            context: request.editContext)
        return try await KnowledgeQueries.detail(practice, request: request)
    }

    @Sendable
    package func removeReview(_ request: Request) async throws -> HTTPStatus {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let networkID = try await DirectoryQueries.networkID(request.parameters.get("network") ?? "", on: request.db)
        try await ReviewEdits.remove(practice, networkID: networkID, context: request.editContext)
        return .noContent
    }

    /// Every city adapting a practice, with the stages each reached.
    @Sendable
    package func transfers(_ request: Request) async throws -> [TransferDTO] {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        return try await KnowledgeQueries.transfers(ofPractice: try practice.requireID(), request: request)
    }

    /// A city declares that it is adapting the practice.
    @Sendable
    package func declareTransfer(_ request: Request) async throws -> Response {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        let input = try request.jsonBody(NewTransfer.self)
        let transfer = try await TransferEdits.declare(
            practice, cityID: input.city, step: .init(stage: input.stage, date: input.date, notes: input.notes),
            context: request.editContext)
        return try await transferDTO(transfer, request: request).encodeResponse(status: .created, for: request)
    }

    /// The adapting city records the next stage.
    @Sendable
    package func advanceTransfer(_ request: Request) async throws -> TransferDTO {
        let transfer = try await TransferEdits.transfer(
            try request.integerParameter("transferID"), ofPractice: try request.integerParameter("id"), on: request.db)
        try await TransferEdits.advance(
            transfer, step: try request.jsonBody(TransferEdits.StepInput.self), context: request.editContext)
        return try await transferDTO(transfer, request: request)
    }

    /// The practice's city cites a finished transfer as evidence, or stops citing it.
    @Sendable
    package func citeTransfer(_ request: Request) async throws -> TransferDTO {
        let transfer = try await TransferEdits.transfer(
            try request.integerParameter("transferID"), ofPractice: try request.integerParameter("id"), on: request.db)
        try await TransferEdits.setEvidence(
            transfer, try request.jsonBody(Evidence.self).countsAsEvidence, context: request.editContext)
        return try await transferDTO(transfer, request: request)
    }

    /// Cities like the practice's city working on its themes, with contacts.
    @Sendable
    package func similarCities(_ request: Request) async throws -> [PeerCityDTO] {
        let practice = try await KnowledgeQueries.visiblePractice(try request.integerParameter("id"), request: request)
        return try await Recommendations.peers(
            of: practice, limit: try limit(request), from: request.application.publishedPractices, request: request)
    }

    /// Practices of other cities ranked for a city.
    @Sendable
    package func recommendedPractices(_ request: Request) async throws -> [RecommendedPracticeDTO] {
        let city = try await DirectoryQueries.city(try request.integerParameter("id"), on: request.db)
        return try await Recommendations.practices(
            for: city, limit: try limit(request), from: request.application.publishedPractices, request: request)
    }

    /// Tracked measures, filtered by city, category and dates.
    @Sendable
    package func measures(_ request: Request) async throws -> Paged<MeasureDTO> {
        let filter = try MeasureFilter(request)
        let (measures, metadata) = try await MeasureQueries.measures(
            filter, page: try PageParameters(from: request), on: request.db)
        return Paged(items: measures.map { KnowledgeQueries.measure($0, request: request) }, metadata: metadata)
    }

    /// The theme taxonomy, labelled in the request's language.
    @Sendable
    package func themes(_ request: Request) async throws -> [ThemeDTO] {
        Theme.allCases.map { ThemeDTO(name: $0.rawValue, label: request.text($0.message)) }
    }

    private func transferDTO(_ transfer: PracticeTransfer, request: Request) async throws -> TransferDTO {
        let all = try await KnowledgeQueries.transfers(ofPractice: transfer.$practice.id, request: request)
        return all.first { $0.id == transfer.id }!
    }

    private func limit(_ request: Request) throws -> Int {
        guard let text = request.query[String.self, at: "limit"] else { return 10 }
        guard let limit = Int(text), (1...50).contains(limit) else {
            throw BadRequest(
                Message(
                    "knowledge.error.limit", "'{field}' must be a whole number from 1 to 50; got '{given}'.",
                    ["field": .text("limit"), "given": .text(text)]))
        }
        return limit
    }
}

package struct ThemeDTO: Content {
    package var name: String
    package var label: String
}
