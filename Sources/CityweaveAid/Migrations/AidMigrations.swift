import Fluent

/// The aid module's migrations, in the order they landed.
package enum AidMigrations {
    package static let all: [any Migration] = [
        CreateAidResource(), CreateAidPost(), CreateMatchingRun(), CreateAidAllocation(), AddAidClusters(),
        StoreAllocationReasonsAsMessages(),
    ]
}
