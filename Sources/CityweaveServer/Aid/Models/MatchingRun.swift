import Fluent
import Vapor

/// One computation of the matching: which open offers and requests it
/// took, what it achieved, and (as its allocations) what it proposed.
final class MatchingRun: Model, @unchecked Sendable {
    static let schema = "aid_matching_runs"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "offers_considered") var offersConsidered: Int
    @Field(key: "requests_considered") var requestsConsidered: Int
    @Field(key: "candidate_routes") var candidateRoutes: Int
    /// Units of need met, weighted by urgency (the first objective).
    @Field(key: "weighted_units_met") var weightedUnitsMet: Int64
    /// The proposals' cost (the second objective).
    @Field(key: "total_cost") var totalCost: Int64
    @Field(key: "solve_milliseconds") var solveMilliseconds: Double

    // relationships
    @OptionalParent(key: "started_by_id") var startedBy: User?
    /// The network whose members the run was limited to; none for a platform-wide run.
    @OptionalParent(key: "network_id") var network: Network?
    /// The one resource the run was limited to, if any.
    @OptionalParent(key: "resource_id") var resource: AidResource?

    init() {}
}
