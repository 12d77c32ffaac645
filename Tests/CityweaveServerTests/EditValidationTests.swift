import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveAid
@testable import CityweaveEngagement
@testable import CityweaveKnowledge
@testable import CityweaveServer
@testable import CityweaveShared

/// The edits check what they are given whoever writes (a page, the API, a
/// command, example content): bad input is refused naming the field, and
/// nothing is written, not even an audit entry. No HTTP is involved.
extension CityweaveServerTests {
    @Suite struct EditValidationTests {
        @Test func badInputIsRefusedAtTheEditNamingTheFieldAndWritesNothing() async throws {
            try await withCityweave { app in
                let tokyo = try await app.cityID("Tokyo", "JP")
                let context = EditContext.system(on: app.db, from: "test")
                let entries = try await app.count("audit_entries")

                var post = AidPostInput(
                    city: tokyo, resource: "gloves", quantity: 0, availableUntil: "2099-12-31",
                    contact: "Tokyo international office")
                await expectRefusal(naming: "'quantity'") {
                    _ = try await AidPostEdits.create(post, kind: .offer, context: context)
                }
                post.quantity = 10
                post.city = 0
                await expectRefusal(naming: "'city'") {
                    _ = try await AidPostEdits.create(post, kind: .offer, context: context)
                }

                var practice = PracticeInput()
                practice.title = .set("")
                await expectRefusal(naming: "'city'") {
                    _ = try await PracticeEdits.create(practice, cityID: 0, translationOf: nil, context: context)
                }

                let strategy = StrategyInput(
                    priorities: [PriorityInput(theme: "climate", weight: -1)], objectives: nil, hoursPerMonth: 10,
                    yearlyBudget: 0)
                await expectRefusal(naming: "'priorities") {
                    _ = try await StrategyEdits.save(strategy, cityID: tokyo, context: context)
                }

                #expect(try await app.count("aid_posts") == 0)
                #expect(try await app.count("practices") == 0)
                #expect(try await app.count("city_strategies") == 0)
                #expect(try await app.count("audit_entries") == entries)
            }
        }

        @Test func aGoodEditByTheSystemIsAuditedAsTheSystemFromWhereItRan() async throws {
            try await withCityweave { app in
                let tokyo = try await app.cityID("Tokyo", "JP")
                let post = try await AidPostEdits.create(
                    AidPostInput(
                        city: tokyo, resource: "gloves", quantity: 500, availableUntil: "2099-12-31",
                        contact: "Tokyo international office"),
                    kind: .offer,
                    context: .system(on: app.db, from: "command line"))
                #expect(post.quantity == 500 && !post.isExample)
                let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "create").first())
                #expect(entry.$user.id == nil && entry.ip == "command line" && entry.recordType == "aid_offer")
            }
        }

        private func expectRefusal(naming field: String, _ edit: () async throws -> Void) async {
            do {
                try await edit()
                Issue.record("the edit was accepted; expected a refusal naming \(field)")
            } catch let refusal as any AbortError {
                #expect(refusal.isMendableInTheForm && refusal.reason.contains(field), "\(refusal.reason)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
