import Assignment
import Formats
import GLPK
import XCTest

/// The GAP and CFLP models of the Assignment module against OR-Library optima, re-checked here.
final class BenchmarkModelTests: XCTestCase {
    func testGAPModelReachesPublishedOptima() throws {
        let problems = try ORLibraryGAP.read(SharedInstances.root.appendingPathComponent("gap/orlib/gap3.txt"))
        for (k, p) in problems.enumerated() {
            for (sense, family) in [(Sense.maximize, "gap_max"), (.minimize, "gap_min")] {
                let problem = GeneralizedAssignmentProblem(cost: p.cost.map { $0.map(Double.init) }, resource: p.resource.map { $0.map(Double.init) },
                                                           capacity: p.capacity.map(Double.init), sense: sense)
                let r = try GeneralizedAssignment.solve(problem)
                let known = try XCTUnwrap(SharedInstances.value(family, "gap3#\(k + 1)"))
                XCTAssertEqual(r.status, .optimal)
                XCTAssertEqual(r.objective, known)
                // Independent re-check from the file's data.
                let agentOfJob = try XCTUnwrap(r.agentOfJob)
                var used = [Int](repeating: 0, count: p.agents)
                var total = 0
                for (j, i) in agentOfJob.enumerated() { used[i] += p.resource[i][j]; total += p.cost[i][j] }
                XCTAssertEqual(Double(total), known)
                for i in 0..<p.agents { XCTAssertLessThanOrEqual(used[i], p.capacity[i]) }
            }
        }
    }

    func testJobThatFitsNoAgentIsInfeasibleWithoutSolving() throws {
        let p = GeneralizedAssignmentProblem(cost: [[1, 2]], resource: [[1, 9]], capacity: [5], sense: .minimize)
        XCTAssertEqual(try GeneralizedAssignment.solve(p).status, .infeasible)
    }

    func testCFLPModelReachesPublishedOptima() throws {
        for name in ["cap41", "cap43", "cap51", "cap61", "cap63", "cap71", "cap72", "cap74", "cap91", "cap111"] {
            let f = try ORLibraryCFLP.read(SharedInstances.root.appendingPathComponent("cflp/orlib/\(name).txt"))
            let p = FacilityLocationProblem(capacity: f.capacity, fixedCost: f.fixedCost, demand: f.demand, allocationCost: f.allocationCost)
            let r = try FacilityLocation.solve(p, parameters: MIPParameters(timeLimit: 60))
            let known = try XCTUnwrap(SharedInstances.value("cflp", name))
            XCTAssertEqual(r.status, .optimal, name)
            XCTAssertEqual(try XCTUnwrap(r.objective), known, accuracy: 1e-6 * known, name)
            // Independent re-check: allocations only at open facilities, demand met, capacities kept.
            var total = r.open.reduce(0) { $0 + f.fixedCost[$1] }
            var load = [Double](repeating: 0, count: f.warehouses)
            for j in 0..<f.customers {
                XCTAssertEqual(r.fraction[j].reduce(0, +), 1, accuracy: 1e-6)
                for i in 0..<f.warehouses where r.fraction[j][i] > 1e-9 {
                    XCTAssertTrue(r.open.contains(i), "\(name): customer \(j) served by closed \(i)")
                    load[i] += f.demand[j] * r.fraction[j][i]
                    total += f.allocationCost[j][i] * r.fraction[j][i]
                }
            }
            for i in 0..<f.warehouses { XCTAssertLessThanOrEqual(load[i], f.capacity[i] * (1 + 1e-6)) }
            XCTAssertEqual(total, known, accuracy: 1e-6 * known, name)
        }
    }
}
