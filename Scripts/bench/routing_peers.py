"""Runs one peer solver on a CVRPLIB EUC_2D instance and prints its cost (rounded Euclidean).

    python routing_peers.py hgs|pyvrp|ortools|vroom FILE.vrp TIME_LIMIT_SECONDS

One thread, seed 1, the same time limit as dagroute. Costs are recomputed here from the routes
with nint distances, so every solver is measured the same way.
"""
import math
import sys


def read_vrp(path):
    coords, demand, depot, capacity, section = {}, {}, 1, 0, ""
    for line in open(path):
        f = line.replace(":", " : ").split()
        if not f:
            continue
        if f[0].endswith("SECTION"):
            section = f[0]
            continue
        if f[0] == "CAPACITY":
            capacity = int(f[-1])
        elif f[0] == "EOF":
            break
        elif f[0].lstrip("-").isdigit():
            i = int(f[0])
            if section == "NODE_COORD_SECTION":
                coords[i] = (float(f[1]), float(f[2]))
            elif section == "DEMAND_SECTION":
                demand[i] = int(f[1])
            elif section == "DEPOT_SECTION" and i != -1:
                depot = i
    ids = [depot] + [i for i in sorted(coords) if i != depot]   # index 0 = depot
    pts = [coords[i] for i in ids]
    dem = [demand[i] for i in ids]
    n = len(pts)
    dist = [[int(math.hypot(pts[a][0] - pts[b][0], pts[a][1] - pts[b][1]) + 0.5) for b in range(n)] for a in range(n)]
    return pts, dem, capacity, dist


def cost(routes, dist, dem, capacity):
    seen = sorted(c for r in routes for c in r)
    assert seen == list(range(1, len(dist))), "not every customer exactly once"
    total = 0
    for r in routes:
        assert sum(dem[c] for c in r) <= capacity, "capacity exceeded"
        at = 0
        for c in r:
            total += dist[at][c]
            at = c
        total += dist[at][0]
    return total


def main():
    solver, path, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
    pts, dem, capacity, dist = read_vrp(path)
    n = len(pts)
    vehicles = n - 1
    if solver == "hgs":
        from hygese import AlgorithmParameters, Solver
        data = {"distance_matrix": dist, "demands": dem, "vehicle_capacity": capacity,
                "num_vehicles": vehicles, "depot": 0, "service_times": [0] * n}
        res = Solver(parameters=AlgorithmParameters(timeLimit=limit, seed=1), verbose=False).solve_cvrp(data)
        routes = [list(r) for r in res.routes]
    elif solver == "pyvrp":
        import pyvrp
        from pyvrp.stop import MaxRuntime
        data = pyvrp.read(path, round_func="round")
        res = pyvrp.solve(data, stop=MaxRuntime(limit), seed=1, display=False)
        routes = [[a.idx + data.num_depots for a in r if a.is_client()] for r in res.best.routes()]   # client indices count from 0
    elif solver == "ortools":
        from ortools.constraint_solver import pywrapcp, routing_enums_pb2
        k = int(math.ceil(1.3 * sum(dem) / capacity)) + 3
        manager = pywrapcp.RoutingIndexManager(n, k, 0)
        routing = pywrapcp.RoutingModel(manager)
        transit = routing.RegisterTransitCallback(lambda a, b: dist[manager.IndexToNode(a)][manager.IndexToNode(b)])
        routing.SetArcCostEvaluatorOfAllVehicles(transit)
        load = routing.RegisterUnaryTransitCallback(lambda a: dem[manager.IndexToNode(a)])
        routing.AddDimensionWithVehicleCapacity(load, 0, [capacity] * k, True, "load")
        params = pywrapcp.DefaultRoutingSearchParameters()
        params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.SAVINGS
        params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
        params.time_limit.FromMilliseconds(int(limit * 1000))
        sol = routing.SolveWithParameters(params)
        routes = []
        for v in range(k):
            i, r = routing.Start(v), []
            while not routing.IsEnd(i):
                node = manager.IndexToNode(i)
                if node:
                    r.append(node)
                i = sol.Value(routing.NextVar(i))
            if r:
                routes.append(r)
    elif solver == "vroom":
        import vroom
        problem = vroom.Input()
        problem.set_durations_matrix(profile="car", matrix_input=dist)
        for v in range(int(math.ceil(1.3 * sum(dem) / capacity)) + 3):
            problem.add_vehicle(vroom.Vehicle(v, start=0, end=0, capacity=[capacity]))
        problem.add_job([vroom.Job(c, location=c, delivery=[dem[c]]) for c in range(1, n)])
        from datetime import timedelta
        sol = problem.solve(exploration_level=5, nb_threads=1, timeout=timedelta(seconds=limit))
        routes = [list(g[g["type"] == "job"]["location_index"]) for _, g in sol.routes.groupby("vehicle_id")]
    else:
        sys.exit(f"unknown solver {solver}")
    print(cost([r for r in routes if r], dist, dem, capacity))


if __name__ == "__main__":
    main()
