import Vapor

extension AbortError {
    /// Whether the person who sent a form can mend this refusal by changing
    /// what they typed (a value out of range, a record that already exists):
    /// the page shows the form again with the reason, answered with this
    /// status, rather than an error page. Other refusals (not found,
    /// forbidden, busy) are error pages.
    package var isMendableInTheForm: Bool {
        [.badRequest, .conflict, .unprocessableEntity].contains(status)
    }
}
