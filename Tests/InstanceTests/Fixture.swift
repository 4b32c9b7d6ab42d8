import Foundation

/// Temporary instance folders written from strings, removed when the test ends.
enum Fixture {
    /// The repository root (for `Instances/`), from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let defaultInstance = repositoryRoot.appendingPathComponent("Instances/gooi-en-vechtstreek")

    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-instance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static func remove(_ dir: URL) { try? FileManager.default.removeItem(at: dir) }

    /// A small valid instance exercising the format's options: `;` with decimal commas, a BOM,
    /// quoted fields, RD New positions, Dutch day names, `type` instead of `id`, a depot position.
    static let valid: [String: String] = [
        "clients.csv": "\u{FEFF}id;lat;lon;x_rd;y_rd;municipality;target_group;product;wheelchair;days;daypart;provider;current_location;needs_transport;max_ride_min;boarding_min\r\n"
            + "A1;52,2240;5,1760;;;Hilversum;pg;basis;0;\"wed;mon\";day;p1;L1;0;;\r\n"
            + "A2;;;141000;470000;Hilversum;vg;extra;1;\"ma;vr\";morning;p1;L1;;45;4,5\r\n",
        "locations.csv": "id,name,provider,lat,lon,capacity,capacity_fri,target_groups,products,wheelchair_accessible,start,end,status,fixed_cost_per_day\n"
            + "L1,\"Centrum, Hilversum\",p1,52.2300,5.1700,12,6,pg;vg,basis;extra,1,09:30,15:30,open,250.50\n"
            + "L2,Bussum,p1,52.27,5.16,10,,pg,basis,0,10:00,15:00,candidate,0\n",
        "fleet.csv": "type,count,seats,wheelchair_places,depot,depot_lat,depot_lon,provider,cost_per_hour,cost_per_km,fixed_cost_per_day,max_shift_min\n"
            + "van,2,8,0,L1,,,p1,38,0.32,45,600\n"
            + "pool,3,5,3,,52.238,5.193,,36.5,0.30,40,540\n",
        "settings.json": """
            {
              "ride_time": {"extra_min": 10, "cap_min": 50},
              "scenarios": [
                {"name": "close-L1", "close_locations": ["L1"]},
                {"name": "open-L2", "open_locations": ["L2"], "transport": "per_provider",
                 "capacity_changes": [{"location": "L1", "capacity": 20, "day": "fri"}]}
              ]
            }
            """,
    ]
}
