import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Foundation
import Vapor

/// The example practices, translations, reviews and transfers of
/// `Resources/Demo/practices.json`, loaded on the first start so that a new
/// installation shows what the module does. Every record is marked as
/// example content. Practices whose city is not in the directory (a
/// reduced reference selection) are left out.
package enum DemoPractices {
    package struct File: Decodable {
        package var practices: [Item]
        package var transfers: [Transfer]
        package var reviews: [Review]
    }

    package struct Item: Decodable {
        package struct KnowHow: Decodable {
            package var staff: String
            package var budgetBand: String?
            package var partners: String
            package var legalInstruments: String
            package var pitfalls: String
        }

        package struct Contact: Decodable {
            package var name: String
            package var role: String?
            package var email: String?
        }

        package var key: String
        /// GeoNames id.
        package var city: Int
        package var language: String
        package var translationOf: String?
        package var title: String
        package var summary: String
        package var problem: String
        package var method: [String]
        package var knowHow: KnowHow
        package var resources: String
        package var evidence: String
        package var stage: String
        package var themes: [String]
        package var links: [PracticeLink]
        package var contact: Contact?
        package var publishedAt: String?
    }

    package struct Transfer: Decodable {
        package struct Step: Decodable {
            package var stage: String
            package var date: String
            package var notes: String
        }

        package var practice: String
        package var city: Int
        package var steps: [Step]
        package var evidence: Bool
    }

    package struct Review: Decodable {
        package var practice: String
        package var network: String
        package var date: String
        package var readableAlone: Bool
        package var evidenceGiven: Bool
        package var comment: String
    }

    package static let loadIfEmpty = DemoContentFile.loader(
        "practices.json", as: File.self, what: "example practices",
        isEmpty: { try await Practice.query(on: $0).count() == 0 }, load: { try await load($0, on: $1) })

    /// Loads the file's records through the edits, as the system writing examples (each write is
    /// checked and audited as a client's would be); returns how many practices were created. An
    /// example then keeps the dates and reviewer its file gives, so that it reads like a real year.
    package static func load(_ file: File, on db: any Database) async throws -> Int {
        let context = EditContext.examples(on: db)
        let geonameids = Set(file.practices.map(\.city) + file.transfers.map(\.city))
        let cities = try await City.query(on: db).filter(\.$geonameid ~~ geonameids).all()
        let cityIDs = Dictionary(cities.map { ($0.geonameid!, $0.id!) }, uniquingKeysWith: { first, _ in first })
        var practices: [String: Practice] = [:]
        // Originals first, so that translations find them.
        let ordered =
            file.practices.filter { $0.translationOf == nil } + file.practices.filter { $0.translationOf != nil }
        for item in ordered {
            guard let cityID = cityIDs[item.city] else { continue }
            var originalID: Int?
            if let original = item.translationOf {
                guard let originalPractice = practices[original] else { continue }
                originalID = try originalPractice.requireID()
            }
            let practice = try await PracticeEdits.create(
                input(item), cityID: cityID, translationOf: originalID, context: context)
            if let published = try item.publishedAt.map(day) {
                try await PracticeEdits.setPublished(practice, true, context: context)
                practice.publishedAt = published
                try await practice.update(on: db)
                try await PracticeSearch.update(practice, on: db)
            }
            practices[item.key] = practice
        }
        for item in file.reviews {
            guard let practice = practices[item.practice],
                let network = try await Network.query(on: db).filter(\.$slug == item.network).first()
            else { continue }
            let review = try await ReviewEdits.review(
                practice, networkID: try network.requireID(),
                input: .init(
                    readableAlone: item.readableAlone, evidenceGiven: item.evidenceGiven, comment: item.comment),
                context: context)
            review.reviewedAt = try day(item.date)
            review.reviewerName = "\(network.name) (example)"
            try await review.update(on: db)
        }
        for item in file.transfers {
            guard let practice = practices[item.practice], let cityID = cityIDs[item.city],
                let first = item.steps.first
            else { continue }
            let transfer = try await TransferEdits.declare(
                practice, cityID: cityID, step: .init(stage: first.stage, date: first.date, notes: first.notes),
                context: context)
            for step in item.steps.dropFirst() {
                try await TransferEdits.advance(
                    transfer, step: .init(stage: step.stage, date: step.date, notes: step.notes), context: context)
            }
            try await TransferEdits.setEvidence(transfer, item.evidence, context: context)
        }
        return practices.count
    }

    private static func input(_ item: Item) -> PracticeInput {
        var input = PracticeInput()
        input.language = .set(item.language)
        input.title = .set(item.title)
        input.summary = .set(item.summary)
        input.problem = .set(item.problem)
        input.method = .set(item.method)
        input.staff = .set(item.knowHow.staff)
        input.budgetBand = .set(item.knowHow.budgetBand)
        input.partners = .set(item.knowHow.partners)
        input.legalInstruments = .set(item.knowHow.legalInstruments)
        input.pitfalls = .set(item.knowHow.pitfalls)
        input.resources = .set(item.resources)
        input.evidence = .set(item.evidence)
        input.stage = .set(item.stage)
        input.themes = .set(item.themes)
        input.links = .set(item.links)
        input.contactName = .set(item.contact?.name)
        input.contactRole = .set(item.contact?.role)
        input.contactEmail = .set(item.contact?.email)
        return input
    }

    private static func day(_ text: String) throws -> Date {
        guard let date = DateText.parseDay(text) else {
            throw ConfigurationError("Resources/Demo/practices.json: '\(text)' is not a day written YYYY-MM-DD")
        }
        return date
    }
}
