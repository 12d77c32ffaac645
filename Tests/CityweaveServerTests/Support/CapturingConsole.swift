import ConsoleKit
import Foundation
import NIOConcurrencyHelpers

/// A console that keeps what a command prints, for tests of commands.
final class CapturingConsole: Console {
    private let lines = NIOLockedValueBox<[String]>([""])
    private let info = NIOLockedValueBox<[AnySendableHashable: any Sendable]>([:])

    var printed: String { lines.withLockedValue { $0.joined(separator: "\n") } }

    var size: (width: Int, height: Int) { (120, 40) }

    var userInfo: [AnySendableHashable: any Sendable] {
        get { info.withLockedValue { $0 } }
        set { info.withLockedValue { $0 = newValue } }
    }

    func input(isSecure: Bool) -> String { "" }

    func output(_ text: ConsoleText, newLine: Bool) {
        lines.withLockedValue { lines in
            lines[lines.count - 1] += text.description
            if newLine { lines.append("") }
        }
    }

    func clear(_ type: ConsoleClear) {}

    func report(error: String, newLine: Bool) {
        output(ConsoleText(stringLiteral: error), newLine: newLine)
    }
}
