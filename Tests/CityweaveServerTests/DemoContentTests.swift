import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveServer

/// The example content of a first start: written through the same edits as
/// a client's writes, marked as examples, and in the audit log as written by
/// the system.
extension CityweaveServerTests {
    @Suite struct DemoContentTests {
        @Test func examplesAreWrittenThroughTheEditsAndAuditedAsTheSystem() async throws {
            try await withCityweave(cities: .minimumPopulation(45_000)) { app in
                _ = try await DemoAccounts.createIfNoUsers(
                    on: app.db, in: app.organisations, hasher: app.password.async)
                for loader in app.demoContentLoaders { try await loader(app) }

                let practices = try await Practice.query(on: app.db).all()
                let posts = try await AidPost.query(on: app.db).all()
                let engagements = try await Engagement.query(on: app.db).all()
                #expect(practices.count > 30 && posts.count > 10 && engagements.count >= 5)
                #expect(practices.allSatisfy { $0.isExample } && posts.allSatisfy { $0.isExample })
                #expect(engagements.allSatisfy { $0.isExample })
                #expect(try await PracticeTransfer.query(on: app.db).all().allSatisfy { $0.isExample })
                // The local action tracker is not empty: the tracker's measures of Brazil's state capitals, marked.
                let measures = try await TrackedMeasure.query(on: app.db).with(\.$city).all()
                #expect(measures.count >= 250 && measures.allSatisfy { $0.isExample && $0.tracker == "OxCGRT" })
                #expect(Set(measures.map(\.city.name)).isSuperset(of: ["São Paulo", "Rio de Janeiro", "Manaus"]))
                let tracker = try await app.page(.GET, "/measures").text
                #expect(tracker.contains("came with Cityweave to show the tracker") && tracker.contains("CC BY 4.0"))

                let written = try await AuditEntry.query(on: app.db).filter(\.$ip == "example content").all()
                #expect(written.allSatisfy { $0.$user.id == nil })
                let actions = Set(written.map { "\($0.recordType) \($0.action)" })
                for expected in [
                    "practice create", "practice publish", "practice review", "transfer declare", "transfer advance",
                    "aid_offer create", "aid_request create", "strategy revise", "engagement create",
                    "engagement log-value", "staff-profile update",
                ] {
                    #expect(actions.contains(expected), "no '\(expected)' in the audit log")
                }
                #expect(
                    written.filter { $0.recordType == "practice" && $0.action == "create" }.count == practices.count)

                // A second start finds the modules' records and adds nothing.
                let entries = try await app.count("audit_entries")
                for loader in app.demoContentLoaders { try await loader(app) }
                #expect(try await app.count("audit_entries") == entries)
                #expect(try await Practice.query(on: app.db).count() == practices.count)
            }
        }
    }
}
