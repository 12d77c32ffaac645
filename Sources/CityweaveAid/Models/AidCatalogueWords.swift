import CityweaveCore

extension AidResource {
    /// The name as pages show it: for a resource of the catalogue Cityweave installs, its name there, worded
    /// from the catalogues; a resource an administrator added (or renamed) is shown as its name is written.
    package var label: Message {
        let installed: Message? =
            switch code {
            case "ffp2-masks": Message("aid.resource-name.ffp2-masks", "FFP2 / N95 respirator masks")
            case "surgical-masks": Message("aid.resource-name.surgical-masks", "Surgical masks")
            case "gloves": Message("aid.resource-name.gloves", "Examination gloves")
            case "gowns": Message("aid.resource-name.gowns", "Isolation gowns")
            case "face-shields": Message("aid.resource-name.face-shields", "Face shields")
            case "hand-sanitiser": Message("aid.resource-name.hand-sanitiser", "Hand sanitiser")
            case "pcr-test-kits": Message("aid.resource-name.pcr-test-kits", "PCR test kits")
            case "rapid-antigen-tests": Message("aid.resource-name.rapid-antigen-tests", "Rapid antigen tests")
            case "ventilators": Message("aid.resource-name.ventilators", "Ventilators")
            case "oxygen-concentrators": Message("aid.resource-name.oxygen-concentrators", "Oxygen concentrators")
            case "pulse-oximeters": Message("aid.resource-name.pulse-oximeters", "Pulse oximeters")
            case "field-hospital-beds": Message("aid.resource-name.field-hospital-beds", "Field hospital beds")
            case "vaccine-doses": Message("aid.resource-name.vaccine-doses", "Vaccine doses")
            case "food-parcels": Message("aid.resource-name.food-parcels", "Food parcels")
            case "expert-epidemiology": Message("aid.resource-name.expert-epidemiology", "Expert hours: epidemiology")
            case "expert-intensive-care":
                Message("aid.resource-name.expert-intensive-care", "Expert hours: intensive care")
            case "expert-crisis-communication":
                Message("aid.resource-name.expert-crisis-communication", "Expert hours: crisis communication")
            case "expert-logistics": Message("aid.resource-name.expert-logistics", "Expert hours: emergency logistics")
            case "drinking-water": Message("aid.resource-name.drinking-water", "Bottled drinking water")
            case "water-purification-tablets":
                Message("aid.resource-name.water-purification-tablets", "Water purification tablets")
            case "water-treatment-units":
                Message("aid.resource-name.water-treatment-units", "Mobile water treatment units")
            case "water-tanks": Message("aid.resource-name.water-tanks", "Collapsible water tanks")
            case "hygiene-kits": Message("aid.resource-name.hygiene-kits", "Family hygiene kits")
            case "dewatering-pumps": Message("aid.resource-name.dewatering-pumps", "Dewatering pumps")
            case "family-tents": Message("aid.resource-name.family-tents", "Family tents")
            case "tarpaulins": Message("aid.resource-name.tarpaulins", "Plastic tarpaulins")
            case "blankets": Message("aid.resource-name.blankets", "Blankets")
            case "sleeping-mats": Message("aid.resource-name.sleeping-mats", "Sleeping mats")
            case "field-kitchens": Message("aid.resource-name.field-kitchens", "Field kitchens")
            case "ready-meals": Message("aid.resource-name.ready-meals", "Ready-to-eat meals")
            case "therapeutic-food": Message("aid.resource-name.therapeutic-food", "Ready-to-use therapeutic food")
            case "generators": Message("aid.resource-name.generators", "Power generators")
            case "satellite-phones": Message("aid.resource-name.satellite-phones", "Satellite phones")
            case "school-kits": Message("aid.resource-name.school-kits", "School-in-a-box kits")
            case "emergency-medical-team": Message("aid.resource-name.emergency-medical-team", "Emergency medical team")
            case "search-and-rescue-team":
                Message("aid.resource-name.search-and-rescue-team", "Urban search-and-rescue team")
            case "excavators": Message("aid.resource-name.excavators", "Excavators with operators")
            case "expert-structural-engineering":
                Message("aid.resource-name.expert-structural-engineering", "Expert hours: building safety assessment")
            case "expert-water-sanitation":
                Message("aid.resource-name.expert-water-sanitation", "Expert hours: water and sanitation")
            case "expert-camp-management":
                Message("aid.resource-name.expert-camp-management", "Expert hours: shelter and camp management")
            case "expert-psychosocial-support":
                Message("aid.resource-name.expert-psychosocial-support", "Expert hours: psychosocial support")
            default: nil
            }
        guard let installed, installed.english == name else { return .name(name) }
        return installed
    }
}

