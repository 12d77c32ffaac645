import Fluent
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
    @Suite struct DirectoryEditTests {
        @Test func cityEditorsPatchTheProfileAndFieldsLeftOutStay() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let editor = try await app.makeUser("editor@example.org", organisation: .city(yokohama), role: .editor)
                let token = try await app.token(for: editor)
                let first = try await app.api(
                    .PATCH, "/api/v1/cities/\(yokohama)",
                    json:
                        #"{"formOfGovernment": "strong_mayor", "workingLanguages": ["JA", "en", "ja"], "internationalStaff": 40}"#,
                    token: token)
                #expect(first.status == .ok)
                let profile = try first.content.decode(CityDTO.self).contextProfile
                #expect(profile.formOfGovernment == .strongMayor)
                #expect(profile.workingLanguages == ["ja", "en"])
                let second = try await app.api(
                    .PATCH, "/api/v1/cities/\(yokohama)", json: #"{"internationalStaff": null}"#, token: token)
                let after = try second.content.decode(CityDTO.self).contextProfile
                #expect(after.internationalStaff == nil)
                #expect(after.formOfGovernment == .strongMayor)
            }
        }

        @Test(arguments: [
            (#"{"formOfGovernment": "monarchy"}"#, "formOfGovernment"),
            (#"{"internationalBudgetShare": 140}"#, "internationalBudgetShare"),
            (#"{"internationalStaff": -3}"#, "internationalStaff"),
            (#"{"workingLanguages": ["english"]}"#, "workingLanguages"),
            (#"{"internationalStaff": "many"}"#, "internationalStaff"),
            (#"{"formOfGovernment": "strong_mayor", "fiscalAutonomy": "total"}"#, "fiscalAutonomy"),
        ])
        func badProfilesAreRefusedNamingTheFieldAndChangeNothing(json: String, field: String) async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let editor = try await app.makeUser("editor@example.org", organisation: .city(yokohama), role: .editor)
                let response = try await app.api(
                    .PATCH, "/api/v1/cities/\(yokohama)", json: json, token: try await app.token(for: editor))
                #expect(response.isProblem(status: .badRequest, mentioning: field))
                let city = try #require(try await City.find(yokohama, on: app.db))
                #expect(city.formOfGovernment == nil)
                #expect(city.fiscalAutonomy == nil)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$recordType == "city").count() == 0)
            }
        }

        @Test func partnershipsAreAddedOnceAndRemovedByEitherCity() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let busan = try await app.cityID("Busan", "KR")
                let yokohamaEditor = try await app.makeUser(
                    "y@example.org", organisation: .city(yokohama), role: .editor)
                let busanEditor = try await app.makeUser("b@example.org", organisation: .city(busan), role: .editor)
                let before = try await app.count("partnerships")
                let body = #"{"partnerCityId": \#(busan), "kind": "economic_partnership", "since": 2019}"#
                let created = try await app.api(
                    .POST, "/api/v1/cities/\(yokohama)/partnerships", json: body,
                    token: try await app.token(for: yokohamaEditor))
                #expect(created.status == .created)
                let partnership = try created.content.decode(PartnershipDTO.self)
                #expect(Set(partnership.cities.map(\.id)) == [yokohama, busan])
                let twice = try await app.api(
                    .POST, "/api/v1/cities/\(yokohama)/partnerships", json: body,
                    token: try await app.token(for: yokohamaEditor))
                #expect(twice.status == .conflict)
                let itself = try await app.api(
                    .POST, "/api/v1/cities/\(yokohama)/partnerships",
                    json: #"{"partnerCityId": \#(yokohama), "kind": "friendship"}"#,
                    token: try await app.token(for: yokohamaEditor))
                #expect(itself.isProblem(status: .badRequest, mentioning: "partnerCityId"))
                #expect(try await app.count("partnerships") == before + 1)

                // The partner city's editors may remove it too.
                let removed = try await app.api(
                    .DELETE, "/api/v1/partnerships/\(partnership.id)", token: try await app.token(for: busanEditor))
                #expect(removed.status == .noContent)
                #expect(try await app.count("partnerships") == before)
            }
        }

        @Test func aCitysRequestBecomesAMembershipWhenTheNetworkAccepts() async throws {
            try await withCityweave { app in
                let lagos = try await app.cityID("Lagos", "NG")
                let network = try #require(try await Network.query(on: app.db).filter(\.$slug == "eurocities").first())
                let cityEditor = try await app.makeUser("lagos@example.org", organisation: .city(lagos), role: .editor)
                let networkEditor = try await app.makeUser(
                    "euro@example.org", organisation: .network(try network.requireID()), role: .editor)
                let asked = try await app.api(
                    .POST, "/api/v1/cities/\(lagos)/membership-requests",
                    json: #"{"networkId": "eurocities", "message": "We run a sister-city office in Europe."}"#,
                    token: try await app.token(for: cityEditor))
                #expect(asked.status == .created)
                let request = try asked.content.decode(MembershipRequestDTO.self)
                #expect(request.status == .pending)
                let again = try await app.api(
                    .POST, "/api/v1/cities/\(lagos)/membership-requests", json: #"{"networkId": "eurocities"}"#,
                    token: try await app.token(for: cityEditor))
                #expect(again.status == .conflict)
                let unknown = try await app.api(
                    .POST, "/api/v1/cities/\(lagos)/membership-requests", json: #"{"networkId": "no-such-network"}"#,
                    token: try await app.token(for: cityEditor))
                #expect(unknown.isProblem(status: .badRequest, mentioning: "networkId"))

                let networkToken = try await app.token(for: networkEditor)
                let pending = try await app.api(
                    .GET, "/api/v1/networks/eurocities/membership-requests", token: networkToken)
                #expect(try pending.content.decode([MembershipRequestDTO].self).map(\.id) == [request.id])
                // The asking city cannot decide its own request.
                let selfDecided = try await app.api(
                    .POST, "/api/v1/membership-requests/\(request.id)/decision", json: #"{"decision": "accept"}"#,
                    token: try await app.token(for: cityEditor))
                #expect(selfDecided.status == .forbidden)
                let accepted = try await app.api(
                    .POST, "/api/v1/membership-requests/\(request.id)/decision", json: #"{"decision": "accept"}"#,
                    token: networkToken)
                #expect(try accepted.content.decode(MembershipRequestDTO.self).status == .accepted)
                let member = try await Membership.query(on: app.db).filter(\.$city.$id == lagos)
                    .filter(\.$network.$id == network.requireID()).first()
                #expect(member != nil)
                let decidedTwice = try await app.api(
                    .POST, "/api/v1/membership-requests/\(request.id)/decision", json: #"{"decision": "decline"}"#,
                    token: networkToken)
                #expect(decidedTwice.status == .conflict)
            }
        }

        @Test func networkEditorsManageMembersFromThePages() async throws {
            try await withCityweave { app in
                let network = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first())
                try await app.makeUser(
                    "c40@example.org", organisation: .network(try network.requireID()), role: .editor)
                let browser = try await app.signIn("c40@example.org")
                let page = try await app.page(.GET, "/networks/c40", as: browser)
                #expect(page.text.contains("/networks/c40/manage"))
                #expect(try await app.page(.GET, "/networks/c40").text.contains("/networks/c40/manage") == false)

                let added = try await app.page(
                    .POST, "/networks/c40/members", form: ["city": "Kinshasa, CD", "since": "2024"], as: browser)
                #expect(added.status == .seeOther)
                let kinshasa = try await app.cityID("Kinshasa", "CD")
                #expect(
                    try await Membership.query(on: app.db).filter(\.$city.$id == kinshasa)
                        .filter(\.$network.$id == network.requireID()).first()?.since == 2024)
                let unknown = try await app.page(
                    .POST, "/networks/c40/members", form: ["city": "Atlantis"], as: browser)
                #expect(unknown.status == .badRequest)
                #expect(unknown.text.contains("Atlantis"))
                let manage = try await app.page(.GET, "/networks/c40/manage", as: browser)
                #expect(manage.status == .ok)
                let removed = try await app.page(
                    .POST, "/networks/c40/members/\(kinshasa)/remove", form: [:], as: browser)
                #expect(removed.status == .seeOther)
            }
        }

        @Test func theNetworkDescriptionIsMarkdownThroughTheSanitizingRenderer() async throws {
            try await withCityweave { app in
                let network = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first())
                try await app.makeUser(
                    "c40@example.org", organisation: .network(try network.requireID()), role: .editor)
                let description =
                    "Mayors acting on **climate**.\n\n<script>alert('x')</script>\n\n[site](javascript:alert(1)) <img src=x onerror=alert(1)>"
                let updated = try await app.api(
                    .PATCH, "/api/v1/networks/c40",
                    json: String(decoding: try JSONEncoder().encode(["description": description]), as: UTF8.self),
                    token: try await app.token(
                        for: try #require(try await User.find(email: "c40@example.org", on: app.db))))
                #expect(updated.status == .ok)
                let page = try await app.page(.GET, "/networks/c40").text
                #expect(page.contains("<strong>climate</strong>"))
                #expect(!page.contains("<script>alert"))
                #expect(!page.contains("javascript:"))
                #expect(!page.contains("onerror"))
            }
        }

        @Test func profileFormsShowTheProblemAndKeepTheRecord() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                try await app.makeUser("editor@example.org", organisation: .city(yokohama), role: .editor)
                let browser = try await app.signIn("editor@example.org")
                let form = try await app.page(.GET, "/cities/\(yokohama)/edit", as: browser)
                #expect(form.status == .ok)
                let refused = try await app.page(
                    .POST, "/cities/\(yokohama)/edit", form: ["internationalBudgetShare": "lots"], as: browser)
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("internationalBudgetShare"))
                #expect(try await City.find(yokohama, on: app.db)?.internationalBudgetShare == nil)
                // The city page offers editors their forms, and no one else.
                let partnershipForm = "action=\"/cities/\(yokohama)/partnerships\""
                #expect(try await app.page(.GET, "/cities/\(yokohama)", as: browser).text.contains(partnershipForm))
                #expect(!(try await app.page(.GET, "/cities/\(yokohama)").text.contains(partnershipForm)))
            }
        }

        @Test func anonymousVisitorsAreSentToSignInFromEditForms() async throws {
            try await withCityweave { app in
                let yokohama = try await app.cityID("Yokohama", "JP")
                let response = try await app.page(.GET, "/cities/\(yokohama)/edit")
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/login?next=/cities/\(yokohama)/edit")
            }
        }
    }
}
