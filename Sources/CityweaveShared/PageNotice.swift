import CityweaveCore
import Vapor

/// What a page says after a change it redirected to (`?notice=saved`). The
/// address names a case, never the text, so that no link can put words on a
/// page; each page declares its notices as an enum, so that they can be
/// listed, tested and translated.
package protocol PageNotice: RawRepresentable<String>, CaseIterable, Sendable {
    /// What the page shows, worded in the reader's language.
    var message: Message { get }
}

extension Request {
    /// The text of the notice this address names, if it is one of `Notice`'s cases.
    package func notice<Notice: PageNotice>(_ type: Notice.Type) -> String? {
        query[String.self, at: "notice"].flatMap(Notice.init(rawValue:)).map { text($0.message) }
    }

    /// A redirect (303) to `path` that shows `notice` there, scrolled to `fragment` if given.
    package func redirect(to path: String, showing notice: some PageNotice, at fragment: String? = nil) -> Response {
        redirect(to: "\(path)?notice=\(notice.rawValue)" + (fragment.map { "#\($0)" } ?? ""), redirectType: .normal)
    }
}
