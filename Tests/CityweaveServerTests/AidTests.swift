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
    @Suite struct AidTests {
        static let inAMonth = DateText.day(Date().addingTimeInterval(30 * 86_400))
        static let inThreeWeeks = DateText.day(Date().addingTimeInterval(21 * 86_400))

        static func offer(city: Int, resource: String, quantity: Int, extra: String = "") -> String {
            #"{"city": \#(city), "resource": "\#(resource)", "quantity": \#(quantity), "availableUntil": "\#(inAMonth)", "shipsAbroad": true, "contact": "Desk +81 45 000"\#(extra)}"#
        }

        static func request(city: Int, resource: String, quantity: Int, urgency: String = "high") -> String {
            #"{"city": \#(city), "resource": "\#(resource)", "quantity": \#(quantity), "neededBy": "\#(inThreeWeeks)", "urgency": "\#(urgency)", "contact": "Crisis cell"}"#
        }

        /// An editor's write token for a city.
        static func editor(_ app: Application, _ name: String, of city: Int) async throws -> String {
            try await app.token(
                for: try await app.makeUser("\(name)@example.org", organisation: .city(city), role: .editor))
        }

        static func admin(_ app: Application) async throws -> String {
            try await app.token(for: try await app.makeUser("root@example.org", platformAdmin: true))
        }

        static func post(_ app: Application, _ kind: String, _ json: String, token: String) async throws -> AidPostDTO {
            let response = try await app.api(.POST, "/api/v1/aid/\(kind)", json: json, token: token)
            #expect(response.status == .created, "\(response.text)")
            return try response.content.decode(AidPostDTO.self)
        }

        static func run(_ app: Application, _ json: String = "{}", token: String) async throws -> MatchingRunDTO {
            let response = try await app.api(.POST, "/api/v1/aid/matching-runs", json: json, token: token)
            #expect(response.status == .created, "\(response.text)")
            return try response.content.decode(MatchingRunDTO.self)
        }

        static func step(_ app: Application, _ step: String, _ allocation: Int, json: String = "{}", token: String)
            async throws -> TestingHTTPResponse
        {
            try await app.api(.POST, "/api/v1/aid/allocations/\(allocation)/\(step)", json: json, token: token)
        }

        @Test func theCatalogueCoversEveryDisasterGroupedByHumanitarianCluster() async throws {
            try await withCityweave { app in
                let resources = try await app.api(.GET, "/api/v1/aid/resources").content.decode([AidResourceDTO].self)
                let clusterOf = Dictionary(uniqueKeysWithValues: resources.map { ($0.code, $0.cluster) })
                #expect(clusterOf["ffp2-masks"] == .health && clusterOf["food-parcels"] == .foodSecurity)
                #expect(clusterOf["drinking-water"] == .wash && clusterOf["water-purification-tablets"] == .wash)
                #expect(clusterOf["family-tents"] == .shelter && clusterOf["generators"] == .logistics)
                #expect(clusterOf["field-kitchens"] == .foodSecurity && clusterOf["excavators"] == .earlyRecovery)
                #expect(clusterOf["search-and-rescue-team"] == .searchAndRescue)
                #expect(clusterOf["emergency-medical-team"] == .health)
                #expect(resources.allSatisfy { !$0.unit.isEmpty })
                // The page shows each cluster once, with its resources under it, in the clusters' order.
                let page = try await app.page(.GET, "/aid").text
                let headings = AidCluster.allCases.filter { cluster in resources.contains { $0.cluster == cluster } }
                    .map { "<th scope=\"rowgroup\" colspan=\"6\">\($0.label.englishText)</th>" }
                let positions = headings.compactMap { page.range(of: $0)?.lowerBound }
                #expect(positions.count == headings.count && positions == positions.sorted())

                let admin = try await app.token(for: try await app.makeUser("root@example.org", platformAdmin: true))
                let sandbags = try await app.api(
                    .POST, "/api/v1/aid/resources",
                    json:
                        #"{"code": "sandbags", "name": "Sandbags", "unit": "bags", "category": "relief", "cluster": "early_recovery"}"#,
                    token: admin)
                #expect(try sandbags.content.decode(AidResourceDTO.self).cluster == .earlyRecovery)
                let unknown = try await app.api(
                    .POST, "/api/v1/aid/resources",
                    json:
                        #"{"code": "sand", "name": "Sand", "unit": "bags", "category": "relief", "cluster": "roads"}"#,
                    token: admin)
                #expect(unknown.isProblem(status: .badRequest, mentioning: "'cluster'"))
                let unchanged = try await app.api(.GET, "/api/v1/aid/resources").content.decode([AidResourceDTO].self)
                #expect(unchanged.count == resources.count + 1)
            }
        }

        @Test func offersAndRequestsAreCheckedFieldByFieldAndABadOneChangesNothing() async throws {
            try await withCityweave { app in
                let milan = try await app.cityID("Milan", "IT")
                let token = try await Self.editor(app, "milan", of: milan)
                let made = try await Self.post(
                    app, "requests", Self.request(city: milan, resource: "ffp2-masks", quantity: 5_000), token: token)
                #expect(made.kind == .request && made.free == 5_000 && made.unit == "masks")
                #expect(made.urgency == .high && made.acceptsFromAbroad == true && made.contact == "Crisis cell")

                let until = #""availableUntil": "\#(Self.inAMonth)""#
                let refusals: [(String, String, String)] = [
                    (
                        "offers",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": -5, \#(until), "contact": "x"}"#,
                        "'quantity' must be a whole number from 1"
                    ),
                    (
                        "offers",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": 0, \#(until), "contact": "x"}"#,
                        "'quantity' must be a whole number from 1"
                    ),
                    (
                        "offers",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": 5, "availableFrom": "\#(Self.inAMonth)", "availableUntil": "\#(Self.inThreeWeeks)", "contact": "x"}"#,
                        "ends before it starts"
                    ),
                    (
                        "offers",
                        #"{"city": \#(milan), "resource": "unobtainium", "quantity": 5, \#(until), "contact": "x"}"#,
                        "'resource': there is no resource 'unobtainium'"
                    ),
                    (
                        "offers",
                        #"{"city": \#(milan), "resource": "gloves", "unit": "boxes", "quantity": 5, \#(until), "contact": "x"}"#,
                        "'unit' of gloves must be 'pairs'"
                    ),
                    (
                        "offers", #"{"city": \#(milan), "resource": "gloves", "quantity": 5, "contact": "x"}"#,
                        "'availableUntil' is required"
                    ),
                    (
                        "offers",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": 5, "availableUntil": "2020-01-01", "contact": "x"}"#,
                        "'availableUntil' 2020-01-01 is in the past"
                    ),
                    (
                        "offers",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": 5, \#(until), "maxDistanceKm": -3, "contact": "x"}"#,
                        "'maxDistanceKm' must be more than 0"
                    ),
                    (
                        "offers", #"{"city": \#(milan), "resource": "gloves", "quantity": 5, \#(until)}"#,
                        "'contact' is required"
                    ),
                    (
                        "offers",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": "many", \#(until), "contact": "x"}"#,
                        "'quantity'"
                    ),
                    (
                        "requests",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": 5, "urgency": "high", "contact": "x"}"#,
                        "'neededBy' is required"
                    ),
                    (
                        "requests",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": 5, "neededBy": "2027-02-30", "urgency": "high", "contact": "x"}"#,
                        "'neededBy' must be a day"
                    ),
                    (
                        "requests",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": 5, "neededBy": "\#(Self.inAMonth)", "urgency": "whenever", "contact": "x"}"#,
                        "'urgency' must be one of critical, high, medium, low"
                    ),
                    (
                        "requests",
                        #"{"city": \#(milan), "resource": "gloves", "quantity": 5, "neededBy": "\#(Self.inAMonth)", "urgency": "low", "transportPaidBy": "nobody", "contact": "x"}"#,
                        "'transportPaidBy' must be one of"
                    ),
                ]
                for (kind, body, message) in refusals {
                    let response = try await app.api(.POST, "/api/v1/aid/\(kind)", json: body, token: token)
                    #expect(response.isProblem(status: .badRequest, mentioning: message), "\(body): \(response.text)")
                }
                #expect(try await app.count("aid_posts") == 1)

                // Another city's editor may not post for Milan; nobody may post for a city that does not exist.
                let madrid = try await app.cityID("Madrid", "ES")
                let madridToken = try await Self.editor(app, "madrid", of: madrid)
                let foreign = try await app.api(
                    .POST, "/api/v1/aid/offers", json: Self.offer(city: milan, resource: "gloves", quantity: 5),
                    token: madridToken)
                #expect(foreign.status == .forbidden)
                #expect(try await app.count("aid_posts") == 1)

                // Lists are public; contact details are for signed-in people.
                let anonymous = try await app.api(.GET, "/api/v1/aid/requests?resource=ffp2-masks")
                let page = try anonymous.content.decode(Paged<AidPostDTO>.self)
                #expect(page.items.map(\.id) == [made.id] && page.items[0].contact == nil)
                let signedIn = try await app.api(.GET, "/api/v1/aid/requests/\(made.id)", token: madridToken)
                #expect(try signedIn.content.decode(AidPostDTO.self).contact == "Crisis cell")
                #expect(try await app.api(.GET, "/api/v1/aid/requests?resource=nothing").status == .badRequest)
                #expect(try await app.api(.GET, "/api/v1/aid/offers/\(made.id)").status == .notFound)
            }
        }

        @Test func aMatchingRunMeetsUrgentNeedFirstPrefersTwinCitiesAndSaysWhy() async throws {
            try await withCityweave { app in
                let admin = try await Self.admin(app)
                let wuhan = try await app.cityID("Wuhan", "CN")
                let milan = try await app.cityID("Milan", "IT")
                let madrid = try await app.cityID("Madrid", "ES")
                let yokohama = try await app.cityID("Yokohama", "JP")
                let seoul = try await app.cityID("Seoul", "KR")
                let shanghai = try await app.cityID("Shanghai", "CN")
                var tokens: [Int: String] = [:]
                for (name, city) in [
                    ("wuhan", wuhan), ("milan", milan), ("madrid", madrid), ("yokohama", yokohama), ("seoul", seoul),
                    ("shanghai", shanghai),
                ] {
                    tokens[city] = try await Self.editor(app, name, of: city)
                }
                let masks = try await Self.post(
                    app, "offers", Self.offer(city: wuhan, resource: "ffp2-masks", quantity: 100), token: tokens[wuhan]!
                )
                let critical = try await Self.post(
                    app, "requests",
                    Self.request(city: milan, resource: "ffp2-masks", quantity: 60, urgency: "critical"),
                    token: tokens[milan]!)
                let medium = try await Self.post(
                    app, "requests",
                    Self.request(city: madrid, resource: "ffp2-masks", quantity: 60, urgency: "medium"),
                    token: tokens[madrid]!)
                let twin = try await Self.post(
                    app, "offers", Self.offer(city: yokohama, resource: "gowns", quantity: 50), token: tokens[yokohama]!
                )
                _ = try await Self.post(
                    app, "offers", Self.offer(city: seoul, resource: "gowns", quantity: 50), token: tokens[seoul]!)
                let gowns = try await Self.post(
                    app, "requests", Self.request(city: shanghai, resource: "gowns", quantity: 50),
                    token: tokens[shanghai]!)

                // Only platform administrators run the matching over every city.
                let refused = try await app.api(
                    .POST, "/api/v1/aid/matching-runs", json: "{}", token: tokens[milan]!)
                #expect(refused.isProblem(status: .forbidden, mentioning: "Only platform administrators"))

                let run = try await Self.run(app, token: admin)
                #expect(run.offersConsidered == 3 && run.requestsConsidered == 3)
                let byRequest = Dictionary(grouping: run.allocations, by: \.request)
                // The critical need is met in full; the medium one gets what is left.
                #expect(byRequest[critical.id]?.map(\.quantity) == [60])
                #expect(byRequest[medium.id]?.map(\.quantity) == [40])
                #expect(byRequest[critical.id]?.first?.offer == masks.id)
                #expect(run.weightedUnitsMet == 60 * 8 + 40 * 2 + 50 * 4)
                // Seoul is nearer to Shanghai, but Yokohama is its twin city.
                let gownsAllocation = try #require(byRequest[gowns.id]?.first)
                #expect(gownsAllocation.offer == twin.id && gownsAllocation.quantity == 50)
                #expect(gownsAllocation.reason.contains("twin cities since 1973"), "\(gownsAllocation.reason)")
                #expect(gownsAllocation.reason.contains("before need"), "\(gownsAllocation.reason)")
                #expect(gownsAllocation.status == .proposed)
                #expect(try await app.api(.GET, "/api/v1/aid/matching-runs/\(run.id)").status == .ok)

                // A network's coordinators run it over the network's members only, replacing unanswered proposals.
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                let coordinator = try await app.token(
                    for: try await app.makeUser("c40@example.org", organisation: .network(c40), role: .editor))
                // Shanghai leaves C40: the network's run does not consider its request and leaves its proposal be.
                try await Membership.query(on: app.db).filter(\.$network.$id == c40).filter(\.$city.$id == shanghai)
                    .delete()
                let members = Set(
                    try await Membership.query(on: app.db).filter(\.$network.$id == c40).all().map(\.$city.id))
                let scoped = try await Self.run(app, #"{"network": \#(c40)}"#, token: coordinator)
                let inScope = [wuhan, milan, madrid, yokohama, seoul, shanghai].filter(members.contains)
                #expect(scoped.offersConsidered + scoped.requestsConsidered == inScope.count)
                for allocation in scoped.allocations {
                    #expect(members.contains(allocation.from.id) && members.contains(allocation.to.id))
                }
                let first = try await app.api(.GET, "/api/v1/aid/matching-runs/\(run.id)")
                let replaced = try first.content.decode(MatchingRunDTO.self).allocations
                for allocation in replaced
                where inScope.contains(allocation.from.id) && inScope.contains(allocation.to.id) {
                    #expect(allocation.status == .superseded)
                }
                #expect(
                    replaced.first { $0.id == gownsAllocation.id }?.status == .proposed, "Shanghai's proposal stays")
                let unknown = try await app.api(
                    .POST, "/api/v1/aid/matching-runs", json: #"{"resource": "moondust"}"#, token: admin)
                #expect(unknown.isProblem(status: .badRequest, mentioning: "'resource'"))
            }
        }

        @Test func anAllocationGoesFromProposalToReceiptAndTheLedgerShowsBothDirections() async throws {
            try await withCityweave { app in
                let admin = try await Self.admin(app)
                let yokohama = try await app.cityID("Yokohama", "JP")
                let shanghai = try await app.cityID("Shanghai", "CN")
                let milan = try await app.cityID("Milan", "IT")
                let yokohamaToken = try await Self.editor(app, "yokohama", of: yokohama)
                let shanghaiToken = try await Self.editor(app, "shanghai", of: shanghai)
                let milanToken = try await Self.editor(app, "milan", of: milan)
                let offer = try await Self.post(
                    app, "offers", Self.offer(city: yokohama, resource: "ffp2-masks", quantity: 100),
                    token: yokohamaToken)
                let need = try await Self.post(
                    app, "requests", Self.request(city: shanghai, resource: "ffp2-masks", quantity: 100),
                    token: shanghaiToken)
                let allocation = try #require(try await Self.run(app, token: admin).allocations.first).id

                let first = try await Self.step(app, "accept", allocation, token: shanghaiToken)
                #expect(try first.content.decode(AllocationDTO.self).status == .accepted)
                #expect(try await AidPost.find(offer.id, on: app.db)?.allocated == 100)
                let twice = try await Self.step(app, "accept", allocation, token: shanghaiToken)
                #expect(twice.isProblem(status: .conflict, mentioning: "already accepted"))
                #expect(try await Self.step(app, "accept", allocation, token: milanToken).status == .forbidden)
                let early = try await Self.step(app, "ship", allocation, token: yokohamaToken)
                #expect(early.isProblem(status: .conflict, mentioning: "only a committed allocation"))
                let committed = try await Self.step(app, "accept", allocation, token: yokohamaToken)
                #expect(try committed.content.decode(AllocationDTO.self).status == .committed)

                let beforeCommit = try await Self.step(
                    app, "ship", allocation, json: #"{"date": "2020-03-01"}"#, token: yokohamaToken)
                #expect(beforeCommit.isProblem(status: .badRequest, mentioning: "before the allocation was committed"))
                let notTheirs = try await Self.step(app, "ship", allocation, token: shanghaiToken)
                #expect(notTheirs.isProblem(status: .forbidden, mentioning: "offering city"))
                let tooMany = try await Self.step(
                    app, "ship", allocation, json: #"{"quantity": 150}"#, token: yokohamaToken)
                #expect(tooMany.isProblem(status: .badRequest, mentioning: "from 1 to the 100 committed"))
                let shipped = try await Self.step(
                    app, "ship", allocation, json: #"{"quantity": 90}"#, token: yokohamaToken)
                #expect(try shipped.content.decode(AllocationDTO.self).status == .shipped)
                // What did not ship is free again on both sides.
                #expect(try await AidPost.find(offer.id, on: app.db)?.allocated == 90)
                #expect(try await AidPost.find(need.id, on: app.db)?.allocated == 90)
                let overReceived = try await Self.step(
                    app, "receive", allocation, json: #"{"quantity": 95}"#, token: shanghaiToken)
                #expect(overReceived.isProblem(status: .badRequest, mentioning: "from 0 to the 90 shipped"))
                let received = try await Self.step(app, "receive", allocation, token: shanghaiToken)
                #expect(try received.content.decode(AllocationDTO.self).receivedQuantity == 90)

                // Later Shanghai sends to Yokohama: the pair's ledger shows both directions.
                let back = try await Self.post(
                    app, "offers", Self.offer(city: shanghai, resource: "pcr-test-kits", quantity: 500),
                    token: shanghaiToken)
                _ = try await Self.post(
                    app, "requests", Self.request(city: yokohama, resource: "pcr-test-kits", quantity: 500),
                    token: yokohamaToken)
                let second = try #require(
                    try await Self.run(app, #"{"resource": "pcr-test-kits"}"#, token: admin).allocations.first)
                #expect(second.offer == back.id)
                for token in [yokohamaToken, shanghaiToken] {
                    #expect(try await Self.step(app, "accept", second.id, token: token).status == .ok)
                }
                #expect(try await Self.step(app, "ship", second.id, token: shanghaiToken).status == .ok)
                #expect(try await Self.step(app, "receive", second.id, token: yokohamaToken).status == .ok)
                #expect(try await AidPost.find(second.request, on: app.db)?.status == .fulfilled)

                let ledger = try await app.api(.GET, "/api/v1/aid/ledger?city=\(yokohama)&partner=\(shanghai)")
                let pair = try ledger.content.decode(LedgerDTO.self)
                #expect(pair.entries.count == 2)
                #expect(
                    Set(pair.totals.map { "\($0.from.name)>\($0.to.name) \($0.quantity) \($0.resource)" }) == [
                        "Yokohama>Shanghai 90 ffp2-masks", "Shanghai>Yokohama 500 pcr-test-kits",
                    ])
                let firstPage = try await app.api(.GET, "/api/v1/aid/ledger?city=\(yokohama)&per=1")
                let paged = try firstPage.content.decode(LedgerDTO.self)
                #expect(paged.entries.count == 1 && paged.metadata.total == 2 && paged.totals.count == 2)
                let csv = try await app.page(.GET, "/aid/ledger.csv?city=\(yokohama)&partner=\(shanghai)")
                #expect(csv.headers.contentType?.subType == "csv")
                #expect(csv.text.contains("Yokohama,JP,Shanghai,CN,ffp2-masks,90,masks,received"))
                #expect(csv.text.contains("Shanghai,CN,Yokohama,JP,pcr-test-kits,500,tests,received"))
                #expect(
                    try await app.api(.GET, "/api/v1/aid/ledger?partner=\(shanghai)").isProblem(
                        status: .badRequest, mentioning: "'partner' needs 'city'"))
                #expect(try await app.api(.GET, "/api/v1/aid/ledger?city=abc").status == .badRequest)

                // A decline after one acceptance frees what that acceptance held.
                let gloves = try await Self.post(
                    app, "offers", Self.offer(city: yokohama, resource: "gloves", quantity: 30), token: yokohamaToken)
                _ = try await Self.post(
                    app, "requests", Self.request(city: shanghai, resource: "gloves", quantity: 30),
                    token: shanghaiToken)
                let third = try #require(
                    try await Self.run(app, #"{"resource": "gloves"}"#, token: admin).allocations.first)
                #expect(try await Self.step(app, "accept", third.id, token: shanghaiToken).status == .ok)
                #expect(try await AidPost.find(gloves.id, on: app.db)?.allocated == 30)
                let declined = try await Self.step(app, "decline", third.id, token: yokohamaToken)
                #expect(try declined.content.decode(AllocationDTO.self).status == .declined)
                #expect(try await AidPost.find(gloves.id, on: app.db)?.allocated == 0)
                let late = try await Self.step(app, "accept", third.id, token: yokohamaToken)
                #expect(late.status == .conflict)

                // A committed allocation that cannot be honoured is declined before it ships, and frees its hold.
                let fourth = try #require(
                    try await Self.run(app, #"{"resource": "gloves"}"#, token: admin).allocations.first)
                for token in [yokohamaToken, shanghaiToken] {
                    #expect(try await Self.step(app, "accept", fourth.id, token: token).status == .ok)
                }
                #expect(try await AidPost.find(gloves.id, on: app.db)?.allocated == 30)
                let backedOut = try await Self.step(app, "decline", fourth.id, token: shanghaiToken)
                #expect(try backedOut.content.decode(AllocationDTO.self).status == .declined)
                #expect(try await AidPost.find(gloves.id, on: app.db)?.allocated == 0)
                // A run needs no body; a withdrawn offer is withdrawn once.
                #expect(try await app.api(.POST, "/api/v1/aid/matching-runs", token: admin).status == .created)
                let withdrawn = try await app.api(
                    .POST, "/api/v1/aid/offers/\(gloves.id)/withdraw", token: yokohamaToken)
                #expect(try withdrawn.content.decode(AidPostDTO.self).status == .withdrawn)
                let again = try await app.api(.POST, "/api/v1/aid/offers/\(gloves.id)/withdraw", token: yokohamaToken)
                #expect(again.isProblem(status: .conflict, mentioning: "withdrawn already"))
            }
        }

        /// A proposal of ten units, as overlapping runs leave them.
        static func proposal(_ app: Application, run: MatchingRun, offer: Int, request: Int) async throws -> Int {
            let allocation = AidAllocation()
            allocation.$run.id = try run.requireID()
            allocation.$offer.id = offer
            allocation.$request.id = request
            allocation.quantity = 10
            allocation.distanceKm = 1_770
            allocation.arrivesOn = inThreeWeeks
            allocation.daysToSpare = 5
            allocation.unitCost = 0
            allocation.reasons = []
            allocation.status = .proposed
            try await allocation.create(on: app.db)
            return try allocation.requireID()
        }

        @Test func concurrentAcceptancesNeverAllocateMoreThanWasOffered() async throws {
            // A file, as in production: SQLite's one writer at a time, with WAL and a busy timeout.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cityweave-aid-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let onFile: (inout CityweaveConfiguration) -> Void = { configuration in
                if case .sqlite = configuration.database {
                    configuration.database = .sqlite(path: folder.appendingPathComponent("aid.sqlite").path)
                }
            }
            try await withCityweave(configure: onFile) { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let shanghai = try await app.cityID("Shanghai", "CN")
                let yokohamaToken = try await Self.editor(app, "yokohama", of: yokohama)
                let shanghaiToken = try await Self.editor(app, "shanghai", of: shanghai)
                let offer = try await Self.post(
                    app, "offers", Self.offer(city: yokohama, resource: "gowns", quantity: 100), token: yokohamaToken)
                // Twenty proposals of ten gowns each over one offer of a hundred, as overlapping runs leave them.
                let run = try await app.recordedRun(offers: 1, requests: 20)
                var allocations: [Int] = []
                for _ in 0..<20 {
                    let need = try await Self.post(
                        app, "requests", Self.request(city: shanghai, resource: "gowns", quantity: 10),
                        token: shanghaiToken)
                    allocations.append(try await Self.proposal(app, run: run, offer: offer.id, request: need.id))
                }

                // MUT: both cities accept every proposal, all at once.
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for allocation in allocations {
                        for token in [yokohamaToken, shanghaiToken] {
                            group.addTask { try await Self.step(app, "accept", allocation, token: token).status }
                        }
                    }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }

                #expect(Set(statuses.map(\.code)).isSubset(of: [200, 409]), "\(statuses.map(\.code))")
                let saved = try await AidAllocation.query(on: app.db).filter(\.$id ~~ allocations).all()
                let active = saved.filter(\.status.isActive)
                #expect(active.count == 10)
                #expect(active.map(\.quantity).reduce(0, +) == 100)
                #expect(try await AidPost.find(offer.id, on: app.db)?.allocated == 100)
                #expect(statuses.filter { $0 == .ok }.count == 20)
                for allocation in saved {
                    let need = try #require(try await AidPost.find(allocation.$request.id, on: app.db))
                    #expect(need.allocated == (allocation.status.isActive ? 10 : 0))
                }

                // MUT: the offering city withdraws and declines while both cities accept.
                let second = try await Self.post(
                    app, "offers", Self.offer(city: yokohama, resource: "gowns", quantity: 50), token: yokohamaToken)
                var contested: [Int] = []
                for _ in 0..<10 {
                    let need = try await Self.post(
                        app, "requests", Self.request(city: shanghai, resource: "gowns", quantity: 10),
                        token: shanghaiToken)
                    contested.append(try await Self.proposal(app, run: run, offer: second.id, request: need.id))
                }
                let raced = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    group.addTask {
                        try await app.api(.POST, "/api/v1/aid/offers/\(second.id)/withdraw", token: yokohamaToken)
                            .status
                    }
                    for (index, allocation) in contested.enumerated() {
                        group.addTask { try await Self.step(app, "accept", allocation, token: shanghaiToken).status }
                        let step = index.isMultiple(of: 3) ? "decline" : "accept"
                        group.addTask { try await Self.step(app, step, allocation, token: yokohamaToken).status }
                    }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(Set(raced.map(\.code)).isSubset(of: [200, 409]), "\(raced.map(\.code))")
                // Every post holds exactly what its active allocations hold, and no more than it has.
                let posts = try await AidPost.query(on: app.db).all()
                let holding = try await AidAllocation.query(on: app.db).all().filter(\.status.isActive)
                for post in posts {
                    let held = holding.filter { $0.$offer.id == post.id || $0.$request.id == post.id }
                        .map(\.quantity).reduce(0, +)
                    #expect(post.allocated == held && held <= post.quantity, "post \(post.id!)")
                }
            }
        }

        /// Reasons saved in English before they were kept as messages read as they were written, on both databases.
        @Test func reasonsSavedInEnglishReadAsTheyWereWrittenOnceKeptAsMessages() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let shanghai = try await app.cityID("Shanghai", "CN")
                let offer = try await Self.post(
                    app, "offers", Self.offer(city: yokohama, resource: "gowns", quantity: 10),
                    token: try await Self.editor(app, "yokohama", of: yokohama))
                let need = try await Self.post(
                    app, "requests", Self.request(city: shanghai, resource: "gowns", quantity: 10),
                    token: try await Self.editor(app, "shanghai", of: shanghai))
                let run = try await app.recordedRun(offers: 1, requests: 1)
                let allocation = try await Self.proposal(app, run: run, offer: offer.id, request: need.id)
                // The table as it was, with a reason list in English; on one connection, as at a start.
                let migration = StoreAllocationReasonsAsMessages()
                let english = ["nearest available offer", "twin cities since 1973"]
                try await app.db.withConnection { db in
                    try await migration.revert(on: db)
                    try await (db as! any SQLDatabase).update(AidAllocation.schema).set("reasons", to: english)
                        .where("id", .equal, allocation).run()
                    try await migration.prepare(on: db)
                }

                let saved = try #require(try await AidAllocation.find(allocation, on: app.db))
                #expect(saved.reasons == english.map(Message.name))
                let answer = try await app.api(.GET, "/api/v1/aid/allocations/\(allocation)")
                let dto = try answer.content.decode(AllocationDTO.self)
                #expect(dto.reasons == english && dto.reason == "nearest available offer; twin cities since 1973")
            }
        }

        @Test func pagesShowTheMapTheRunAndTheLedgerAndEscapeWhatCitiesWrite() async throws {
            try await withCityweave { app in
                let milan = try await app.cityID("Milan", "IT")
                let wuhan = try await app.cityID("Wuhan", "CN")
                _ = try await app.makeUser("milan@example.org", organisation: .city(milan), role: .editor)
                let wuhanToken = try await Self.editor(app, "wuhan", of: wuhan)
                let admin = try await app.makeUser("root@example.org", platformAdmin: true)
                let offer = try await Self.post(
                    app, "offers",
                    Self.offer(
                        city: wuhan, resource: "ffp2-masks", quantity: 1_000,
                        extra: #", "conditions": "<script>alert(1)</script>""#), token: wuhanToken)

                let browser = try await app.signIn("milan@example.org")
                let bad = try await app.page(
                    .POST, "/aid/requests",
                    form: [
                        "city": "\(milan)", "resource": "ffp2-masks", "quantity": "lots", "neededBy": Self.inAMonth,
                        "urgency": "critical", "contact": "ICU desk",
                    ], as: browser)
                #expect(bad.status == .badRequest)
                #expect(bad.text.contains("&#39;quantity&#39; must be a whole number; got &#39;lots&#39;."))
                #expect(try await app.count("aid_posts") == 1)
                let good = try await app.page(
                    .POST, "/aid/requests",
                    form: [
                        "city": "\(milan)", "resource": "ffp2-masks", "quantity": "600", "neededBy": Self.inAMonth,
                        "urgency": "critical", "crossesBorders": "on", "contact": "ICU desk",
                    ], as: browser)
                #expect(good.status == .seeOther)

                let overview = try await app.page(.GET, "/aid")
                #expect(overview.status == .ok && overview.text.contains("FFP2 / N95 respirator masks"))
                let resource = try await app.page(.GET, "/aid/resources/ffp2-masks")
                #expect(resource.text.contains("Milan: request of 600 masks"))
                #expect(resource.text.contains("class=\"highlight\""))
                #expect(resource.text.contains("Unmet need") && resource.text.contains("now 600 masks"))
                #expect(try await app.page(.GET, "/aid/resources/moondust").status == .notFound)

                let anonymous = try await app.page(.GET, "/aid/offers/\(offer.id)")
                #expect(anonymous.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!anonymous.text.contains("<script>alert(1)"))
                #expect(!anonymous.text.contains("Desk +81 45 000") && anonymous.text.contains("to see it"))
                #expect(
                    try await app.page(.GET, "/aid/offers/\(offer.id)", as: browser).text.contains("Desk +81 45 000"))
                #expect(try await app.page(.GET, "/cities/\(milan)").text.contains("What Milan gave and received"))

                // The run's page lets Milan's editor answer for Milan, and only for Milan.
                let adminBrowser = try await app.signIn(admin.email)
                let ran = try await app.page(.POST, "/aid/matching-runs", form: ["network": ""], as: adminBrowser)
                #expect(ran.status == .seeOther)
                let runPath = try #require(ran.headers.first(name: .location)?.split(separator: "?").first)
                let runPage = try await app.page(.GET, String(runPath), as: browser)
                #expect(runPage.text.contains("Accept for Milan") && !runPage.text.contains("Accept for Wuhan"))
                let allocation = try #require(try await AidAllocation.query(on: app.db).first())
                let accepted = try await app.page(
                    .POST, "/aid/allocations/\(allocation.id!)/accept", form: ["side": "requester"], as: browser)
                #expect(accepted.status == .seeOther)
                let again = try await app.page(
                    .POST, "/aid/allocations/\(allocation.id!)/accept", form: ["side": "requester"], as: browser)
                #expect(again.status == .conflict && again.text.contains("already accepted"))
                let backOut = try await app.page(.GET, String(runPath), as: browser)
                #expect(backOut.text.contains("Back out for Milan") && !backOut.text.contains("Accept for Milan"))
                let typo = try await app.page(
                    .POST, "/aid/allocations/\(allocation.id!)/receive", form: ["quantity": "ten"], as: browser)
                #expect(typo.status == .badRequest && typo.text.contains("must be a whole number"))

                // Platform administrators extend the catalogue; nobody else does.
                let rootToken = try await app.token(for: admin)
                let added = try await app.api(
                    .POST, "/api/v1/aid/resources",
                    json: #"{"code": "sandbags", "name": "Sandbags", "unit": "bags", "category": "relief"}"#,
                    token: rootToken)
                #expect(added.status == .created)
                let twice = try await app.api(
                    .POST, "/api/v1/aid/resources",
                    json: #"{"code": "sandbags", "name": "Sandbags", "unit": "bags", "category": "relief"}"#,
                    token: rootToken)
                #expect(twice.isProblem(status: .conflict, mentioning: "exists already"))
                let badCode = try await app.api(
                    .POST, "/api/v1/aid/resources",
                    json: #"{"code": "Sand Bags!", "name": "Sandbags", "unit": "bags", "category": "relief"}"#,
                    token: rootToken)
                #expect(badCode.isProblem(status: .badRequest, mentioning: "'code' must be"))
                #expect(
                    try await app.api(
                        .POST, "/api/v1/aid/resources",
                        json: #"{"code": "sand", "name": "Sand", "unit": "bags", "category": "relief"}"#,
                        token: wuhanToken
                    ).status == .forbidden)
                _ = try await Self.post(
                    app, "offers", Self.offer(city: wuhan, resource: "sandbags", quantity: 400), token: wuhanToken)
            }
        }
    }
}

extension Application {
    /// A matching run as the database records one, for proposals a test writes itself.
    func recordedRun(offers: Int, requests: Int) async throws -> MatchingRun {
        let run = MatchingRun()
        run.offersConsidered = offers
        run.requestsConsidered = requests
        run.candidateRoutes = offers * requests
        run.weightedUnitsMet = 0
        run.totalCost = 0
        run.solveMilliseconds = 0
        try await run.create(on: db)
        return run
    }
}
