import CityweaveCore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import CityweaveDirectory
@testable import CityweaveShared

extension CityweaveServerTests {
    @Suite struct MemberListTests {
        static let reference = ReferenceDirectory(workingDirectory: TestEnvironment.packageRoot, selection: .all)

        static func shippedText() throws -> String {
            try reference.readGzip(ReferenceDirectory.memberListsFile)
        }

        /// The shipped member lists, read as a test reads them: rows per network, and those naming a body.
        static func shippedRows() throws -> [String: (rows: Int, bodies: Int)] {
            let table = try CSVTable(text: try shippedText())
            let (network, note) = (try table.column("network_slug"), try table.column("note"))
            var counts: [String: (rows: Int, bodies: Int)] = [:]
            for row in table.rows where !row.fields[network].isEmpty {
                counts[row.fields[network], default: (0, 0)].rows += 1
                if MemberEntity(note: row.fields[note]) != nil {
                    counts[row.fields[network], default: (0, 0)].bodies += 1
                }
            }
            return counts
        }

        @Test func theShippedListsFillTheNetworksAndKeepRegionsApartFromTheirSeats() async throws {
            try await withCityweave(cities: .minimumPopulation(45_000)) { app in
                let shipped = try Self.shippedRows()
                #expect(shipped.count >= 50)
                #expect(shipped["gcom"] == nil, "a list its source forbids to redistribute commercially is not shipped")
                let networks = try await Network.query(on: app.db).all()
                let bySlug = Dictionary(uniqueKeysWithValues: networks.map { ($0.slug, $0) })
                for (slug, counts) in shipped {
                    let network = try #require(bySlug[slug], "\(slug) is in the lists but not a network")
                    #expect(network.membersAreKnown, "\(slug) has a list")
                    let bodies = try await ListedMember.query(on: app.db).filter(\.$network.$id == network.id!)
                        .filter(\.$kind == .body).count()
                    #expect(bodies == counts.bodies, "\(slug): every region or body named is kept apart")
                    let cities = try await Membership.query(on: app.db).filter(\.$network.$id == network.id!)
                        .filter(\.$source == network.memberListSource ?? "").count()
                    let unplaced = try await ListedMember.query(on: app.db).filter(\.$network.$id == network.id!)
                        .filter(\.$kind == .unplacedCity).count()
                    // Each row is a member city, a body, or an unplaced city; a city the list names twice counts once.
                    #expect(cities + bodies + unplaced <= counts.rows && cities + bodies + unplaced > 0)
                }
                // The list and the network's answer count the bodies beside the cities.
                let listed = try await app.api(.GET, "/api/v1/networks?per=100").content.decode(Paged<NetworkDTO>.self)
                for network in listed.items where shipped[network.slug] != nil {
                    #expect(network.bodyCount == shipped[network.slug]!.bodies, "\(network.slug)")
                }
                let energy = try await app.api(.GET, "/api/v1/networks/energy-cities").content.decode(NetworkDTO.self)
                #expect(energy.bodyCount == shipped["energy-cities"]!.bodies && energy.bodyCount > 0)
                // Bamberg's district is a member of Climate Alliance in its own right, not as the town of Bamberg.
                let district = try #require(
                    try await ListedMember.query(on: app.db).filter(\.$name == "Landkreis Bamberg").first())
                #expect(district.kind == .body && district.seat == "Bamberg" && district.since == 2009)
                #expect(try await bySlug["gcom"]?.membersAreKnown == false)
            }
        }

        @Test func loadingTheListsAgainChangesNothingAndReportsEveryUnplacedRow() async throws {
            try await withCityweave(cities: .minimumPopulation(45_000)) { app in
                let listed = try await app.count("listed_members")
                let memberships = try await app.count("memberships")
                let summary = try await ReferenceDirectory.memberLists.run(
                    text: try Self.shippedText(), on: app.db, referenceFolder: Self.reference.folder)
                #expect(summary.created == 0)
                #expect(try await app.count("listed_members") == listed)
                #expect(try await app.count("memberships") == memberships)
                let unplaced = try await ListedMember.query(on: app.db).filter(\.$kind == .unplacedCity).count()
                #expect(summary.unmatchedCount == unplaced)
                #expect(try Self.shippedRows().values.reduce(0) { $0 + $1.rows } == summary.rowsRead)
            }
        }

        @Test func aClosedNetworkNamesItsSuccessorAndItsMembershipsArePast() async throws {
            try await withCityweave { app in
                let network = try await app.api(.GET, "/api/v1/networks/100rc").content.decode(NetworkDTO.self)
                #expect(network.ended == 2019 && network.successor?.slug == "grcn")
                let open = try await Membership.query(on: app.db).filter(\.$network.$id == network.id)
                    .filter(\.$until == nil).count()
                #expect(open == 0)
                let page = try await app.page(.GET, "/networks/100rc")
                #expect(page.text.contains("closed in 2019") || page.text.contains("The network closed in 2019"))
                #expect(page.text.contains("/networks/grcn"))
            }
        }

        @Test func aNetworkWithoutAPublishedListSaysSoAndIsNotRanked() async throws {
            try await withCityweave { app in
                let peace = try await app.api(.GET, "/api/v1/networks/mayors-for-peace").content.decode(
                    NetworkDTO.self)
                #expect(!peace.membersKnown && peace.memberListSource == nil)
                let page = try await app.page(.GET, "/networks/mayors-for-peace")
                #expect(page.text.contains("member list not published"))
                let home = try await app.page(.GET, "/")
                let largest = try #require(
                    home.text.components(separatedBy: "<h2").first { $0.lowercased().contains("largest") })
                #expect(!largest.contains("/networks/mayors-for-peace\""))
                let list = try await app.page(.GET, "/networks?per=100")
                #expect(list.text.contains("list not published"))
            }
        }
    }
}
