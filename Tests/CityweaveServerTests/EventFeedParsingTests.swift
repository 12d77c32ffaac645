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

/// Every feed read by two calendar parsers other than ours (PyPI icalendar and vobject, through
/// `scripts/check_icalendar.py`) gives back the instants of the events, in several time zones and on
/// both sides of a daylight-saving change.
extension CityweaveServerTests {
    @Suite(.enabled(if: CalendarParsers.installed)) struct EventFeedParsingTests {
        struct Parsed: Decodable {
            var uid: String
            var sequence: Int
            var status: String
            var start: String
            var end: String
            var file: String
        }

        static func parse(_ files: [URL]) throws -> [Parsed] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                ["python3", TestEnvironment.packageRoot + "/scripts/check_icalendar.py"] + files.map(\.path)
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(problems)")
            return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
                try JSONDecoder().decode(Parsed.self, from: Data($0.utf8))
            }
        }

        @Test func feedsReadByTwoParsersGiveTheEventsInstantsAcrossDaylightSavingChanges() async throws {
            try await withCityweave { app in
                let c40 = try #require(try await Network.query(on: app.db).filter(\.$slug == "c40").first()?.id)
                let lima = try await app.cityID("Lima", "PE")
                let editor = try await app.token(
                    for: try await app.makeUser("c40.editor@example.org", organisation: .network(c40), role: .editor))
                let person = try await app.makeUser(
                    "officer@lima.example.org", organisation: .city(lima), role: .viewer)
                let personToken = try await app.token(for: person)
                // Each zone's clocks change between the two days: the first event before, the second after.
                let schedule: [(zone: String, before: String, after: String)] = [
                    ("Europe/Paris", "2031-03-28T09:00", "2031-03-31T09:00"),
                    ("America/New_York", "2031-03-07T18:30", "2031-03-10T18:30"),
                    ("Australia/Sydney", "2031-04-04T10:00", "2031-04-07T10:00"),
                    ("Asia/Kolkata", "2031-03-28T15:45", "2031-03-31T15:45"),
                    ("UTC", "2031-03-28T12:00", "2031-03-31T12:00"),
                ]
                var events: [EventDTO] = []
                for (index, entry) in schedule.enumerated() {
                    for start in [entry.before, entry.after] {
                        let end = String(start.prefix(11)) + "23:30"
                        let json = """
                            {"kind": "webinar", "title": "Feed check \(index), d\u{E9}j\u{E0} vu; 東京, \\"quoted\\"",
                             "description": "Line one\\nLine two, with a comma; and a semicolon",
                             "timeZone": "\(entry.zone)", "start": "\(start)", "end": "\(end)",
                             "onlineURL": "https://example.org/meet/\(index)", "languages": ["en"],
                             "themes": ["health"], "level": "technical",
                             "organisers": [{"kind": "network", "id": \(c40)}]}
                            """
                        let created = try await app.api(.POST, "/api/v1/events", json: json, token: editor)
                        try #require(created.status == .created, "\(created.text)")
                        let id = try created.content.decode(EventDTO.self).id
                        let published = try await app.api(
                            .PUT, "/api/v1/events/\(id)/state", json: #"{"state": "published"}"#, token: editor)
                        events.append(try published.content.decode(EventDTO.self))
                        _ = try await app.api(.POST, "/api/v1/events/\(id)/registrations", token: personToken)
                    }
                }
                let cancelled = events[0]
                _ = try await app.api(
                    .PUT, "/api/v1/events/\(cancelled.id)/state", json: #"{"state": "cancelled", "reason": "Moved"}"#,
                    token: editor)
                let browser = try await app.signIn("officer@lima.example.org")
                let key = try await app.page(.POST, "/account/calendar-key", form: [:], as: browser).body.string
                let start = try #require(key.range(of: "/calendars/me/"))
                let end = try #require(key.range(of: ".ics", range: start.upperBound..<key.endIndex))
                let paths = [
                    "/calendars/networks/c40.ics", "/calendars/themes/health.ics", "/calendars/cities/\(lima).ics",
                    String(key[start.lowerBound..<end.upperBound]), "/events/\(events[3].id).ics",
                ]
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: directory) }
                var files: [URL] = []
                for (index, path) in paths.enumerated() {
                    let response = try await app.page(.GET, path)
                    #expect(response.status == .ok, "\(path)")
                    let file = directory.appendingPathComponent("feed-\(index).ics")
                    try Data(response.body.readableBytesView).write(to: file)
                    files.append(file)
                }
                let parsed = try Self.parse(files)
                let moment = Date.ISO8601FormatStyle()
                for event in events {
                    let readings = parsed.filter { $0.uid == "event-\(event.id)@cityweave" }
                    #expect(readings.count >= 3, "event \(event.id) is in \(readings.count) feeds")
                    for reading in readings {
                        #expect(try moment.parse(reading.start) == event.start, "\(event.timeZone) \(event.startLocal)")
                        #expect(try moment.parse(reading.end) == event.end, "\(event.timeZone) \(event.endLocal)")
                    }
                }
                let cancellation = parsed.filter { $0.uid == "event-\(cancelled.id)@cityweave" }
                #expect(
                    !cancellation.isEmpty && cancellation.allSatisfy { $0.status == "CANCELLED" && $0.sequence == 1 })
            }
        }
    }
}

/// Whether python3 has the two calendar parsers the feed test reads with (CI installs them).
enum CalendarParsers {
    static let installed: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import icalendar, vobject"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}
