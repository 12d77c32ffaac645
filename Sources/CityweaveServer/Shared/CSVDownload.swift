import Vapor

extension Response {
    /// A CSV file the browser saves under `name`.
    static func csvDownload(_ csv: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [
                "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"\(name)\"",
            ], body: .init(string: csv))
    }
}
