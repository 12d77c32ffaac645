/// One option of a select or a set of checkboxes on a form.
struct FormChoice: Encodable {
    var value: String
    var label: String
    var selected: Bool
}
