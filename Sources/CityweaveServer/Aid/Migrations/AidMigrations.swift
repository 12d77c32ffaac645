import Fluent

/// The aid module's migrations, in the order they landed.
enum AidMigrations {
    static let all: [any Migration] = [
        CreateAidResource(), CreateAidPost(), CreateMatchingRun(), CreateAidAllocation(),
    ]
}
