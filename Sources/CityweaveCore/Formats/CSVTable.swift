import CSV
import Foundation

/// A CSV file read whole, with its header and the line of each row, so that
/// every problem can be named by line.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// The line of the file where the row starts (the header is line 1).
        public var line: Int
        public var fields: [String]
    }

    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case empty
        case missingColumn(String, available: [String])
        case wrongFieldCount(line: Int, expected: Int, found: Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .empty: "the file is empty"
            case .missingColumn(let name, let available):
                "there is no column '\(name)'; the columns are: \(available.joined(separator: ", "))"
            case .wrongFieldCount(let line, let expected, let found):
                "line \(line): expected \(expected) fields, found \(found) (a stray quote or comma?)"
            case .unreadable(let reason): "the file cannot be read as CSV: \(reason)"
            }
        }
    }

    public var header: [String]
    public var rows: [Row]

    public init(text: String) throws(ReadError) {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw .unreadable("\(error)")
        }
        guard let header = reader.headerRow, header.contains(where: { !$0.isEmpty }) else { throw .empty }
        self.header = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [Row] = []
        var line = 2
        while let fields = reader.next() {
            if fields.count == 1, fields[0].isEmpty {
                line += 1
                continue
            }
            guard fields.count == header.count else {
                throw .wrongFieldCount(line: line, expected: header.count, found: fields.count)
            }
            rows.append(Row(line: line, fields: fields))
            // A quoted field may span lines: count them so line numbers stay true.
            line += 1 + fields.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
        }
        if let error = reader.error { throw .unreadable("\(error)") }
        self.rows = rows
    }

    /// The position of a column, found by name without regard to case or surrounding spaces.
    public func column(_ name: String) throws(ReadError) -> Int {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let index = header.firstIndex(where: { $0.lowercased() == wanted }) else {
            throw .missingColumn(name, available: header)
        }
        return index
    }

    /// Like ``column(_:)`` for a column the user may leave out.
    public func optionalColumn(_ name: String?) throws(ReadError) -> Int? {
        guard let name else { return nil }
        return try column(name)
    }
}
