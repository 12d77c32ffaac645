import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Loads the city rows of an OxCGRT file as tracked measures: each city is
/// matched to the directory by name, country and state; measures already
/// loaded from the same tracker are updated, not repeated. One transaction:
/// a file that fails changes nothing.
package enum MeasureImport {
    package static let tracker = "OxCGRT"

    package static func run(text: String, on database: any Database, referenceFolder: String, showsProgress: Bool)
        async throws -> ImportSummary
    {
        var summary = ImportSummary()
        let table: CSVTable
        let records: [TrackedMeasureRecord]
        do {
            table = try CSVTable(text: text)
            records = try OxCGRTMeasures.read(table, summary: &summary)
        } catch {
            throw ImportError.unusableFile("\(error)")
        }
        let matching = try await CityMatching.load(on: database, referenceFolder: referenceFolder)
        var cityIDs: [String: Int] = [:]
        var unmatched: Set<String> = []
        for record in records where cityIDs[record.cityCode] == nil && !unmatched.contains(record.cityCode) {
            let country = matching.countries.resolve(record.countryCode)
            // The directory knows state names only for the United States, and the
            // tracker's state codes are not GeoNames'; without a state or
            // coordinates the most populous namesake in the country is taken,
            // which for the state capitals the tracker covers is the capital.
            let reference = CityReference(name: record.cityName, countryCode: country)
            if let id = matching.matcher.match(reference).id {
                cityIDs[record.cityCode] = id
            } else {
                unmatched.insert(record.cityCode)
                summary.unmatched(
                    line: record.line,
                    "city '\(record.cityName)' (\(record.regionName), \(record.countryCode)) is not in the directory")
            }
        }

        let loaded = records.filter { cityIDs[$0.cityCode] != nil }
        let progress = showsProgress ? ProgressReporter(title: "Loading measures", total: loaded.count) : nil
        let matched = cityIDs
        summary = try await database.transaction { [summary] db -> ImportSummary in
            var summary = summary
            let existing = try await TrackedMeasure.query(on: db).filter(\.$tracker == tracker).all()
            var byKey = Dictionary(
                existing.map { ("\($0.trackerPlaceCode)|\($0.date)|\($0.categoryCode)", $0) },
                uniquingKeysWith: { first, _ in first })
            for (index, record) in loaded.enumerated() {
                let key = "\(record.cityCode)|\(record.date)|\(record.category.code)"
                let measure = byKey[key] ?? TrackedMeasure()
                let isNew = measure.id == nil
                let before = isNew ? nil : Values(measure)
                measure.$city.id = matched[record.cityCode]!
                measure.date = record.date
                measure.categoryCode = record.category.code
                measure.categoryName = record.category.name
                measure.score = record.score
                measure.targeted = record.targeted
                measure.note = record.note
                measure.sourceURL = record.sourceURL
                measure.tracker = tracker
                measure.trackerPlaceCode = record.cityCode
                if isNew {
                    try await measure.create(on: db)
                    byKey[key] = measure
                    summary.created += 1
                } else if before != Values(measure) {
                    try await measure.update(on: db)
                    summary.updated += 1
                } else {
                    summary.unchanged += 1
                }
                progress?.update(index + 1)
            }
            return summary
        }
        progress?.finish()
        return summary
    }

    /// The fields an import may change, to tell an update from a repeat.
    private struct Values: Equatable {
        var cityID: Int
        var name: String
        var score: Double?
        var targeted: Bool?
        var note: String
        var sourceURL: String?

        init(_ measure: TrackedMeasure) {
            cityID = measure.$city.id
            name = measure.categoryName
            score = measure.score
            targeted = measure.targeted
            note = measure.note
            sourceURL = measure.sourceURL
        }
    }
}

/// `cityweave import oxcgrt FILE`.
package struct ImportOxCGRTCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Argument(name: "file", help: "An OxCGRT subnational CSV file with CityName and CityCode columns")
        package var file: String
        @Option(name: "report", help: "Write every unmatched or skipped row to this CSV file")
        package var report: String?

        package init() {}
    }

    package var help = "Load the measures cities took from an OxCGRT file (city rows only)"

    package func run(using context: CommandContext, signature: Signature) async throws {
        let text = try ImportCommandRunner.readFile(signature.file)
        let referenceFolder = ImportCommandRunner.referenceFolder(context.application)
        let summary = try await ImportCommandRunner.audited(
            "measures", from: signature.file, on: context.application.db
        ) {
            database in
            try await MeasureImport.run(
                text: text, on: database, referenceFolder: referenceFolder, showsProgress: true)
        }
        try ImportCommandRunner.finish(summary, report: signature.report, context: context)
    }
}
