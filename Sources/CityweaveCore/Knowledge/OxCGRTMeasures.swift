import Foundation

/// A measure a city took, as a tracker recorded it.
public struct TrackedMeasureRecord: Sendable, Equatable {
    /// The file's line, for messages.
    public var line: Int
    public var cityName: String
    /// The tracker's own code for the city ("BR_3550308").
    public var cityCode: String
    /// The state or province ("Sao Paulo").
    public var regionName: String
    /// ISO 3166-1 alpha-3 ("BRA").
    public var countryCode: String
    /// "2020-03-16"
    public var date: String
    public var category: MeasureCategory
    /// The tracker's ordinal score (0 = no measure); nil when it recorded none.
    public var score: Double?
    /// True when the measure applied to part of the city only (OxCGRT flag 0).
    public var targeted: Bool?
    public var note: String
    /// The first web address in the note.
    public var sourceURL: String?
}

/// Reads the city rows of an OxCGRT subnational file (such as the Brazil
/// file, with national, state and city rows, one per place and day) as
/// tracked measures. The file scores every category every day; a measure is
/// what changed: a day whose score differs from the day before, or that
/// carries a note. The state rows are left out.
public enum OxCGRTMeasures {
    static let stateCode = "STATE_GOV"

    public static func read(_ table: CSVTable, summary: inout ImportSummary) throws(CSVTable.ReadError)
        -> [TrackedMeasureRecord]
    {
        let country = try table.column("CountryCode")
        let region = try table.column("RegionName")
        let cityName = try table.column("CityName")
        let cityCode = try table.column("CityCode")
        let dateColumn = try table.column("Date")
        let categories = categoryColumns(table.header)
        guard !categories.isEmpty else {
            throw .missingColumn("C1_School closing (or any other measure column)", available: table.header)
        }

        struct Observation {
            var row: CSVTable.Row
            var date: String
        }
        var observations: [String: [Observation]] = [:]
        var cityOrder: [String] = []
        for row in table.rows {
            summary.rowsRead += 1
            let code = row.fields[cityCode].trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty, code != stateCode else {
                summary.ignored["state and national rows", default: 0] += 1
                continue
            }
            guard let date = isoDate(row.fields[dateColumn]) else {
                summary.skip(line: row.line, "Date '\(row.fields[dateColumn])' is not a date written YYYYMMDD")
                continue
            }
            if observations[code] == nil { cityOrder.append(code) }
            observations[code, default: []].append(Observation(row: row, date: date))
        }

        var records: [TrackedMeasureRecord] = []
        for code in cityOrder {
            let days = observations[code]!.sorted { $0.date < $1.date }
            for category in categories {
                var previous: Double?
                for day in days {
                    let fields = day.row.fields
                    let text = fields[category.score].trimmingCharacters(in: .whitespaces)
                    var score: Double?
                    if !text.isEmpty {
                        if let value = Double(text), value >= 0 {
                            score = value
                        } else {
                            // The day's note, if any, is still kept.
                            summary.skip(
                                line: day.row.line,
                                "\(table.header[category.score]) '\(text)' is not a score (a number from 0)")
                        }
                    }
                    let note = category.notes.map { fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
                    // An amount (E3, E4, H4, H5: money announced that day) is a measure
                    // whenever it is not zero; a score, when it differs from the day before.
                    let changed =
                        category.category.isAmount
                        ? (score ?? 0) > 0 : score.map { $0 != (previous ?? 0) } ?? false
                    if let score { previous = score }
                    guard changed || !note.isEmpty else { continue }
                    let flag = category.flag.map { fields[$0].trimmingCharacters(in: .whitespaces) }
                    records.append(
                        TrackedMeasureRecord(
                            line: day.row.line, cityName: fields[cityName], cityCode: code,
                            regionName: fields[region], countryCode: fields[country], date: day.date,
                            category: category.category, score: score,
                            targeted: flag == "0" ? true : flag == "1" ? false : nil, note: note,
                            sourceURL: firstURL(in: note)))
                }
            }
        }
        return records
    }

    struct CategoryColumns {
        var category: MeasureCategory
        var score: Int
        var flag: Int?
        var notes: Int?
    }

    /// "C1_School closing" with its "C1_Flag" and "C1_Notes".
    static func categoryColumns(_ header: [String]) -> [CategoryColumns] {
        var columns: [CategoryColumns] = []
        for (index, name) in header.enumerated() {
            guard let underscore = name.firstIndex(of: "_") else { continue }
            let code = String(name[..<underscore])
            let rest = String(name[name.index(after: underscore)...])
            guard code.count >= 2, let letter = code.first, "CEHM".contains(letter),
                code.dropFirst().allSatisfy(\.isNumber), rest != "Flag", rest != "Notes"
            else { continue }
            columns.append(
                CategoryColumns(
                    category: MeasureCategory(code: code, name: rest), score: index,
                    flag: header.firstIndex(of: code + "_Flag"), notes: header.firstIndex(of: code + "_Notes")))
        }
        return columns
    }

    /// "20200316" → "2020-03-16", checked to be a real day.
    static func isoDate(_ text: String) -> String? {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard digits.count == 8, digits.allSatisfy(\.isASCII), let number = Int(digits) else { return nil }
        let year = number / 10000
        let month = number / 100 % 100
        let day = number % 100
        var components = DateComponents(calendar: Calendar(identifier: .gregorian), year: year, month: month, day: day)
        components.timeZone = TimeZone(identifier: "UTC")
        guard (1900...2100).contains(year), components.isValidDate else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The first http(s) address in a note, without trailing punctuation.
    static func firstURL(in note: String) -> String? {
        guard let start = note.range(of: "https://") ?? note.range(of: "http://") else { return nil }
        let address = note[start.lowerBound...].prefix { !$0.isWhitespace && $0 != "\"" && $0 != "<" }
        let trimmed = address.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:)]"))
        return trimmed.hasSuffix("//") ? nil : trimmed
    }
}
