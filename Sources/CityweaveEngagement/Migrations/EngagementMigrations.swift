import Fluent

/// The engagement module's migrations, in the order they landed.
package enum EngagementMigrations {
    package static let all: [any Migration] = [
        CreateCityStrategy(), CreateEngagement(), CreatePortfolioPlan(), CreateStaffProfile(),
    ]
}
