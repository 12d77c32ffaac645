import Foundation

/// A progress bar on standard error for long work on the command line. On a
/// terminal it redraws one line; elsewhere (CI logs) it prints every tenth.
package final class ProgressReporter: @unchecked Sendable {
    private let title: String
    private let total: Int
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDrawn = -1
    private let lock = NSLock()

    package init(title: String, total: Int) {
        self.title = title
        self.total = max(total, 1)
    }

    package func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = min(100, done * 100 / total)
        let step = isTerminal ? percent : percent / 10 * 10
        guard step != lastDrawn else { return }
        lastDrawn = step
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\(title) [\(bar)] \(percent)% \(done)/\(total)"
        FileHandle.standardError.write(Data(((isTerminal ? "\r" : "") + line + (isTerminal ? "" : "\n")).utf8))
    }

    package func finish() {
        update(total)
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
