import Foundation

/// Messages are kept in the database (an allocation's reasons), so their form there is written out
/// rather than derived from the Swift declaration: a value is an object with one member named for its
/// kind (`{"count": 5}`, `{"fixed": 4.5, "digits": 1}`), which stays readable when cases are renamed
/// or added.
extension Message.Value {
    private enum Kind: String, CodingKey, CaseIterable {
        case text, count, decimal, fixed, digits, percent, ordinal, year, day, message, list, alternatives
        case lowercased, series
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        guard let kind = Kind.allCases.first(where: { $0 != .digits && container.contains($0) }) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a message value names no kind"))
        }
        switch kind {
        case .text: self = .text(try container.decode(String.self, forKey: kind))
        case .count: self = .count(try container.decode(Int.self, forKey: kind))
        case .decimal: self = .decimal(try container.decode(Double.self, forKey: kind))
        case .fixed:
            self = .fixed(
                try container.decode(Double.self, forKey: kind), digits: try container.decode(Int.self, forKey: .digits)
            )
        case .percent: self = .percent(try container.decode(Double.self, forKey: kind))
        case .ordinal: self = .ordinal(try container.decode(Int.self, forKey: kind))
        case .year: self = .year(try container.decode(Int.self, forKey: kind))
        case .day: self = .day(Date(timeIntervalSince1970: try container.decode(Double.self, forKey: kind)))
        case .message: self = .message(try container.decode(Message.self, forKey: kind))
        case .list: self = .list(try container.decode([Message].self, forKey: kind))
        case .alternatives: self = .alternatives(try container.decode([Message].self, forKey: kind))
        case .lowercased: self = .lowercased(try container.decode(Message.self, forKey: kind))
        case .series: self = .series(try container.decode([Message].self, forKey: kind))
        case .digits: preconditionFailure("digits belong to a fixed value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Kind.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .count(let count): try container.encode(count, forKey: .count)
        case .decimal(let number): try container.encode(number, forKey: .decimal)
        case .fixed(let number, let digits):
            try container.encode(number, forKey: .fixed)
            try container.encode(digits, forKey: .digits)
        case .percent(let share): try container.encode(share, forKey: .percent)
        case .ordinal(let place): try container.encode(place, forKey: .ordinal)
        case .year(let year): try container.encode(year, forKey: .year)
        case .day(let date): try container.encode(date.timeIntervalSince1970, forKey: .day)
        case .message(let message): try container.encode(message, forKey: .message)
        case .list(let items): try container.encode(items, forKey: .list)
        case .alternatives(let items): try container.encode(items, forKey: .alternatives)
        case .lowercased(let message): try container.encode(message, forKey: .lowercased)
        case .series(let items): try container.encode(items, forKey: .series)
        }
    }
}
