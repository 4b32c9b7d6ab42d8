/// Strongly connected components of a `RoadGraph` by Tarjan's algorithm, run with an explicit
/// stack (no recursion, so no stack overflow on long roads).
struct StronglyConnectedComponents {
    /// The component number of every node (numbers are 0-based, in order of completion).
    let component: [Int32]

    init(_ g: RoadGraph) {
        let n = g.nodeCount
        var index = [Int32](repeating: -1, count: n), low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var call: [(node: Int32, edge: Int32)] = []
        var counter: Int32 = 0, components: Int32 = 0
        for root in 0..<n where index[root] < 0 {
            call.append((Int32(root), g.firstOut[root]))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            while let (u32, e) = call.last {
                let u = Int(u32)
                if e < g.firstOut[u + 1] {
                    call[call.count - 1].edge = e + 1
                    let v = Int(g.head[Int(e)])
                    if index[v] < 0 {
                        index[v] = counter; low[v] = counter; counter += 1
                        stack.append(Int32(v)); onStack[v] = true
                        call.append((Int32(v), g.firstOut[v]))
                    } else if onStack[v] {
                        low[u] = min(low[u], index[v])
                    }
                } else {
                    call.removeLast()
                    if let (parent, _) = call.last { low[Int(parent)] = min(low[Int(parent)], low[u]) }
                    if low[u] == index[u] {
                        while true {
                            let w = Int(stack.removeLast())
                            onStack[w] = false
                            component[w] = components
                            if w == u { break }
                        }
                        components += 1
                    }
                }
            }
        }
        self.component = component
    }
}
