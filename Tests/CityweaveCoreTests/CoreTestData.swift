import Foundation

/// Where the real files of `../shared/data` are, when the folder is there.
enum CoreTestData {
    static let sharedData =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data").path + "/"
}
