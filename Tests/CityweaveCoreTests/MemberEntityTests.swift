import Testing

@testable import CityweaveCore

@Suite struct MemberEntityTests {
    @Test(arguments: [
        (
            "ETMUN database (Gourdon); entity type: Intermunicipality (not a city); seat: Brussels",
            "Intermunicipality", "Brussels"
        ),
        ("ClimActor Dec 2022; initiative labels: GCoM2021; entity type: Region", "Region", ""),
        (
            "entity type: district/province (by name; source says City) (not a city); seat: Detmold",
            "district/province (by name; source says City)", "Detmold"
        ),
        ("entity type: Region (not a city)", "Region", ""),
    ])
    func aNoteNamingABodyGivesItsKindAndSeat(note: String, kind: String, seat: String) {
        #expect(MemberEntity(note: note) == MemberEntity(kind: kind, seat: seat))
    }

    @Test(arguments: [
        "", "ETMUN database (Gourdon), member list collected 2016-2019", "entity type: City", "entity type: ",
    ])
    func aCityIsNoBody(note: String) {
        #expect(MemberEntity(note: note) == nil)
    }
}
