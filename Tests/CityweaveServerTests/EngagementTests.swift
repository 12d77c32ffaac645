import CityweaveCore
import Fluent
import Foundation
import SQLKit
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
    @Suite struct EngagementTests {
        static let strategy =
            #"{"priorities": [{"theme": "climate", "weight": 3}, {"theme": "health", "weight": 1}], "objectives": "Cleaner air.", "hoursPerMonth": 60, "yearlyBudget": 50000, "costPerHour": 40, "newEngagementHours": 10, "newEngagementFee": 9000}"#

        @Test func aStrategyKeepsEveryRevisionAndRefusesBadWeightsAndCapacities() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let token = try await app.token(
                    for: try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor))
                let none = try await app.api(.GET, "/api/v1/cities/\(paris)/strategy", token: token)
                #expect(none.status == .notFound)
                #expect(
                    try await app.api(.PUT, "/api/v1/cities/\(paris)/strategy", json: Self.strategy, token: token)
                        .status == .ok)
                let second = try await app.api(
                    .PUT, "/api/v1/cities/\(paris)/strategy",
                    json:
                        #"{"priorities": [{"theme": "economy", "weight": 2}], "hoursPerMonth": 30, "yearlyBudget": 20000}"#,
                    token: token)
                let saved = try second.content.decode(StrategyDTO.self)
                #expect(saved.revision == 2)
                #expect(saved.history.map(\.revision) == [2, 1])
                #expect(saved.history[1].priorities.map(\.theme) == ["climate", "health"])
                #expect(saved.currency == "EUR" && saved.newEngagementHours == 4)

                let refusals: [(String, String)] = [
                    (
                        #"{"priorities": [{"theme": "climate", "weight": -1}], "hoursPerMonth": 30, "yearlyBudget": 1}"#,
                        "'priorities[0].weight' for climate must be a number from 0"
                    ),
                    (
                        #"{"priorities": [{"theme": "climate", "weight": "lots"}], "hoursPerMonth": 30, "yearlyBudget": 1}"#,
                        "'priorities[0].weight' must be a number"
                    ),
                    (
                        #"{"priorities": [{"theme": "weather", "weight": 1}], "hoursPerMonth": 30, "yearlyBudget": 1}"#,
                        "unknown theme 'weather'"
                    ),
                    (
                        #"{"priorities": [{"theme": "climate", "weight": 0}], "hoursPerMonth": 30, "yearlyBudget": 1}"#,
                        "at least one theme with a weight above 0"
                    ),
                    (
                        #"{"priorities": [{"theme": "climate", "weight": 1}], "hoursPerMonth": 0, "yearlyBudget": 1}"#,
                        "'hoursPerMonth' must be above 0"
                    ),
                    (
                        #"{"priorities": [{"theme": "climate", "weight": 1}], "hoursPerMonth": 5, "yearlyBudget": 0}"#,
                        "'yearlyBudget' must be above 0"
                    ),
                    (
                        #"{"priorities": [{"theme": "climate", "weight": 1}], "hoursPerMonth": 5, "yearlyBudget": 9, "reviewOn": "2027-02-30"}"#,
                        "'reviewOn' must be a day"
                    ),
                ]
                for (body, message) in refusals {
                    let response = try await app.api(.PUT, "/api/v1/cities/\(paris)/strategy", json: body, token: token)
                    #expect(response.isProblem(status: .badRequest, mentioning: message), "\(body): \(response.text)")
                }
                #expect(try await app.count("city_strategies") == 2)

                // The form says which weight it could not read, and keeps what was typed.
                let browser = try await app.signIn("e@example.org")
                let form = try await app.page(
                    .POST, "/cities/\(paris)/strategy",
                    form: ["weight_health": "a lot", "hoursPerMonth": "10", "yearlyBudget": "100"], as: browser)
                #expect(form.status == .badRequest)
                #expect(form.text.contains("The weight of health must be a number; got &#39;a lot&#39;."))
                #expect(try await app.count("city_strategies") == 2)
            }
        }

        @Test func engagementsBelongToTheirCityAndStayPrivate() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let tokyo = try await app.cityID("Tokyo", "JP")
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let colleague = try await app.makeUser("c@example.org", organisation: .city(paris), role: .viewer)
                let stranger = try await app.makeUser("t@example.org", organisation: .city(tokyo), role: .admin)
                let token = try await app.token(for: editor)
                let strangerToken = try await app.token(for: stranger)

                let foreignOwner = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json:
                        #"{"title": "C40", "kind": "membership", "network": \#(c40), "level": "political", "owner": "\#(stranger.id!)"}"#,
                    token: token)
                #expect(
                    foreignOwner.isProblem(
                        status: .badRequest, mentioning: "'owner': \(stranger.id!) is not one of this city's people"))
                let noNetwork = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json: #"{"title": "C40", "kind": "membership", "level": "political"}"#, token: token)
                #expect(noNetwork.isProblem(status: .badRequest, mentioning: "'network' is required for a membership"))
                // A partnership must be one of the city's own, and carried by a partnership engagement.
                let seoul = try await app.cityID("Seoul", "KR")
                var ties: [Int] = []
                for (a, b) in [(paris, tokyo), (tokyo, seoul)] {
                    let known = try await Partnership.query(on: app.db).filter(\.$cityA.$id == min(a, b))
                        .filter(\.$cityB.$id == max(a, b)).first()
                    let tie = known ?? Partnership()
                    if known == nil {
                        tie.$cityA.id = min(a, b)
                        tie.$cityB.id = max(a, b)
                        tie.kind = .friendship
                        tie.source = "test"
                        try await tie.create(on: app.db)
                    }
                    ties.append(try tie.requireID())
                }
                let foreignTie = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json:
                        #"{"title": "Tokyo–Seoul", "kind": "partnership", "level": "political", "partnership": \#(ties[1])}"#,
                    token: token)
                #expect(foreignTie.isProblem(status: .badRequest, mentioning: "is not one of this city's partnerships"))
                let wrongKind = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json: #"{"title": "Tokyo", "kind": "programme", "level": "political", "partnership": \#(ties[0])}"#,
                    token: token)
                #expect(
                    wrongKind.isProblem(
                        status: .badRequest, mentioning: "'partnership' is for engagements of kind partnership"))
                let badLevel = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json: #"{"title": "C40", "kind": "membership", "network": \#(c40), "level": "mayoral"}"#,
                    token: token)
                #expect(badLevel.isProblem(status: .badRequest, mentioning: "'level' must be one of political"))
                #expect(try await app.count("engagements") == 0)
                let tie = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json:
                        #"{"title": "Paris–Tokyo friendship", "kind": "partnership", "level": "political", "partnership": \#(ties[0])}"#,
                    token: token)
                #expect(try tie.content.decode(EngagementDTO.self).partnership?.partnerName == "Tokyo")

                let created = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json:
                        #"{"title": "C40 air quality network", "kind": "working_group", "network": \#(c40), "level": "technical", "owner": "\#(editor.id!)", "backup": "\#(colleague.id!)", "sponsor": "Deputy Mayor for Health", "hoursPerMonth": 12, "yearlyFee": 5000}"#,
                    token: token)
                #expect(created.status == .created)
                let engagement = try created.content.decode(EngagementDTO.self)
                #expect(engagement.owner?.name == editor.name && engagement.backup?.id == colleague.id)
                #expect(!engagement.needsOwner && engagement.network?.slug == "c40")

                // Another city learns nothing: not the list, not the engagement, not that it exists.
                #expect(
                    try await app.api(.GET, "/api/v1/cities/\(paris)/engagements", token: strangerToken).status
                        == .forbidden)
                #expect(
                    try await app.api(.GET, "/api/v1/engagements/\(engagement.id)", token: strangerToken).status
                        == .notFound)
                #expect(try await app.api(.GET, "/api/v1/engagements/\(engagement.id)").status == .unauthorized)
                let cityPage = try await app.page(.GET, "/cities/\(paris)", as: try await app.signIn("t@example.org"))
                #expect(!cityPage.text.contains("C40 air quality network"))
                // …while the city's viewer sees all of it.
                let viewerToken = try await app.token(for: colleague)
                let listed = try await app.api(.GET, "/api/v1/cities/\(paris)/engagements", token: viewerToken)
                #expect(
                    try listed.content.decode([EngagementDTO].self).map(\.title) == [
                        "C40 air quality network", "Paris–Tokyo friendship",
                    ])
                #expect(
                    try await app.api(
                        .PATCH, "/api/v1/engagements/\(engagement.id)", json: #"{"status": "paused"}"#,
                        token: viewerToken
                    ).status == .forbidden)

                let handed = try await app.api(
                    .PATCH, "/api/v1/engagements/\(engagement.id)",
                    json: #"{"handoverNotes": "Meets monthly; minutes in the shared drive.", "backup": null}"#,
                    token: token)
                let after = try handed.content.decode(EngagementDTO.self)
                #expect(
                    after.handoverNotes.hasPrefix("Meets monthly") && after.backup == nil
                        && after.title == engagement.title)
            }
        }

        @Test func theValueLogSetsValueAgainstCostAndExports() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let token = try await app.token(for: editor)
                _ = try await app.api(.PUT, "/api/v1/cities/\(paris)/strategy", json: Self.strategy, token: token)
                let engagement = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json:
                        #"{"title": "=Twin cities desk", "kind": "partnership", "level": "political", "hoursPerMonth": 10, "yearlyFee": 1000}"#,
                    token: token
                ).content.decode(EngagementDTO.self)
                // A year of hours at 40 an hour, plus the fee.
                #expect(engagement.yearlyCost == 1000 + 10 * 12 * 40)
                let path = "/api/v1/engagements/\(engagement.id)/value-log"
                let tomorrow = DateText.day(Date().addingTimeInterval(86_400 * 2))
                let refusals: [(String, String)] = [
                    (#"{"kind": "knowledge", "rating": 6}"#, "'rating' must be a whole number from 1"),
                    (#"{"kind": "gossip", "rating": 3}"#, "'kind' must be one of knowledge"),
                    (#"{"kind": "funding", "rating": 3, "date": "\#(tomorrow)"}"#, "is in the future"),
                    (
                        #"{"kind": "funding", "rating": 3, "link": "javascript:alert(1)"}"#,
                        "'link' must be a path on this site"
                    ),
                    // Browsers read a backslash as a slash: both leave the site.
                    (#"{"kind": "funding", "rating": 3, "link": "/\\evil.example"}"#, "'link' must be a path"),
                    (#"{"kind": "funding", "rating": 3, "link": "//evil.example"}"#, "'link' must be a path"),
                ]
                for (body, message) in refusals {
                    let response = try await app.api(.POST, path, json: body, token: token)
                    #expect(response.isProblem(status: .badRequest, mentioning: message), "\(body): \(response.text)")
                }
                #expect(try await app.count("engagement_value_entries") == 0)
                let recent = DateText.day(Date().addingTimeInterval(-86_400 * 30))
                for body in [
                    #"{"kind": "knowledge", "rating": 4, "note": "Peer review", "link": "/practices/1", "date": "\#(recent)"}"#,
                    #"{"kind": "funding", "rating": 2}"#, #"{"kind": "advocacy", "rating": 5, "date": "2019-05-01"}"#,
                ] {
                    #expect(try await app.api(.POST, path, json: body, token: token).status == .created)
                }
                let logged = try await app.api(.GET, "/api/v1/engagements/\(engagement.id)", token: token)
                    .content.decode(EngagementDTO.self)
                #expect(logged.value.entries == 3 && logged.value.recentEntries == 2 && logged.value.recentScore == 6)
                #expect(logged.value.recentMeanRating == 3)
                let log = try await app.api(.GET, path, token: token).content.decode([ValueEntryDTO].self)
                #expect(log.map(\.rating) == [2, 4, 5])

                let browser = try await app.signIn("e@example.org")
                let csv = try await app.page(.GET, "/cities/\(paris)/portfolio/engagements.csv", as: browser)
                #expect(csv.headers.contentType?.subType == "csv")
                let lines = csv.text.components(separatedBy: "\r\n")
                #expect(lines[0].hasPrefix("id,title,kind,network,owner"))
                // A title a spreadsheet would run as a formula arrives as text.
                #expect(lines[1].hasPrefix("\(engagement.id),'=Twin cities desk,partnership"))
                let values = try await app.page(.GET, "/cities/\(paris)/portfolio/value-log.csv", as: browser).text
                #expect(values.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
                #expect(values.contains("Peer review,/practices/1,"))
                let page = try await app.page(.GET, "/cities/\(paris)/portfolio", as: browser)
                #expect(page.status == .ok)
                #expect(page.text.contains("Cost against value") && page.text.contains("value 6"))
                // The log names each kind of value in the reader's language, never by its code.
                let spanish = try await app.page(.GET, "/es/engagements/\(engagement.id)", as: browser).text
                #expect(spanish.contains("<td>Conocimiento</td>") && !spanish.contains("<td>knowledge</td>"))
            }
        }

        @Test func whenAnOwnerIsDeactivatedTheirEngagementsNeedAnOwner() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let admin = try await app.makeUser("a@example.org", organisation: .city(paris), role: .admin)
                let leaving = try await app.makeUser("l@example.org", organisation: .city(paris), role: .editor)
                let backup = try await app.makeUser("b@example.org", organisation: .city(paris), role: .viewer)
                let token = try await app.token(for: admin)
                let engagement = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json:
                        #"{"title": "Eurocities culture forum", "kind": "working_group", "level": "technical", "owner": "\#(leaving.id!)", "backup": "\#(backup.id!)", "handoverNotes": "Chair rotates in May."}"#,
                    token: token
                ).content.decode(EngagementDTO.self)
                let browser = try await app.signIn("a@example.org")
                let person = try await app.page(.GET, "/cities/\(paris)/people/\(leaving.id!)", as: browser)
                #expect(person.text.contains("Eurocities culture forum"))
                #expect(!(try await app.page(.GET, "/cities/\(paris)", as: browser).text.contains("Needs an owner")))

                let deactivated = try await app.page(
                    .POST, "/admin/people/\(leaving.id!)/deactivate", form: [:], as: browser)
                #expect(deactivated.status == .seeOther)
                let after = try await app.api(.GET, "/api/v1/engagements/\(engagement.id)", token: token)
                    .content.decode(EngagementDTO.self)
                #expect(after.needsOwner && after.owner?.isActive == false)
                let cityPage = try await app.page(.GET, "/cities/\(paris)", as: browser).text
                #expect(cityPage.contains("Needs an owner") && cityPage.contains("Eurocities culture forum"))
                let portfolio = try await app.page(.GET, "/cities/\(paris)/portfolio", as: browser).text
                #expect(portfolio.contains("L has left; backup: B"))
                // The visitor sees none of it.
                #expect(!(try await app.page(.GET, "/cities/\(paris)").text.contains("Needs an owner")))

                // Saving the form for the notes alone keeps the person who left named, until someone takes over.
                let form = try await app.page(.GET, "/engagements/\(engagement.id)/edit", as: browser)
                #expect(form.text.contains("L (has left)"))
                let saved = try await app.page(
                    .POST, "/engagements/\(engagement.id)/edit",
                    form: [
                        "title": "Eurocities culture forum", "kind": "working_group", "level": "technical",
                        "status": "active", "owner": leaving.id!.uuidString, "backup": backup.id!.uuidString,
                        "handoverNotes": "Chair rotates in May; minutes in the drive.",
                    ], as: browser)
                #expect(saved.status == .seeOther)
                let kept = try await app.api(.GET, "/api/v1/engagements/\(engagement.id)", token: token)
                    .content.decode(EngagementDTO.self)
                #expect(kept.needsOwner && kept.owner?.id == leaving.id && kept.handoverNotes.hasSuffix("drive."))
                // A deactivated person cannot be named anew, even as the backup; the backup takes over.
                let refused = try await app.api(
                    .PATCH, "/api/v1/engagements/\(engagement.id)", json: #"{"backup": "\#(leaving.id!)"}"#,
                    token: token)
                #expect(refused.isProblem(status: .badRequest, mentioning: "has been deactivated"))
                let taken = try await app.api(
                    .PATCH, "/api/v1/engagements/\(engagement.id)",
                    json: #"{"owner": "\#(backup.id!)", "backup": null}"#, token: token
                ).content.decode(EngagementDTO.self)
                #expect(!taken.needsOwner && taken.handoverNotes.hasPrefix("Chair rotates in May"))
            }
        }

        @Test func theAdvisorProposesActionsWithReasonsAndAWhatIfChangesThem() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let viewer = try await app.makeUser("v@example.org", organisation: .city(paris), role: .viewer)
                let token = try await app.token(for: editor)
                let viewerToken = try await app.token(for: viewer)
                let advice = "/api/v1/cities/\(paris)/portfolio/advice"
                let missing = try await app.api(.POST, advice, token: token)
                #expect(missing.isProblem(status: .conflict, mentioning: "has no strategy yet"))

                _ = try await app.api(.PUT, "/api/v1/cities/\(paris)/strategy", json: Self.strategy, token: token)
                let networks = try await Network.query(on: app.db).filter(\.$slug ~~ ["c40", "eurocities"]).all()
                for network in networks {
                    _ = try await app.api(
                        .POST, "/api/v1/cities/\(paris)/engagements",
                        json:
                            #"{"title": "\#(network.name)", "kind": "membership", "network": \#(network.id!), "level": "political", "hoursPerMonth": 10, "yearlyFee": 9000}"#,
                        token: token)
                }
                let proposal = try await app.api(.POST, advice, token: viewerToken)
                #expect(proposal.status == .ok)
                let answer = try proposal.content.decode(PortfolioAdviceDTO.self)
                // Every network Paris could join or is in: not the national or regional networks of elsewhere.
                let networkCount = try await Network.query(on: app.db).count()
                #expect(answer.candidates > 2 && answer.candidates < networkCount)
                let city = try await DirectoryQueries.city(paris, on: app.db)
                func entry(_ scope: NetworkScope, _ region: String, ended: Int? = nil) -> NetworkMembers.Entry {
                    .init(
                        id: 1, slug: "n", name: "N", scope: scope, region: region, themes: [], ended: ended,
                        membersAreKnown: true)
                }
                let berlin = try #require(
                    try await CityProfiles.read(where: "c.name = 'Berlin'", on: app.db as! any SQLDatabase).values.first
                )
                #expect(PortfolioAdvising.isOpen(entry(.global, ""), to: city, memberProfiles: []))
                #expect(!PortfolioAdvising.isOpen(entry(.global, "", ended: 2019), to: city, memberProfiles: []))
                #expect(PortfolioAdvising.isOpen(entry(.national, "France"), to: city, memberProfiles: []))
                #expect(!PortfolioAdvising.isOpen(entry(.national, "Germany"), to: city, memberProfiles: [berlin]))
                #expect(PortfolioAdvising.isOpen(entry(.regional, "Europe"), to: city, memberProfiles: []))
                #expect(PortfolioAdvising.isOpen(entry(.regional, "Rhine cities"), to: city, memberProfiles: [berlin]))
                #expect(!PortfolioAdvising.isOpen(entry(.regional, "Asia-Pacific"), to: city, memberProfiles: []))
                #expect(answer.optimal == (answer.gap == 0))
                #expect(answer.gap <= 0.01)
                #expect(answer.hoursPerMonth <= 60 && answer.yearlyFees <= 50_000)
                #expect(
                    Set(answer.actions.compactMap { $0.engagements.isEmpty ? nil : $0.network.slug }) == [
                        "c40", "eurocities",
                    ])
                #expect(answer.actions.allSatisfy { !$0.summary.isEmpty && !$0.reasons.isEmpty })
                for action in answer.actions where action.action == "join" {
                    #expect(action.isEstimate && action.hoursPerMonth == 10 && action.yearlyFee == 9000)
                }
                #expect(answer.settings.strategyRevision == 1)

                // A what-if about culture alone brings in culture networks and changes no strategy.
                let whatIf = try await app.api(
                    .POST, advice, json: #"{"priorities": [{"theme": "culture", "weight": 1}], "hoursPerMonth": 40}"#,
                    token: viewerToken
                ).content.decode(PortfolioAdviceDTO.self)
                #expect(whatIf.settings.priorities.map(\.theme) == ["culture"] && whatIf.settings.hoursPerMonth == 40)
                #expect(whatIf.coverage.map(\.theme) == ["culture"])
                #expect(whatIf.actions.map(\.network.slug) != answer.actions.map(\.network.slug))
                #expect(try await app.count("city_strategies") == 1)
                for (body, message) in [
                    (#"{"priorities": [{"theme": "culture", "weight": -2}]}"#, "'priorities[0].weight' for culture"),
                    (#"{"hoursPerMonth": 0}"#, "'hoursPerMonth' must be above 0"),
                    (#"{"yearlyBudget": "much"}"#, "'yearlyBudget' must be a number"),
                ] {
                    #expect(
                        try await app.api(.POST, advice, json: body, token: viewerToken).isProblem(
                            status: .badRequest, mentioning: message))
                }

                // A token that may only read may ask, since asking changes nothing; it may not save.
                let readToken = try await app.token(for: editor, scope: .read)
                #expect(
                    try await app.api(.POST, advice, json: #"{"hoursPerMonth": 30}"#, token: readToken).status == .ok)
                let plans = "/api/v1/cities/\(paris)/portfolio/plans"
                #expect(
                    try await app.api(.POST, plans, json: #"{"name": "Read"}"#, token: readToken).status == .forbidden)
                // A viewer may ask, but not save; an editor saves the proposal as a plan.
                #expect(
                    try await app.api(.POST, plans, json: #"{"name": "Culture first"}"#, token: viewerToken).status
                        == .forbidden)
                let saved = try await app.api(
                    .POST, plans,
                    json: #"{"name": "Culture first", "whatIf": {"priorities": [{"theme": "culture", "weight": 1}]}}"#,
                    token: token)
                #expect(saved.status == .created)
                let listed = try await app.api(.GET, plans, token: viewerToken).content.decode([PortfolioPlanDTO].self)
                #expect(
                    listed.map(\.name) == ["Culture first"] && listed[0].advice.coverage.map(\.theme) == ["culture"])
                #expect(
                    try await app.api(.POST, plans, json: #"{"name": " "}"#, token: token).isProblem(
                        status: .badRequest, mentioning: "'name' is required"))
            }
        }

        @Test func theAdvisorSeesMembershipsChangedWhoeverChangesThem() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let token = try await app.token(for: editor)
                _ = try await app.api(.PUT, "/api/v1/cities/\(paris)/strategy", json: Self.strategy, token: token)
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first())
                _ = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json: #"{"title": "C40", "kind": "membership", "network": \#(c40.id!), "level": "political"}"#,
                    token: token)
                func membersOfC40() async throws -> String? {
                    let advice = try await app.api(.POST, "/api/v1/cities/\(paris)/portfolio/advice", token: token)
                        .content.decode(PortfolioAdviceDTO.self)
                    let action = try #require(advice.actions.first { $0.network.slug == "c40" })
                    return action.reasons.first { $0.contains("members are cities like Paris") }
                }
                let before = try await membersOfC40()
                // The city itself is not one of its peers.
                let count = try await Membership.query(on: app.db).filter(\.$network.$id == c40.id!)
                    .filter(\.$city.$id != paris).count()
                #expect(
                    try await Membership.query(on: app.db).filter(\.$network.$id == c40.id!).filter(
                        \.$city.$id == paris
                    ).count() == 1)
                #expect(before?.contains("of its \(count) members") == true)
                // An operator's SQL, not the server, adds a member.
                let newcomer = try #require(
                    try await City.query(on: app.db).filter(
                        \.$id !~ (try await Membership.query(on: app.db).all().map(\.$city.id))
                    )
                    .first()?.id)
                try await (app.db as! any SQLDatabase).raw(
                    "INSERT INTO memberships (network_id, city_id, role, source) VALUES (\(bind: c40.id!), \(bind: newcomer), 'member', 'sql')"
                ).run()
                #expect(try await membersOfC40()?.contains("of its \(count + 1) members") == true)
            }
        }

        @Test func sharedRatingsCountOnlyWhenSeveralSimilarCitiesShareThem() async throws {
            try await withCityweave { app in
                let barcelona = try await app.cityID("Barcelona", "ES")
                let sharers = [
                    try await app.cityID("Madrid", "ES"), try await app.cityID("Milan", "IT"),
                    try await app.cityID("Rome", "IT"),
                ]
                let eurocities = try #require(
                    try await Network.query(on: app.db).filter(\.$slug == "eurocities").first()?.id)
                var tokens: [Int: String] = [:]
                for city in [barcelona] + sharers {
                    let editor = try await app.makeUser(
                        "e\(city)@example.org", organisation: .city(city), role: .editor)
                    tokens[city] = try await app.token(for: editor)
                    _ = try await app.api(
                        .PUT, "/api/v1/cities/\(city)/strategy", json: Self.strategy, token: tokens[city])
                    let engagement = try await app.api(
                        .POST, "/api/v1/cities/\(city)/engagements",
                        json:
                            #"{"title": "Eurocities", "kind": "membership", "network": \#(eurocities), "level": "political"}"#,
                        token: tokens[city]
                    ).content.decode(EngagementDTO.self)
                    guard city != barcelona else { continue }
                    for rating in [5, 4] {
                        _ = try await app.api(
                            .POST, "/api/v1/engagements/\(engagement.id)/value-log",
                            json: #"{"kind": "knowledge", "rating": \#(rating), "note": "Private note"}"#,
                            token: tokens[city])
                    }
                }
                func reasonsForBarcelona() async throws -> [String] {
                    let advice = try await app.api(
                        .POST, "/api/v1/cities/\(barcelona)/portfolio/advice", token: tokens[barcelona]
                    )
                    .content.decode(PortfolioAdviceDTO.self)
                    return try #require(advice.actions.first { $0.network.slug == "eurocities" }).reasons
                }
                let shared = "similar cities that share their ratings rate it 4.5 of 5"
                let sharing = Self.strategy.replacingOccurrences(
                    of: #""objectives""#, with: #""sharesValueRatings": true, "objectives""#)
                // One or two sharers could be told apart by their public memberships: their ratings do not show.
                for (count, city) in sharers.enumerated() {
                    #expect(!(try await reasonsForBarcelona()).contains(shared), "\(count) sharing")
                    _ = try await app.api(.PUT, "/api/v1/cities/\(city)/strategy", json: sharing, token: tokens[city])
                }
                let reasons = try await reasonsForBarcelona()
                #expect(reasons.contains(shared))
                #expect(!reasons.joined().contains("Private note"))
                // A later revision that stops sharing takes the ratings back.
                _ = try await app.api(
                    .PUT, "/api/v1/cities/\(sharers[0])/strategy", json: Self.strategy, token: tokens[sharers[0]])
                #expect(!(try await reasonsForBarcelona()).contains(shared))
            }
        }

        @Test func privateRecordsAreRefusedToOtherCitiesAndToVisitors() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let tokyo = try await app.cityID("Tokyo", "JP")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                let stranger = try await app.makeUser("t@example.org", organisation: .city(tokyo), role: .admin)
                let token = try await app.token(for: editor)
                let strangerToken = try await app.token(for: stranger)
                _ = try await app.api(.PUT, "/api/v1/cities/\(paris)/strategy", json: Self.strategy, token: token)
                let engagement = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json: #"{"title": "Secret forum", "kind": "programme", "level": "technical"}"#, token: token
                ).content.decode(EngagementDTO.self)
                let plan = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/portfolio/plans", json: #"{"name": "Quiet plan"}"#, token: token
                ).content.decode(PortfolioPlanDTO.self)

                let cityReads = [
                    "/api/v1/cities/\(paris)/strategy", "/api/v1/cities/\(paris)/engagements",
                    "/api/v1/cities/\(paris)/portfolio/plans", "/api/v1/cities/\(paris)/people/\(editor.id!)",
                ]
                for path in cityReads {
                    #expect(try await app.api(.GET, path, token: strangerToken).status == .forbidden, "\(path)")
                    #expect(try await app.api(.GET, path).status == .unauthorized, "\(path)")
                }
                for path in ["/api/v1/engagements/\(engagement.id)", "/api/v1/engagements/\(engagement.id)/value-log"] {
                    #expect(try await app.api(.GET, path, token: strangerToken).status == .notFound, "\(path)")
                }
                #expect(
                    try await app.api(.POST, "/api/v1/cities/\(paris)/portfolio/advice", token: strangerToken).status
                        == .forbidden)

                // Tokyo's own addresses do not reach Paris's records either.
                let tokyoBrowser = try await app.signIn("t@example.org")
                for path in [
                    "/cities/\(tokyo)/portfolio/plans/\(plan.id)", "/cities/\(tokyo)/people/\(editor.id!)",
                    "/engagements/\(engagement.id)", "/cities/\(paris)/portfolio/value-log.csv",
                    "/cities/\(paris)/people/\(editor.id!)",
                ] {
                    let page = try await app.page(.GET, path, as: tokyoBrowser)
                    #expect([.notFound, .forbidden].contains(page.status), "\(path): \(page.status)")
                    #expect(!page.text.contains("Secret forum") && !page.text.contains("Quiet plan"))
                }
                let foreignProfile = try await app.api(
                    .PUT, "/api/v1/cities/\(tokyo)/people/\(editor.id!)/profile",
                    json: #"{"languages": ["fr"], "expertise": [], "training": []}"#, token: strangerToken)
                #expect(foreignProfile.status == .notFound)
                #expect(try await app.count("staff_profiles") == 0)
            }
        }

        @Test func thePortfolioPagesAreTheCitysOwn() async throws {
            try await withCityweave { app in
                let paris = try await app.cityID("Paris", "FR")
                let tokyo = try await app.cityID("Tokyo", "JP")
                let editor = try await app.makeUser("e@example.org", organisation: .city(paris), role: .editor)
                _ = try await app.makeUser("t@example.org", organisation: .city(tokyo), role: .admin)
                let token = try await app.token(for: editor)
                _ = try await app.api(.PUT, "/api/v1/cities/\(paris)/strategy", json: Self.strategy, token: token)
                _ = try await app.api(
                    .POST, "/api/v1/cities/\(paris)/engagements",
                    json:
                        #"{"title": "<b>Bold</b> programme", "kind": "programme", "level": "technical", "hoursPerMonth": 5}"#,
                    token: token)
                let browser = try await app.signIn("e@example.org")
                let page = try await app.page(.GET, "/cities/\(paris)/portfolio", as: browser)
                #expect(page.status == .ok)
                #expect(page.text.contains("&lt;b&gt;Bold&lt;/b&gt; programme") && !page.text.contains("<b>Bold</b>"))
                #expect(page.text.contains("The advisor") && page.text.contains("Save the plan"))
                let whatIf = try await app.page(
                    .GET,
                    "/cities/\(paris)/portfolio?whatif=1&weight_culture=4&weight_climate=0&weight_health=0&hoursPerMonth=20",
                    as: browser)
                #expect(whatIf.status == .ok && whatIf.text.contains("A what-if"))
                let bad = try await app.page(
                    .GET, "/cities/\(paris)/portfolio?whatif=1&weight_culture=many", as: browser)
                #expect(bad.status == .badRequest && bad.text.contains("The weight of culture must be a number"))
                let report = try await app.page(.GET, "/cities/\(paris)/portfolio/report", as: browser)
                #expect(report.status == .ok && report.text.contains("International engagement of Paris"))
                #expect(
                    report.text.contains("The advisor&#39;s proposal") || report.text.contains("The advisor's proposal")
                )

                let saved = try await app.page(
                    .POST, "/cities/\(paris)/portfolio/plans",
                    form: ["name": "Lean year", "hoursPerMonth": "20", "weight_climate": "1"], as: browser)
                #expect(saved.status == .seeOther)
                let plan = try await app.page(.GET, saved.headers.first(name: .location)!, as: browser)
                #expect(plan.status == .ok && plan.text.contains("Plan: Lean year"))
                #expect(plan.text.contains("The proposal is saved as a plan."))
                let reloaded = try await app.page(.GET, "/cities/\(paris)/portfolio?notice=<b>forged</b>", as: browser)
                #expect(reloaded.status == .ok && !reloaded.text.contains("forged"))

                let stranger = try await app.signIn("t@example.org")
                for path in [
                    "/cities/\(paris)/portfolio", "/cities/\(paris)/portfolio/report",
                    "/cities/\(paris)/portfolio/engagements.csv",
                ] {
                    #expect(try await app.page(.GET, path, as: stranger).status == .forbidden)
                    #expect(try await app.page(.GET, path).status == .seeOther)
                }
            }
        }

        @Test func theDemoGivesHelsinkiAndASmallCityTheirPortfolios() async throws {
            try await withCityweave(cities: .minimumPopulation(45_000)) { app in
                let helsinki = try await app.cityID("Helsinki", "FI")
                let vejle = try await app.cityID("Vejle", "DK")
                for (email, city) in [("helsinki.editor@example.org", helsinki), ("vejle.editor@example.org", vejle)] {
                    _ = try await app.makeUser(email, organisation: .city(city), role: .editor)
                }
                try await DemoEngagements.loadIfEmpty(app)
                let token = try await app.token(
                    for: try #require(try await User.find(email: "helsinki.editor@example.org", on: app.db)))
                let strategy = try await app.api(.GET, "/api/v1/cities/\(helsinki)/strategy", token: token)
                    .content.decode(StrategyDTO.self)
                #expect(strategy.isExample && strategy.history.count == 2)
                let engagements = try await app.api(.GET, "/api/v1/cities/\(helsinki)/engagements", token: token)
                    .content.decode([EngagementDTO].self)
                #expect(engagements.count >= 5 && engagements.allSatisfy(\.isExample))
                // The Baltic liaison left: their engagement waits for an owner.
                #expect(engagements.contains { $0.needsOwner && $0.network?.slug == "ubc" })
                let advice = try await app.api(.POST, "/api/v1/cities/\(helsinki)/portfolio/advice", token: token)
                    .content.decode(PortfolioAdviceDTO.self)
                #expect(!advice.actions.isEmpty && advice.hoursPerMonth <= 170)
                // 100 Resilient Cities closed in 2019: never a network to join.
                let closed = try await Network.query(on: app.db).filter(\.$ended != nil).all().map(\.slug)
                #expect(closed.contains("100rc"))
                #expect(!advice.actions.contains { $0.action == "join" && closed.contains($0.network.slug) })
                // UCLG publishes no member list: named apart, not proposed as a network of no cities like Helsinki.
                #expect(advice.withoutMemberData.contains { $0.slug == "uclg" })
                #expect(!advice.actions.contains { $0.action == "join" && !$0.membersKnown })
                // The hours and fee of a network to join are Helsinki's own assumptions, and say so.
                #expect(advice.settings.newEngagementHoursSource == "strategy")
                let joins = advice.actions.filter { $0.action == "join" }
                #expect(
                    joins.allSatisfy {
                        $0.isEstimate
                            && $0.reasons.contains { $0.contains("(your strategy's figures for a new network)") }
                    })
                // Eurocities is Helsinki's best-rated engagement (4.3 of 5): never left for its cost alone,
                // and whatever outweighs its rating is said.
                let eurocities = try #require(advice.actions.first { $0.network.slug == "eurocities" })
                if ["leave", "reduce"].contains(eurocities.action) {
                    #expect(eurocities.summary.contains("your best-rated engagement, outweighed by: "))
                    #expect(!eurocities.summary.contains("outweighed by: its cost"))
                }
                for action in advice.actions where ["leave", "reduce"].contains(action.action) {
                    #expect(action.scores.loggedValue == 0 || action.summary.contains("outweighed by: "))
                }
                // A what-if's figures are named as such, the strategy's as the strategy's.
                let tried = try await app.api(
                    .POST, "/api/v1/cities/\(helsinki)/portfolio/advice", json: #"{"newEngagementFee": 2000}"#,
                    token: token
                ).content.decode(PortfolioAdviceDTO.self)
                #expect(tried.settings.newEngagementFeeSource == "whatIf")
                #expect(
                    tried.actions.filter { $0.action == "join" }.allSatisfy { action in
                        action.reasons.contains {
                            $0.contains("(your strategy's figure for a new network)")
                                && $0.contains("(the figure you are trying)")
                        }
                    })

                let vejleToken = try await app.token(
                    for: try #require(try await User.find(email: "vejle.editor@example.org", on: app.db)))
                let small = try await app.api(.GET, "/api/v1/cities/\(vejle)/strategy", token: vejleToken)
                    .content.decode(StrategyDTO.self)
                #expect(small.hoursPerMonth == 13)
                let vejleAdvice = try await app.api(
                    .POST, "/api/v1/cities/\(vejle)/portfolio/advice", token: vejleToken
                )
                .content.decode(PortfolioAdviceDTO.self)
                #expect(vejleAdvice.hoursPerMonth <= 13)
            }
        }
    }
}
