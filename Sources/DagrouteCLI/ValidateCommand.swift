import ArgumentParser
import DagrouteCore
import Foundation
import Instance

/// `dagroute validate <instance>`: reads an instance folder, lists every problem or prints a summary.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an instance folder; list every error.",
        discussion: """
        An instance is a folder with four files. CSV files may use ',' or ';' (then decimal commas \
        are fine), may start with a UTF-8 BOM and may quote fields. Column order is free; names \
        are case-insensitive. Positions are lat,lon (WGS84) or x_rd,y_rd (RD New, EPSG:28992).

        clients.csv — one row per client (days: mon…sun separated by ';' — quote the field when \
        the file uses ';'; daypart: morning | afternoon | day; target_group: pg | vg | ggz | lg; \
        product: basis | extra; current_location, needs_transport (default 1), max_ride_min and \
        boarding_min may be empty):
          id,lat,lon,municipality,target_group,product,wheelchair,days,daypart,provider,current_location,needs_transport,max_ride_min,boarding_min
          C0001,52.231400,5.169800,Hilversum,pg,basis,0,mon;thu,day,gooiland,L01,1,,

        locations.csv — capacity is places per half-day slot (a 'day' client takes a morning and \
        an afternoon place); capacity_mon … capacity_sun override it per weekday when filled; \
        status: open | closed | candidate; fixed_cost_per_day in euros:
          id,name,provider,lat,lon,capacity,capacity_mon,capacity_tue,capacity_wed,capacity_thu,capacity_fri,target_groups,products,wheelchair_accessible,start,end,status,fixed_cost_per_day
          L01,Gooiland-Hilversum,gooiland,52.221000,5.180000,24,,,,,18,pg;lg,basis;extra,1,09:30,15:30,open,264.00

        fleet.csv — 'id' (or 'type'); depot is a location id, or leave it empty and give \
        depot_lat,depot_lon; empty provider = regional pool; money in euros, shift in minutes:
          id,count,seats,wheelchair_places,depot,depot_lat,depot_lon,provider,cost_per_hour,cost_per_km,fixed_cost_per_day,max_shift_min
          gooiland-van8,4,8,0,L01,,,gooiland,38.00,0.32,45.00,600
          pool-van8,20,8,0,,52.238000,5.193000,,38.00,0.32,45.00,600

        settings.json — every member optional (defaults in brackets): ride_time {floor_min [0], \
        factor [1], extra_min [15], cap_min [null: none]} (max ride = min(cap, max(floor, factor × \
        direct + extra))), arrival_window_min [15], departure_window_min [15], boarding_min [1], \
        wheelchair_boarding_min [3], alighting_min [1], wheelchair_alighting_min [2], tariffs \
        {transport_per_client_day_eur [8.20], wheelchair_per_client_day_eur [19.80], \
        long_distance_km [10], long_distance_factor [2]}, costs {moved_client_eur [315], \
        unplaced_client_day_eur [1000]}, travel_time {detour_factor [1.3], speed_short_kmh [25], \
        speed_long_kmh [70], half_speed_km [6]}, working_days_per_year [250], care_tariffs [none: \
        no care costs reported] {basis_per_day_part_eur [38.13], extra_per_day_part_eur [53.75]}, scenarios: a list \
        of {name, description, close_locations, open_locations, capacity_changes [{location, \
        capacity, day}], exit_providers, transport (pooled | per_provider), reassign, \
        clients_may_change_provider, keep_groups_together, ride_time}. Example:
          {"ride_time":{"extra_min":10,"cap_min":45},"scenarios":[{"name":"close-L03","close_locations":["L03"]}]}

        postcodes.csv — optional: clients may give a 'postcode' column instead of a position; it is \
        looked up in this user-supplied table on this machine (no address ever leaves it):
          postcode,lat,lon
          1211AB,52.230100,5.170200

        Every error is listed as file:line:column (column = field number) with what was expected \
        and what was found; exit code 2 when there is any error. Warnings (positions outside the \
        Netherlands, ignored columns, …) go to stderr and do not fail validation.

        Example:
          dagroute validate Instances/gooi-en-vechtstreek
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The instance folder.") var instance: String
    @Option(help: "Output: text (summary) or json (summary object; errors as a JSON error object).") var format: Format = .text

    func run() throws {
        let loaded = try InstanceReader.read(folder: URL(fileURLWithPath: instance))
        for w in loaded.warnings { FileHandle.standardError.write(Data((w.description + "\n").utf8)) }
        let summary = InstanceSummary(loaded)
        switch format {
        case .text:
            print("\(instance): valid")
            print(summary.text)
        case .json:
            struct Output: Encodable { var valid: Bool; var summary: InstanceSummary; var warnings: [Diagnostic] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(Output(valid: true, summary: summary, warnings: loaded.warnings)) + Data("\n".utf8))
        }
    }
}
