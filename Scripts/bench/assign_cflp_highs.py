"""HiGHS (highspy) on an OR-Library CFLP file, with the complete strong formulation that dagroute
builds lazily: binary open y(i); 0 <= x(i,j) <= min(1, cap(i)/d(j)); sum_i x(i,j) = 1;
sum_j d(j) x(i,j) <= cap(i) y(i); x(i,j) <= y(i) for every pair; sum_i cap(i) y(i) >= total demand.
Usage: assign_cflp_highs.py FILE CAPACITY TIME_LIMIT  ->  one line `status objective bound seconds`."""
import sys, time
import numpy as np
import highspy

path, capacity, limit = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
tokens = open(path).read().split()
m, n = int(tokens[0]), int(tokens[1])
pos = 2
cap, fixed = np.zeros(m), np.zeros(m)
for i in range(m):
    cap[i] = capacity if tokens[pos] == "capacity" else float(tokens[pos])
    fixed[i] = float(tokens[pos + 1]); pos += 2
demand, cost = np.zeros(n), np.zeros((n, m))
for j in range(n):
    demand[j] = float(tokens[pos]); pos += 1
    cost[j] = [float(t) for t in tokens[pos:pos + m]]; pos += m

inf = highspy.kHighsInf
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", limit)
h.setOptionValue("mip_rel_gap", 0.0)
h.setOptionValue("threads", 1)
# Columns: y(0..m-1), then x(j, i) at m + j*m + i.
lower = np.zeros(m + n * m)
upper = np.concatenate([np.ones(m), np.minimum(1.0, cap[None, :] / np.maximum(demand[:, None], 1e-300)).ravel()])
h.addVars(m + n * m, lower, upper)
h.changeColsCost(m + n * m, np.arange(m + n * m, dtype=np.int32), np.concatenate([fixed, cost.ravel()]))
h.changeColsIntegrality(m, np.arange(m, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * m))
x = lambda j, i: m + j * m + i
starts, index, value, lo, up = [], [], [], [], []
def row(idx, val, l, u):
    starts.append(len(index)); index.extend(idx); value.extend(val); lo.append(l); up.append(u)
for j in range(n):
    row([x(j, i) for i in range(m)], [1.0] * m, 1.0, 1.0)
for i in range(m):
    row([x(j, i) for j in range(n)] + [i], list(demand) + [-cap[i]], -inf, 0.0)
for j in range(n):
    for i in range(m):
        row([x(j, i), i], [1.0, -1.0], -inf, 0.0)
row(list(range(m)), list(cap), demand.sum(), inf)
h.addRows(len(lo), np.array(lo), np.array(up), len(index), np.array(starts, dtype=np.int32),
          np.array(index, dtype=np.int32), np.array(value))
t = time.perf_counter(); h.run(); seconds = time.perf_counter() - t
info = h.getInfo()
status = h.modelStatusToString(h.getModelStatus())
print(status.replace(" ", "_"), info.objective_function_value, info.mip_dual_bound, f"{seconds:.2f}")
