import CityweaveShared
import Vapor

/// One of a record's page actions (a form posted from the page of a statement, a survey or an event): done, it goes back
/// to the page with its notice; refused for a reason the person can mend, it shows the page again with the
/// reason, read afresh, answered with the refusal's status.
package enum PageAction {
    package static func run<Record, Notice: PageNotice>(
        _ request: Request, load: (Int) async throws -> Record, page: (Int) -> String,
        render: (Record, String) async throws -> View, _ action: (Record) async throws -> Notice
    ) async throws -> Response {
        let id = try request.integerParameter("id")
        let record = try await load(id)
        do {
            return request.redirect(to: page(id), showing: try await action(record))
        } catch let problem as AbortError where problem.isMendableInTheForm {
            return try await render(try await load(id), request.text(error: problem))
                .encodeResponse(status: problem.status, for: request)
        }
    }
}
