import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The aid module's JSON API: the catalogue, offers and requests, matching
/// runs, the allocations' steps and the ledger. Who may write is declared
/// with each route in `AidRoutes`.
package struct AidAPIController {
    @Sendable
    package func resources(_ request: Request) async throws -> [AidResourceDTO] {
        try await AidQueries.resources(on: request.db).map(AidResourceDTO.init)
    }

    /// Adds a resource to the catalogue (platform administrators).
    @Sendable
    package func createResource(_ request: Request) async throws -> Response {
        let resource = try await AidCatalogueEdits.create(
            try request.jsonBody(AidCatalogueEdits.Input.self), context: request.editContext)
        return try await AidResourceDTO(resource).encodeResponse(status: .created, for: request)
    }

    /// Open offers (or, with `status`, every status), filtered by `resource` and `city`.
    @Sendable
    package func offers(_ request: Request) async throws -> Paged<AidPostDTO> { try await posts(.offer, request) }

    @Sendable
    package func requests(_ request: Request) async throws -> Paged<AidPostDTO> { try await posts(.request, request) }

    private func posts(_ kind: AidPostKind, _ request: Request) async throws -> Paged<AidPostDTO> {
        let page = try PageParameters(from: request)
        let found = try await AidQueries.posts(
            kind, try await AidQueries.PostFilter.read(request), page: page, on: request.db)
        let showsContact = AidQueries.showsContact(request)
        return Paged(
            items: found.posts.map { AidPostDTO($0, showsContact: showsContact) },
            metadata: ListPageMetadata(page, total: found.total))
    }

    @Sendable
    package func createOffer(_ request: Request) async throws -> Response { try await create(.offer, request) }

    @Sendable
    package func createRequest(_ request: Request) async throws -> Response { try await create(.request, request) }

    private func create(_ kind: AidPostKind, _ request: Request) async throws -> Response {
        let post = try await AidPostEdits.create(
            try request.jsonBody(AidPostInput.self), kind: kind, context: request.editContext)
        return try await AidPostDTO(post, showsContact: true).encodeResponse(status: .created, for: request)
    }

    @Sendable
    package func offer(_ request: Request) async throws -> AidPostDTO { try await post(.offer, request) }

    @Sendable
    package func request(_ request: Request) async throws -> AidPostDTO { try await post(.request, request) }

    private func post(_ kind: AidPostKind, _ request: Request) async throws -> AidPostDTO {
        let post = try await AidQueries.post(try request.integerParameter("id"), kind: kind, on: request.db)
        return AidPostDTO(post, showsContact: AidQueries.showsContact(request))
    }

    @Sendable
    package func withdrawOffer(_ request: Request) async throws -> AidPostDTO { try await withdraw(.offer, request) }

    @Sendable
    package func withdrawRequest(_ request: Request) async throws -> AidPostDTO {
        try await withdraw(.request, request)
    }

    private func withdraw(_ kind: AidPostKind, _ request: Request) async throws -> AidPostDTO {
        let post = try await AidQueries.post(try request.integerParameter("id"), kind: kind, on: request.db)
        try await AidPostEdits.withdraw(post, context: request.editContext)
        return AidPostDTO(try await AidQueries.post(post.requireID(), kind: kind, on: request.db), showsContact: true)
    }

    /// Runs the matching and answers the run with its proposals.
    @Sendable
    package func createRun(_ request: Request) async throws -> Response {
        let input =
            request.body.data == nil ? MatchingRuns.Input() : try request.jsonBody(MatchingRuns.Input.self)
        let run = try await MatchingRuns.run(input, request: request)
        return try await AidQueries.run(try run.requireID(), wording: { request.text($0) }, on: request.db)
            .encodeResponse(status: .created, for: request)
    }

    @Sendable
    package func run(_ request: Request) async throws -> MatchingRunDTO {
        try await AidQueries.run(try request.integerParameter("id"), wording: { request.text($0) }, on: request.db)
    }

    @Sendable
    package func allocation(_ request: Request) async throws -> AllocationDTO {
        try await AidQueries.allocation(
            try request.integerParameter("id"), wording: { request.text($0) }, on: request.db)
    }

    @Sendable
    package func accept(_ request: Request) async throws -> AllocationDTO {
        try await step(request) { id, action in
            try await AllocationEdits.accept(id, side: action.side, context: request.editContext)
        }
    }

    @Sendable
    package func decline(_ request: Request) async throws -> AllocationDTO {
        try await step(request) { id, action in
            try await AllocationEdits.decline(id, side: action.side, context: request.editContext)
        }
    }

    @Sendable
    package func ship(_ request: Request) async throws -> AllocationDTO {
        try await step(request) { id, action in
            try await AllocationEdits.ship(
                id, quantity: action.quantity, date: action.date, side: action.side, context: request.editContext)
        }
    }

    @Sendable
    package func receive(_ request: Request) async throws -> AllocationDTO {
        try await step(request) { id, action in
            try await AllocationEdits.receive(
                id, quantity: action.quantity, date: action.date, side: action.side, context: request.editContext)
        }
    }

    /// Reads the body (which may be empty), runs the step, answers the allocation.
    private func step(_ request: Request, _ body: (Int, AllocationEdits.Action) async throws -> Void) async throws
        -> AllocationDTO
    {
        let id = try request.integerParameter("id")
        let action =
            request.body.data == nil
            ? AllocationEdits.Action() : try request.jsonBody(AllocationEdits.Action.self)
        try await body(id, action)
        return try await AidQueries.allocation(id, wording: { request.text($0) }, on: request.db)
    }

    /// `city` alone: everything it gave and received; with `partner`: that pair, both directions.
    @Sendable
    package func ledger(_ request: Request) async throws -> LedgerDTO {
        try await AidQueries.ledger(
            city: try request.integerQuery("city"), partner: try request.integerQuery("partner"),
            page: try PageParameters(from: request, defaultPer: 50), on: request.db)
    }
}
