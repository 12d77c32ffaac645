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

    /// Loads the file's records; returns how many practices were created.
    package static func load(_ file: File, on db: any Database) async throws -> Int {
        let geonameids = Set(file.practices.map(\.city) + file.transfers.map(\.city))
        let cities = try await City.query(on: db).filter(\.$geonameid ~~ geonameids).all()
        let cityIDs = Dictionary(cities.map { ($0.geonameid!, $0.id!) }, uniquingKeysWith: { first, _ in first })
        var practiceIDs: [String: Practice] = [:]
        // Originals first, so that translations find them.
        let ordered =
            file.practices.filter { $0.translationOf == nil } + file.practices.filter { $0.translationOf != nil }
        for item in ordered {
            guard let cityID = cityIDs[item.city] else { continue }
            let practice = Practice()
            practice.$city.id = cityID
            practice.isExample = true
            try input(item).apply(to: practice)
            if let original = item.translationOf {
                guard let originalPractice = practiceIDs[original] else { continue }
                practice.$original.id = originalPractice.id
            }
            practice.publishedAt = try item.publishedAt.map(day)
            try await practice.create(on: db)
            try await PracticeSearch.update(practice, on: db)
            practiceIDs[item.key] = practice
        }
        for item in file.reviews {
            guard let practice = practiceIDs[item.practice],
                let network = try await Network.query(on: db).filter(\.$slug == item.network).first()
            else { continue }
            let review = PracticeReview()
            review.$practice.id = practice.id!
            review.$network.id = network.id!
            review.reviewedAt = try day(item.date)
            review.missingSections = ReviewEdits.missingSections(of: practice)
            review.readableAlone = item.readableAlone
            review.evidenceGiven = item.evidenceGiven
            review.comment = item.comment
            review.reviewerName = "\(network.name) (example)"
            try await review.create(on: db)
        }
        for item in file.transfers {
            guard let practice = practiceIDs[item.practice], let cityID = cityIDs[item.city],
                let last = item.steps.last
            else { continue }
            let transfer = PracticeTransfer()
            transfer.$practice.id = practice.id!
            transfer.$city.id = cityID
            transfer.stage = try FieldChoice.parse(TransferStage.self, last.stage, field: "stage")
            transfer.countsAsEvidence = item.evidence
            transfer.isExample = true
            try await transfer.create(on: db)
            for step in item.steps {
                let row = TransferStep()
                row.$transfer.id = transfer.id!
                row.stage = try FieldChoice.parse(TransferStage.self, step.stage, field: "stage")
                row.date = step.date
                row.notes = step.notes
                try await row.create(on: db)
            }
        }
        return practiceIDs.count
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
