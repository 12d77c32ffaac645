import CityweaveAccounts
import CityweaveCore
import CityweaveShared
import Fluent
import Vapor

package struct ImportGeoNamesCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Argument(name: "file", help: "A GeoNames citiesNNN.txt (or allCountries.txt) file, tab-separated")
        package var file: String
        @Option(name: "report", help: "Write every skipped line to this CSV file")
        package var report: String?

        package init() {}
    }

    package var help = "Load GeoNames cities; new ones are created, changed ones updated"

    package func run(using context: CommandContext, signature: Signature) async throws {
        let text = try ImportCommandRunner.readFile(signature.file)
        var parsed = ImportSummary()
        let cities = try GeoNamesImport.parse(text: text, summary: &parsed)
        let progress = ProgressReporter(title: "Loading cities", total: cities.count)
        let summary = try await ImportCommandRunner.audited("cities", from: signature.file, on: context.application.db)
        {
            [parsed] database in
            var summary = parsed
            try await GeoNamesImport.load(cities, on: database, summary: &summary, progress: progress)
            return summary
        }
        progress.finish()
        try ImportCommandRunner.finish(summary, report: signature.report, context: context)
    }
}

package struct ImportPartnershipsCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CSV file of city pairs")
        package var file: String
        @Flag(
            name: "create-missing", help: "Add cities that match nothing as unverified cities at the file's coordinates"
        )
        package var createMissing: Bool
        @Option(name: "kind", help: "sister_city (default), friendship, mou or economic_partnership")
        package var kind: String?
        @Option(name: "source", help: "Where the pairs come from (default: the file's name)")
        package var source: String?
        @Option(name: "report", help: "Write every unmatched or skipped row to this CSV file")
        package var report: String?
        @Option(name: "city1-column", help: "Default: city1") package var city1: String?
        @Option(name: "country1-column", help: "Default: country1") package var country1: String?
        @Option(name: "lat1-column", help: "Default: lat1") package var latitude1: String?
        @Option(name: "lng1-column", help: "Default: lng1") package var longitude1: String?
        @Option(name: "city2-column", help: "Default: city2") package var city2: String?
        @Option(name: "country2-column", help: "Default: country2") package var country2: String?
        @Option(name: "lat2-column", help: "Default: lat2") package var latitude2: String?
        @Option(name: "lng2-column", help: "Default: lng2") package var longitude2: String?
        @Option(name: "kind-column", help: "A column with each pair's kind") package var kindColumn: String?
        @Option(name: "since-column", help: "A column with the year each tie began") package var sinceColumn: String?

        package init() {}
    }

    package var help = "Load partnerships from a CSV of city pairs, matching cities by name, country and coordinates"

    package func run(using context: CommandContext, signature: Signature) async throws {
        let text = try ImportCommandRunner.readFile(signature.file)
        var importer = PartnershipImport(
            source: signature.source ?? URL(fileURLWithPath: signature.file).lastPathComponent,
            createMissing: signature.createMissing)
        if let kind = signature.kind {
            guard let chosen = PartnershipKind(rawValue: kind) else {
                throw ImportError.unusableFile(
                    "--kind must be one of \(PartnershipKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            importer.defaultKind = chosen
        }
        var columns = PartnershipImport.Columns()
        columns.city1 = signature.city1 ?? columns.city1
        columns.country1 = signature.country1 ?? columns.country1
        columns.latitude1 = signature.latitude1 ?? columns.latitude1
        columns.longitude1 = signature.longitude1 ?? columns.longitude1
        columns.city2 = signature.city2 ?? columns.city2
        columns.country2 = signature.country2 ?? columns.country2
        columns.latitude2 = signature.latitude2 ?? columns.latitude2
        columns.longitude2 = signature.longitude2 ?? columns.longitude2
        columns.kind = signature.kindColumn
        columns.since = signature.sinceColumn
        importer.columns = columns
        let progress = ProgressReporter(title: "Matching pairs", total: ImportCommandRunner.lineCount(text) - 1)
        let referenceFolder = ImportCommandRunner.referenceFolder(context.application)
        let summary = try await ImportCommandRunner.audited(
            "partnerships", from: signature.file, on: context.application.db
        ) { [importer] database in
            try await importer.run(text: text, on: database, referenceFolder: referenceFolder, progress: progress)
        }
        try ImportCommandRunner.finish(summary, report: signature.report, context: context)
    }
}

package struct ImportMembershipsCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Option(name: "network", help: "The network's slug, such as c40 (required)")
        package var network: String?
        @Argument(name: "file", help: "A CSV file of member cities")
        package var file: String
        @Flag(
            name: "create-missing", help: "Add cities that match nothing as unverified cities at the file's coordinates"
        )
        package var createMissing: Bool
        @Option(name: "where", help: "Load only rows where COLUMN=VALUE, such as C40=C40")
        package var filter: String?
        @Option(name: "source", help: "Where the memberships come from (default: the file's name)")
        package var source: String?
        @Option(name: "report", help: "Write every unmatched or skipped row to this CSV file")
        package var report: String?
        @Option(name: "city-column", help: "Default: city") package var city: String?
        @Option(name: "country-column", help: "Country name or ISO code. Default: country") package var country: String?
        @Option(name: "state-column", help: "State or province, to tell namesakes apart") package var state: String?
        @Option(name: "geonameid-column", help: "GeoNames id, used before the name when present") package var geonameid:
            String?
        @Option(name: "latitude-column", help: "Latitude in degrees") package var latitude: String?
        @Option(name: "longitude-column", help: "Longitude in degrees") package var longitude: String?
        @Option(name: "location-column", help: "One column holding \"(latitude, longitude)\"") package var location:
            String?
        @Option(name: "since-column", help: "The year the city joined") package var since: String?
        @Option(name: "until-column", help: "The last year of the membership") package var until: String?
        @Option(name: "role-column", help: "The kind of membership (default: member)") package var role: String?
        @Option(
            name: "entity-column",
            help: "A note naming members that are not cities (\"entity type: Region (not a city); seat: Graz\")")
        package var entity: String?
        @Flag(
            name: "member-list",
            help:
                "The file is a Cityweave member list: member_since, member_until, role and source_note columns")
        package var memberList: Bool

        package init() {}
    }

    package var help =
        "Load the members of one network from a CSV file; regions and unplaced cities are kept apart on its page"

    package func run(using context: CommandContext, signature: Signature) async throws {
        guard let network = signature.network, !network.isEmpty else {
            throw ImportError.unusableFile("--network SLUG is required (such as --network c40)")
        }
        let text = try ImportCommandRunner.readFile(signature.file)
        var filter: MembershipImport.RowFilter?
        if let text = signature.filter {
            guard let parsed = MembershipImport.RowFilter(text) else {
                throw ImportError.unusableFile("--where must be COLUMN=VALUE; got '\(text)'")
            }
            filter = parsed
        }
        var columns = signature.memberList ? MembershipImport.Columns.memberList : MembershipImport.Columns()
        columns.city = signature.city ?? columns.city
        columns.country = signature.country ?? columns.country
        columns.state = signature.state
        columns.geonameid = signature.geonameid
        columns.latitude = signature.latitude
        columns.longitude = signature.longitude
        columns.location = signature.location
        columns.since = signature.since ?? columns.since
        columns.until = signature.until ?? columns.until
        columns.role = signature.role ?? columns.role
        columns.entity = signature.entity ?? columns.entity
        let importer = MembershipImport(
            networkSlug: network, columns: columns, filter: filter,
            source: signature.source ?? URL(fileURLWithPath: signature.file).lastPathComponent,
            createMissing: signature.createMissing)
        let progress = ProgressReporter(title: "Matching members", total: ImportCommandRunner.lineCount(text) - 1)
        let referenceFolder = ImportCommandRunner.referenceFolder(context.application)
        let summary = try await ImportCommandRunner.audited(
            "memberships", from: signature.file, on: context.application.db
        ) { database in
            try await importer.run(text: text, on: database, referenceFolder: referenceFolder, progress: progress)
        }
        try ImportCommandRunner.finish(summary, report: signature.report, context: context)
    }
}
