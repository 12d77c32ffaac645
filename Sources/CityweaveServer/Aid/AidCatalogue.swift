import Fluent

/// The resources a fresh install knows: what cities sent each other in the
/// first months of COVID-19. Platform administrators add more.
enum AidCatalogue {
    /// Fresh records on each call: a record, once created, cannot be created again.
    static var base: [AidResource] {
        [
            AidResource(code: "ffp2-masks", name: "FFP2 / N95 respirator masks", unit: "masks", category: .protection),
            AidResource(code: "surgical-masks", name: "Surgical masks", unit: "masks", category: .protection),
            AidResource(code: "gloves", name: "Examination gloves", unit: "pairs", category: .protection),
            AidResource(code: "gowns", name: "Isolation gowns", unit: "gowns", category: .protection),
            AidResource(code: "face-shields", name: "Face shields", unit: "shields", category: .protection),
            AidResource(code: "hand-sanitiser", name: "Hand sanitiser", unit: "litres", category: .protection),
            AidResource(code: "pcr-test-kits", name: "PCR test kits", unit: "tests", category: .testing),
            AidResource(code: "rapid-antigen-tests", name: "Rapid antigen tests", unit: "tests", category: .testing),
            AidResource(code: "ventilators", name: "Ventilators", unit: "ventilators", category: .equipment),
            AidResource(
                code: "oxygen-concentrators", name: "Oxygen concentrators", unit: "concentrators", category: .equipment),
            AidResource(code: "pulse-oximeters", name: "Pulse oximeters", unit: "oximeters", category: .equipment),
            AidResource(code: "field-hospital-beds", name: "Field hospital beds", unit: "beds", category: .equipment),
            AidResource(code: "vaccine-doses", name: "Vaccine doses", unit: "doses", category: .medicine),
            AidResource(code: "food-parcels", name: "Food parcels", unit: "parcels", category: .relief),
            AidResource(
                code: "expert-epidemiology", name: "Expert hours: epidemiology", unit: "hours", category: .expertise),
            AidResource(
                code: "expert-intensive-care", name: "Expert hours: intensive care", unit: "hours",
                category: .expertise),
            AidResource(
                code: "expert-crisis-communication", name: "Expert hours: crisis communication", unit: "hours",
                category: .expertise),
            AidResource(
                code: "expert-logistics", name: "Expert hours: emergency logistics", unit: "hours", category: .expertise
            ),
        ]
    }
}
