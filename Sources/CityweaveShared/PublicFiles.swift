import Vapor

/// Serves the files of `Public/`. A path that no file system could hold (a
/// name over 255 bytes, a path over 1,024) is no file of ours: it goes on to
/// the routes, and so to a 404, instead of to the file system, whose
/// "name too long" would be a 500 naming the server's folders.
package struct PublicFiles: Middleware {
    package static let longestPath = 1024
    package static let longestName = 255

    package let files: FileMiddleware

    package init(files: FileMiddleware) {
        self.files = files
    }

    package func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let path = request.url.path
        guard path.utf8.count <= Self.longestPath,
            !path.split(separator: "/").contains(where: { $0.utf8.count > Self.longestName })
        else { return next.respond(to: request) }
        return files.respond(to: request, chainingTo: next)
    }
}
