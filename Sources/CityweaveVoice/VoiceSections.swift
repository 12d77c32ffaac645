import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// The voice module's parts of other pages: a city's and a network's
/// statements and surveys, and on a person's account page what waits for
/// them (endorsements to confirm for a changed text, surveys their city has yet to answer).
package enum VoiceSections {
    package struct Item: Encodable {
        package var title: String
        package var href: String
        package var detail: String
    }

    package struct Context: Encodable {
        package var led: [Item]
        package var endorsed: [Item]
        package var surveys: [Item]
        package var name: String
    }

    package struct AccountContext: Encodable {
        package var toConfirm: [Item]
        package var toAnswer: [Item]
    }

    package static let city = PageSectionProvider.on(City.self) { request, city in
        try await section(for: .city(try city.requireID()), name: city.name, request: request)
    }

    package static let network = PageSectionProvider.on(Network.self) { request, network in
        try await section(for: .network(try network.requireID()), name: network.name, request: request)
    }

    private static func section(for organisation: Organisation, name: String, request: Request) async throws
        -> PageSection?
    {
        let db = request.db
        let ledIDs = try await StatementLead.query(on: db).filter(\.$organisationKind == organisation.kind)
            .filter(\.$organisationID == organisation.id).all(\.$statement.$id)
        let endorsements = try await Endorsement.query(on: db).filter(\.$organisationKind == organisation.kind)
            .filter(\.$organisationID == organisation.id).with(\.$statement).all()
        let inside = VoiceQueries.isInside([organisation], request: request)
        let led = try await Statement.query(on: db).filter(\.$id ~~ ledIDs).sort(\.$id, .descending).all()
            .filter { $0.state != .draft || inside }
        let surveys = try await Survey.query(on: db).filter(\.$organiserKind == organisation.kind)
            .filter(\.$organiserID == organisation.id).sort(\.$id, .descending).all()
            .filter { $0.state != .draft || inside }
        guard !led.isEmpty || !endorsements.isEmpty || !surveys.isEmpty else { return nil }
        func item(_ statement: Statement) -> Item {
            Item(
                title: statement.title, href: request.localized(VoicePath.statement.href(statement.id!)),
                detail: request.text(statement.state.message))
        }
        let context = Context(
            led: led.map(item),
            endorsed: endorsements.filter { $0.statement.state != .draft }.map { endorsement in
                var entry = item(endorsement.statement)
                if endorsement.version != endorsement.statement.version {
                    entry.detail = request.text(
                        Message("voice.section.earlier-text", "endorsed an earlier text, not yet confirmed"))
                }
                return entry
            },
            surveys: surveys.map {
                Item(
                    title: $0.title, href: request.localized(VoicePath.survey.href($0.id!)),
                    detail: request.text($0.state.message))
            }, name: name)
        return PageSection(
            id: "voice", title: request.text(Message("voice.section.title", "Statements and surveys")),
            html: try await request.renderedSection("Voice/section", context))
    }

    package static let account = PageSectionProvider.on(User.self) { request, user in
        guard let organisation = user.organisation else { return nil }
        let db = request.db
        var toConfirm: [Item] = []
        if user.signs(for: organisation) {
            let endorsements = try await Endorsement.query(on: db).filter(\.$organisationKind == organisation.kind)
                .filter(\.$organisationID == organisation.id).with(\.$statement).all()
            toConfirm = endorsements.filter {
                $0.statement.state == .open && $0.version != $0.statement.version
            }.map {
                Item(
                    title: $0.statement.title, href: request.localized(VoicePath.statement.href($0.$statement.id)),
                    detail: request.text(
                        Message(
                            "voice.section.confirm-detail",
                            "endorsed version {endorsed}; the text is now version {current}",
                            ["endorsed": .count($0.version), "current": .count($0.statement.version)])))
            }
        }
        var toAnswer: [Item] = []
        if organisation.kind == .city, AccessPolicy.holds(.editor, in: [organisation], user: user) {
            let answered = Set(
                try await SurveyResponse.query(on: db).filter(\.$city.$id == organisation.id)
                    .filter(\.$submittedAt != nil).all(\.$survey.$id))
            for survey in try await Survey.query(on: db).filter(\.$state == .open).sort(\.$id).all()
            where !answered.contains(survey.id!) && survey.takesAnswers() {
                guard try await VoiceQueries.asks(survey, city: organisation.id, on: db) else { continue }
                toAnswer.append(
                    Item(
                        title: survey.title,
                        href: request.localized(VoicePath.response.href(survey.id!, organisation.id)),
                        detail: survey.closesOn.flatMap(DateText.parseDay).map {
                            request.text(Message("voice.section.answer-by", "answers until {day}", ["day": .day($0)]))
                        } ?? ""))
            }
        }
        guard !toConfirm.isEmpty || !toAnswer.isEmpty else { return nil }
        return PageSection(
            id: "waiting", title: request.text(Message("voice.section.waiting", "Waiting for you")),
            html: try await request.renderedSection(
                "Voice/account-section", AccountContext(toConfirm: toConfirm, toAnswer: toAnswer)))
    }
}
