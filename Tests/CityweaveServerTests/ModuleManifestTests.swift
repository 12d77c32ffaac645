import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveDirectory
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveLandscape
@testable import CityweaveServer
@testable import CityweaveShared

extension CityweaveServerTests {
    @Suite struct ModuleManifestTests {
        @Test func everyNavigationEntryOfEveryModuleOpensAndIsMarkedAsTheCurrentSection() async throws {
            try await withCityweave { app in
                let entries = CityweaveModules.all.navigation
                #expect(entries.map(\.position) == entries.map(\.position).sorted())
                #expect(Set(entries.map(\.href)).count == entries.count)
                for entry in entries {
                    let page = try await app.page(.GET, entry.href)
                    let label = entry.label.englishText
                    #expect(page.status == .ok, "\(label) at \(entry.href)")
                    #expect(
                        page.text.contains(#"<a href="\#(entry.href)" aria-current="page">\#(label)</a>"#),
                        "\(label) is not marked current on its own page")
                }
            }
        }

        @Test func everyGuardedTableOfEveryModuleExists() async throws {
            try await withCityweave(loadReference: false) { app in
                let tables = CityweaveModules.all.modules.flatMap { $0.guardedTables }
                #expect(Set(tables).count == tables.count)
                for table in tables { _ = try await app.count(table) }
            }
        }

        /// Fluent knows which migrations a database has run by their names: one that changed its name
        /// would run again on every database made before, and fail on the tables it finds.
        @Test func everyMigrationThatLandedKeepsItsName() {
            let landed = [
                "CreateAPIToken", "CreateAidAllocation", "CreateAidPost", "CreateAidResource", "CreateAuditEntry",
                "CreateCity", "CreateCityStrategy", "CreateCountry", "CreateDirectoryNames", "CreateEngagement",
                "CreateInvitation", "CreateLandscapeGeneration", "CreateMatchingRun", "CreateMembership",
                "CreateMembershipRequest", "CreateNetwork", "CreateNetworkMembersGeneration", "CreatePartnership",
                "CreatePerson", "CreatePortfolioPlan", "CreatePractice", "CreatePracticeReview",
                "CreatePracticeSearchIndex", "CreatePracticeTransfer", "CreatePublishedPracticesGeneration",
                "CreateSignInFailure", "CreateStaffProfile", "CreateTrackedMeasure", "CreateUser", "CreateUserSession",
            ].map { "CityweaveServer.\($0)" }
            let names = CityweaveModules.all.modules.flatMap { $0.migrations + $0.laterMigrations }.map(\.name)
            #expect(Set(landed).subtracting(names).isEmpty, "renamed: \(Set(landed).subtracting(names).sorted())")
            #expect(Set(names).count == names.count)
        }
    }
}
