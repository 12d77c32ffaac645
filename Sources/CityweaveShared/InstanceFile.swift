import Foundation
import Vapor

/// The instance files the algorithm commands read (`cityweave aid solve`,
/// `cityweave landscape compute`): JSON a script wrote, read whole.
package enum InstanceFile {
    /// `body` applied to the file at `path` (the `--instance` option); a missing option, an unreadable
    /// file or JSON that is not `kind` is an error that says so.
    package static func read<Result>(_ path: String?, kind: String, _ body: (Data) throws -> Result) throws -> Result {
        guard let path else { throw ConfigurationError("--instance is required: the \(kind) file") }
        let data = Data(try ImportCommandRunner.readFile(path).utf8)
        do {
            return try body(data)
        } catch let error as DecodingError {
            throw ConfigurationError("'\(path)' is not a \(kind): \(error)")
        }
    }
}
