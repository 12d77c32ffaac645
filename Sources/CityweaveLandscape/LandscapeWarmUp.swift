import CityweaveAccounts
import CityweaveDirectory
import CityweaveShared
import Vapor

/// Computes this year's landscape in the background once the server has started, so that the first
/// visitor of `/landscape` or of a city page does not wait for it.
package struct LandscapeWarmUp: LifecycleHandler {
    package func didBootAsync(_ application: Application) async throws {
        guard application.cityweave.prepareDatabaseOnBoot,
            CityweaveConfiguration.serves(arguments: application.environment.arguments)
        else { return }
        Task {
            do {
                _ = try await application.landscapeDirectory.analysis(
                    year: DirectoryEdits.thisYear, on: application.db, threadPool: application.threadPool)
            } catch {
                application.logger.warning("This year's landscape was not computed ahead: \(error)")
            }
        }
    }
}
