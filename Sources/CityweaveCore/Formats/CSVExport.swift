import CSV
import Foundation

/// Tables written as CSV for spreadsheets: quoted where needed (by CSV.swift),
/// and with cells that a spreadsheet would run as a formula made inert.
public enum CSVExport {
    public static func text(header: [String], rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row.map(inert)) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// A cell starting with `=`, `+`, `-`, `@` or a control character is a
    /// formula to a spreadsheet (OWASP's "CSV injection"); a leading
    /// apostrophe makes it text. Plain negative numbers stay numbers.
    static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        if first == "-", Double(cell) != nil { return cell }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + cell : cell
    }
}
