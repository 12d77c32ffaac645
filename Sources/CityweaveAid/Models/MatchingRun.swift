import CityweaveAccounts
import CityweaveDirectory
import Fluent
import Vapor

/// One computation of the matching: which open offers and requests it
/// took, what it achieved, and (as its allocations) what it proposed.
package final class MatchingRun: Model, @unchecked Sendable {
    package static let schema = "aid_matching_runs"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data fields
    @Field(key: "offers_considered") package var offersConsidered: Int
    @Field(key: "requests_considered") package var requestsConsidered: Int
    @Field(key: "candidate_routes") package var candidateRoutes: Int
    /// Units of need met, weighted by urgency (the first objective).
    @Field(key: "weighted_units_met") package var weightedUnitsMet: Int64
    /// The proposals' cost (the second objective).
    @Field(key: "total_cost") package var totalCost: Int64
    @Field(key: "solve_milliseconds") package var solveMilliseconds: Double

    // relationships
    @OptionalParent(key: "started_by_id") package var startedBy: User?
    /// The network whose members the run was limited to; none for a platform-wide run.
    @OptionalParent(key: "network_id") package var network: Network?
    /// The one resource the run was limited to, if any.
    @OptionalParent(key: "resource_id") package var resource: AidResource?

    package init() {}
}
