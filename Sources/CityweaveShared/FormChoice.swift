/// One option of a select or a set of checkboxes on a form.
package struct FormChoice: Encodable {
    package var value: String
    package var label: String
    package var selected: Bool

    package init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
