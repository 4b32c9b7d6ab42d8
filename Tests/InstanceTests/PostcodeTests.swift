import DagrouteCore
@testable import Instance
import XCTest

final class PostcodeTests: XCTestCase {
    static let clients = "id,lat,lon,postcode,municipality,target_group,product,wheelchair,days,daypart,provider\n"
        + "P1,,,1211 ab,Hilversum,pg,basis,0,mon,day,p1\n"
        + "P2,52.3,5.2,,Bussum,pg,basis,0,mon,day,p1\n"
        + "P3,,,9999ZZ,Hilversum,pg,basis,0,mon,day,p1\n"
        + "P4,,,,Hilversum,pg,basis,0,mon,day,p1\n"

    func testClientsGivenByPostcodeAreLookedUpOffline() throws {
        var files = Fixture.valid
        files["clients.csv"] = "id,postcode,municipality,target_group,product,wheelchair,days,daypart,provider\nP1,1211 ab,Hilversum,pg,basis,0,mon,day,p1\n"
        files["postcodes.csv"] = "postcode,lat,lon\n1211AB,52.2301,5.1702\n1212 CD,52.21,5.19\n"
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        let i = try InstanceReader.read(folder: dir)
        XCTAssertEqual(i.clients[0].position, GeoPoint(lat: 52.2301, lon: 5.1702))
    }

    func testUnknownAndMissingPostcodesAreErrors() throws {
        var files = Fixture.valid
        files["clients.csv"] = Self.clients
        files["postcodes.csv"] = "postcode,lat,lon\n1211AB,52.2301,5.1702\n1211 AB,52.0,5.0\n"
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir)) { error in
            XCTAssertEqual((error as? DagrouteError)?.description, """
                clients.csv:4:4: error [postcode]: expected a postcode listed in postcodes.csv, found "9999ZZ"
                clients.csv:5:4: error [postcode]: expected a position (lat,lon or x_rd,y_rd) or a postcode, found empty fields
                postcodes.csv:3:1: error [postcode]: expected a unique postcode, found "1211 AB" again (first on line 2)
                """)
        }
    }

    func testPostcodeColumnWithoutTableIsAnError() throws {
        var files = Fixture.valid
        files["clients.csv"] = "id,postcode,municipality,target_group,product,wheelchair,days,daypart,provider\nP1,1211AB,Hilversum,pg,basis,0,mon,day,p1\n"
        let dir = try Fixture.folder(files)
        defer { Fixture.remove(dir) }
        XCTAssertThrowsError(try InstanceReader.read(folder: dir)) { error in
            XCTAssertEqual((error as? DagrouteError)?.description,
                           "clients.csv:1:2: error [postcode]: expected a postcodes.csv (postcode,lat,lon) beside clients.csv to look up the postcode column, found none")
        }
    }
}
