import Vapor

extension Response {
    /// A file the browser saves under `name`.
    package static func download(_ text: String, name: String, contentType: String) -> Response {
        Response(
            status: .ok,
            headers: ["Content-Type": contentType, "Content-Disposition": "attachment; filename=\"\(name)\""],
            body: .init(string: text))
    }

    /// A CSV file the browser saves under `name`.
    package static func csvDownload(_ csv: String, name: String) -> Response {
        download(csv, name: name, contentType: "text/csv; charset=utf-8")
    }
}
