import CityweaveCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import CityweaveAccounts
@testable import CityweaveDirectory
@testable import CityweaveEvents
@testable import CityweaveServer
@testable import CityweaveShared

/// The events module's write routes in the authorization matrix. C40 organises; Yokohama is asked to
/// co-organise and only its editors confirm; everyone of a city or a network registers themselves (a
/// platform administrator belongs to neither); C40's drafts are hidden from everyone outside C40.
extension WriteCase {
    static func eventFields(_ f: MatrixFixture) -> String {
        let start = MatrixFixture.eventDay(days: 20)
        return #"""
            "kind": "webinar", "title": "Event \#(f.next())", "timeZone": "Europe/Paris",
            "start": "\#(start)T10:00", "end": "\#(start)T11:00", "onlineURL": "https://example.org/meet",
            "languages": ["en"], "level": "technical"
            """#
    }

    static func eventForm(_ f: MatrixFixture) -> [String: String] {
        let start = MatrixFixture.eventDay(days: 20)
        return [
            "kind": "webinar", "title": "Event \(f.next())", "timeZone": "Europe/Paris", "start": "\(start)T10:00",
            "end": "\(start)T11:00", "onlineURL": "https://example.org/meet", "languages[]": "en",
            "level": "technical", "access": "public", "organiser": "network:\(f.c40)",
        ]
    }

    /// Everyone with a city or a network: a platform administrator belongs to neither.
    static let peopleOfOrganisations = Persona.signedIn.subtracting([.platformAdmin])

    static let events: [WriteCase] = [
        WriteCase(route: "POST /api/v1/events", surface: .api, allowed: Persona.networkEditors, success: .created) {
            f, _ in
            Attempt(
                path: "/api/v1/events",
                json: "{\(eventFields(f)), \"organisers\": [{\"kind\": \"network\", \"id\": \(f.c40)}]}")
        },
        WriteCase(route: "PATCH /api/v1/events/:id", surface: .api, allowed: Persona.networkEditors, success: .ok) {
            f, _ in
            Attempt(path: "/api/v1/events/\(try await f.freshEvent())", json: #"{"title": "Renamed \#(f.next())"}"#)
        },
        WriteCase(
            route: "DELETE /api/v1/events/:id", surface: .api, allowed: Persona.networkEditors, success: .noContent,
            hiddenFrom: outsideC40
        ) { f, _ in
            Attempt(path: "/api/v1/events/\(try await f.freshEvent(published: false))")
        },
        WriteCase(route: "PUT /api/v1/events/:id/state", surface: .api, allowed: Persona.networkEditors, success: .ok) {
            f, _ in
            Attempt(
                path: "/api/v1/events/\(try await f.freshEvent())/state",
                json: #"{"state": "cancelled", "reason": "Moved"}"#)
        },
        WriteCase(
            route: "PUT /api/v1/events/:id/organisers/:organisation", surface: .api, allowed: Persona.cityEditors,
            success: .ok
        ) { f, _ in
            Attempt(
                path: "/api/v1/events/\(try await f.freshEvent(askingYokohama: true))/organisers/city:\(f.yokohama)")
        },
        WriteCase(
            route: "POST /api/v1/events/:id/registrations", surface: .api, allowed: peopleOfOrganisations,
            success: .created
        ) { f, _ in
            Attempt(path: "/api/v1/events/\(try await f.freshEvent())/registrations", json: "{}")
        },
        WriteCase(
            route: "DELETE /api/v1/events/:id/registrations", surface: .api, allowed: peopleOfOrganisations,
            success: .noContent, refused: .notFound
        ) { f, persona in
            Attempt(path: "/api/v1/events/\(try await f.freshEvent(registering: persona))/registrations")
        },
        WriteCase(route: "POST /events", surface: .page, allowed: Persona.networkEditors, success: .seeOther) { f, _ in
            Attempt(path: "/events", form: eventForm(f))
        },
        WriteCase(route: "POST /events/:id/edit", surface: .page, allowed: Persona.networkEditors, success: .seeOther) {
            f, _ in
            Attempt(path: "/events/\(try await f.freshEvent())/edit", form: eventForm(f))
        },
        WriteCase(route: "POST /events/:id/state", surface: .page, allowed: Persona.networkEditors, success: .seeOther)
        { f, _ in
            Attempt(path: "/events/\(try await f.freshEvent())/state", form: ["state": "cancelled", "reason": "Moved"])
        },
        WriteCase(
            route: "POST /events/:id/delete", surface: .page, allowed: Persona.networkEditors, success: .seeOther,
            hiddenFrom: outsideC40
        ) { f, _ in
            Attempt(path: "/events/\(try await f.freshEvent(published: false))/delete", form: [:])
        },
        WriteCase(
            route: "POST /events/:id/organisers/:organisation/confirm", surface: .page, allowed: Persona.cityEditors,
            success: .seeOther
        ) { f, _ in
            Attempt(
                path: "/events/\(try await f.freshEvent(askingYokohama: true))/organisers/city:\(f.yokohama)/confirm",
                form: [:])
        },
        WriteCase(
            route: "POST /events/:id/register", surface: .page, allowed: peopleOfOrganisations, success: .seeOther
        ) { f, _ in
            Attempt(path: "/events/\(try await f.freshEvent())/register", form: [:])
        },
        WriteCase(
            route: "POST /events/:id/unregister", surface: .page, allowed: peopleOfOrganisations, success: .seeOther,
            refused: .notFound
        ) { f, persona in
            Attempt(path: "/events/\(try await f.freshEvent(registering: persona))/unregister", form: [:])
        },
        WriteCase(route: "POST /account/calendar-key", surface: .page, allowed: Persona.signedIn, success: .ok) {
            _, _ in Attempt(path: "/account/calendar-key", form: [:])
        },
    ]
}

extension MatrixFixture {
    private var system: EditContext { .system(on: app.db, from: "test") }

    /// A day `days` from now, `YYYY-MM-DD`.
    static func eventDay(days: Int) -> String { DateText.day(Date().addingTimeInterval(Double(days) * 86_400)) }

    /// A public C40 event, published unless asked; Yokohama asked to co-organise, or the persona registered, when asked.
    func freshEvent(published: Bool = true, askingYokohama: Bool = false, registering persona: Persona? = nil)
        async throws -> Int
    {
        var input = EventInput()
        let day = Self.eventDay(days: 20)
        input.kind = "webinar"
        input.title = "Event \(next())"
        input.timeZone = "Europe/Paris"
        input.start = "\(day)T10:00"
        input.end = "\(day)T11:00"
        input.onlineURL = "https://example.org/meet"
        input.languages = ["en"]
        input.level = "technical"
        input.organisers = [.network(c40)] + (askingYokohama ? [.city(yokohama)] : [])
        let event = try await EventEdits.create(input, context: system)
        let id = try event.requireID()
        if askingYokohama {
            // The system holds every organisation it names: make Yokohama one that is asked, not one that holds.
            let row = try #require(
                try await EventOrganiser.query(on: app.db).filter(\.$event.$id == id)
                    .filter(\.$organisationKind == .city).first())
            row.isConfirmed = false
            try await row.update(on: app.db)
        }
        if published { try await EventEdits.change(event, .init(state: "published"), context: system) }
        if let persona, let user = users[persona], user.organisation != nil {
            try await RegistrationEdits.register(user, for: event, context: system)
        }
        return id
    }
}