/// The units the installed catalogue counts in, worded from the catalogues: a unit on its own ("masks"),
/// and a quantity of it with the noun in its form for the number ("1 mask", "600 masks"). A unit an
/// administrator wrote otherwise is shown as written.
package enum AidUnit {
    /// The unit on its own: "Counted in masks."
    package static func label(_ unit: String) -> Message {
        switch unit {
        case "masks": Message("aid.unit.masks", "masks")
        case "pairs": Message("aid.unit.pairs", "pairs")
        case "gowns": Message("aid.unit.gowns", "gowns")
        case "shields": Message("aid.unit.shields", "shields")
        case "litres": Message("aid.unit.litres", "litres")
        case "tests": Message("aid.unit.tests", "tests")
        case "ventilators": Message("aid.unit.ventilators", "ventilators")
        case "concentrators": Message("aid.unit.concentrators", "concentrators")
        case "oximeters": Message("aid.unit.oximeters", "oximeters")
        case "beds": Message("aid.unit.beds", "beds")
        case "doses": Message("aid.unit.doses", "doses")
        case "parcels": Message("aid.unit.parcels", "parcels")
        case "hours": Message("aid.unit.hours", "hours")
        case "tablets": Message("aid.unit.tablets", "tablets")
        case "units": Message("aid.unit.units", "units")
        case "tanks": Message("aid.unit.tanks", "tanks")
        case "kits": Message("aid.unit.kits", "kits")
        case "pumps": Message("aid.unit.pumps", "pumps")
        case "tents": Message("aid.unit.tents", "tents")
        case "sheets": Message("aid.unit.sheets", "sheets")
        case "blankets": Message("aid.unit.blankets", "blankets")
        case "mats": Message("aid.unit.mats", "mats")
        case "kitchens": Message("aid.unit.kitchens", "kitchens")
        case "meals": Message("aid.unit.meals", "meals")
        case "cartons": Message("aid.unit.cartons", "cartons")
        case "generators": Message("aid.unit.generators", "generators")
        case "phones": Message("aid.unit.phones", "phones")
        case "team-days": Message("aid.unit.team-days", "team-days")
        case "machine-days": Message("aid.unit.machine-days", "machine-days")
        default: .name(unit)
        }
    }

    /// `count` of the unit: "600 masks".
    package static func amount(_ count: Int, in unit: String) -> Message {
        switch unit {
        case "masks": Message("aid.amount.masks", one: "{count} mask", other: "{count} masks", count: count)
        case "pairs": Message("aid.amount.pairs", one: "{count} pair", other: "{count} pairs", count: count)
        case "gowns": Message("aid.amount.gowns", one: "{count} gown", other: "{count} gowns", count: count)
        case "shields": Message("aid.amount.shields", one: "{count} shield", other: "{count} shields", count: count)
        case "litres": Message("aid.amount.litres", one: "{count} litre", other: "{count} litres", count: count)
        case "tests": Message("aid.amount.tests", one: "{count} test", other: "{count} tests", count: count)
        case "ventilators":
            Message("aid.amount.ventilators", one: "{count} ventilator", other: "{count} ventilators", count: count)
        case "concentrators":
            Message(
                "aid.amount.concentrators", one: "{count} concentrator", other: "{count} concentrators", count: count)
        case "oximeters":
            Message("aid.amount.oximeters", one: "{count} oximeter", other: "{count} oximeters", count: count)
        case "beds": Message("aid.amount.beds", one: "{count} bed", other: "{count} beds", count: count)
        case "doses": Message("aid.amount.doses", one: "{count} dose", other: "{count} doses", count: count)
        case "parcels": Message("aid.amount.parcels", one: "{count} parcel", other: "{count} parcels", count: count)
        case "hours": Message("aid.amount.hours", one: "{count} hour", other: "{count} hours", count: count)
        case "tablets": Message("aid.amount.tablets", one: "{count} tablet", other: "{count} tablets", count: count)
        case "units": Message("aid.amount.units", one: "{count} unit", other: "{count} units", count: count)
        case "tanks": Message("aid.amount.tanks", one: "{count} tank", other: "{count} tanks", count: count)
        case "kits": Message("aid.amount.kits", one: "{count} kit", other: "{count} kits", count: count)
        case "pumps": Message("aid.amount.pumps", one: "{count} pump", other: "{count} pumps", count: count)
        case "tents": Message("aid.amount.tents", one: "{count} tent", other: "{count} tents", count: count)
        case "sheets": Message("aid.amount.sheets", one: "{count} sheet", other: "{count} sheets", count: count)
        case "blankets": Message("aid.amount.blankets", one: "{count} blanket", other: "{count} blankets", count: count)
        case "mats": Message("aid.amount.mats", one: "{count} mat", other: "{count} mats", count: count)
        case "kitchens": Message("aid.amount.kitchens", one: "{count} kitchen", other: "{count} kitchens", count: count)
        case "meals": Message("aid.amount.meals", one: "{count} meal", other: "{count} meals", count: count)
        case "cartons": Message("aid.amount.cartons", one: "{count} carton", other: "{count} cartons", count: count)
        case "generators":
            Message("aid.amount.generators", one: "{count} generator", other: "{count} generators", count: count)
        case "phones": Message("aid.amount.phones", one: "{count} phone", other: "{count} phones", count: count)
        case "team-days":
            Message("aid.amount.team-days", one: "{count} team-day", other: "{count} team-days", count: count)
        case "machine-days":
            Message("aid.amount.machine-days", one: "{count} machine-day", other: "{count} machine-days", count: count)
        default:
            Message(
                "aid.amount.other-unit", one: "{count} {unit}", other: "{count} {unit}", count: count,
                ["unit": .text(unit)])
        }
    }
}
