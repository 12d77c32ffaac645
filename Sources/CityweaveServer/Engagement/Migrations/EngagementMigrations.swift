import Fluent

/// The engagement module's migrations, in the order they landed.
enum EngagementMigrations {
    static let all: [any Migration] = [
        CreateCityStrategy(), CreateEngagement(), CreatePortfolioPlan(), CreateStaffProfile(),
    ]
}
