#!/usr/bin/env python3
"""Writes a random but valid EPANET .inp network, the same for the same seed.

usage: gen_network.py --seed S --junctions N --out NET.inp [--large]

Looped grid-like networks with a reservoir (sometimes with a head pattern), tanks (some
with volume curves), pumps (1-point, 3-point, multi-point curves, POWER pumps, speeds and
speed patterns), PRV/PSV/PBV/FCV/TCV/GPV valves, check valves, closed pipes, demand
categories, emitters, simple controls (tank level, time, clock time, junction pressure)
and rules, in US or SI units with H-W, D-W or C-M head loss. The seed picks all of it.
--large: a benchmark network of ~288 km of mains (N is ignored), steady feature mix.
"""
import argparse
import math
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--junctions", type=int, default=30)
    ap.add_argument("--out", required=True)
    ap.add_argument("--large", action="store_true")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    text = generate(rnd, a.junctions, a.large)
    with open(a.out, "w") as f:
        f.write(text)


def generate(rnd, nj, large):
    if large:
        cols, rows = 64, 64
        spacing = 45.0  # ~288 km of mains over ~5,000 pipes
        units, headloss = "GPM", "H-W"
    else:
        cols = max(2, int(round(math.sqrt(nj * rnd.uniform(0.6, 1.6)))))
        rows = max(2, (nj + cols - 1) // cols)
        spacing = rnd.uniform(60, 250)
        units = rnd.choice(["GPM", "GPM", "LPS", "LPS", "CMH", "MGD", "LPM", "CFS", "CMD"])
        headloss = rnd.choice(["H-W", "H-W", "D-W", "C-M"])
    si = units in ("LPS", "LPM", "MLD", "CMH", "CMD", "CMS")
    # Everything is made in SI (m, mm, L/s) and converted on output.
    flow_cf = {"GPM": 15.850323, "LPS": 1.0, "CMH": 3.6, "MGD": 0.0228245, "LPM": 60.0,
               "CFS": 0.0353147, "CMD": 86.4}[units]
    len_cf = 1.0 if si else 1 / 0.3048
    diam_cf = 1.0 if si else 1 / 25.4
    pres_cf = 1.0 if si else 1.4219  # m of water -> psi

    def L(x):
        return x * len_cf

    def Q(x):
        return x * flow_cf

    def fmt(x):
        return f"{x:.6g}"

    junctions = []  # (id, x, y, elev)
    coords = {}
    grid = {}
    base_elev = rnd.uniform(5, 40)
    slope = rnd.uniform(-0.02, 0.05)
    count = 0
    for r in range(rows):
        for c in range(cols):
            if not large and count >= nj:
                break
            jid = f"J{r}_{c}"
            x = c * spacing + rnd.uniform(-0.2, 0.2) * spacing
            y = r * spacing + rnd.uniform(-0.2, 0.2) * spacing
            elev = base_elev + slope * (x + y) * 0.5 + rnd.uniform(-3, 3)
            junctions.append([jid, x, y, elev])
            coords[jid] = (x, y)
            grid[(r, c)] = jid
            count += 1
    jids = [j[0] for j in junctions]
    elev_of = {j[0]: j[3] for j in junctions}
    # Edges: a random spanning tree over the grid plus a share of the other edges (loops).
    edges = []
    for (r, c), jid in grid.items():
        if (r, c + 1) in grid:
            edges.append((jid, grid[(r, c + 1)]))
        if (r + 1, c) in grid:
            edges.append((jid, grid[(r + 1, c)]))
    rnd.shuffle(edges)
    parent = {j: j for j in jids}

    def find(j):
        while parent[j] != j:
            parent[j] = parent[parent[j]]
            j = parent[j]
        return j

    tree, extra = [], []
    for e in edges:
        ra, rb = find(e[0]), find(e[1])
        if ra != rb:
            parent[ra] = rb
            tree.append(e)
        else:
            extra.append(e)
    keep = 0.35 if large else rnd.uniform(0.2, 0.7)
    pipes_e = tree + extra[: int(len(extra) * keep)]
    # Hop distance from the source corner for sizing mains.
    src = jids[0]
    adj = {j: [] for j in jids}
    for u, v in pipes_e:
        adj[u].append(v)
        adj[v].append(u)
    dist = {src: 0}
    order = [src]
    for u in order:
        for v in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                order.append(v)
    maxd = max(dist.values()) or 1

    # Demands (L/s), patterns.
    npat = 1 if large else rnd.randint(1, 3)
    patterns = {}
    for p in range(npat):
        length = rnd.choice([24, 12, 6]) if not large else 24
        base = [0.6 + 0.8 * (0.5 - 0.5 * math.cos(2 * math.pi * (i / length) + rnd.uniform(0, 1)))
                for i in range(length)]
        patterns[str(p + 1)] = [round(v * rnd.uniform(0.85, 1.15), 3) for v in base]
    per_j = rnd.uniform(0.05, 0.6) if not large else 0.15
    demand = {}
    for j in jids:
        demand[j] = 0.0 if rnd.random() < 0.15 else per_j * rnd.uniform(0.3, 1.7)
    total_q = sum(demand.values()) or 1.0

    # Source: reservoir (gravity) or low reservoir + pumps.
    top = max(elev_of.values())
    gravity = large or rnd.random() < 0.4
    res_head = top + rnd.uniform(35, 60)
    reservoirs = []  # (id, head, pattern)
    pumps = []       # lines
    curves = {}      # id -> [(x, y)]
    pipes = []       # (id, n1, n2, length, diam, rough, minor, status)
    valves = []      # (id, n1, n2, diam, type, setting, minor)
    tanks = []       # (id, elev, init, min, max, diam, minvol, curve)
    controls, rules = [], []
    status_lines, demand_lines, emitter_lines = [], [], []
    extra_coords = {}

    def rough():
        if headloss == "H-W":
            return round(rnd.uniform(90, 140))
        if headloss == "D-W":
            mm = rnd.uniform(0.05, 1.5)
            return round(mm if si else mm / 0.3048, 4)  # mm or millifeet
        return round(rnd.uniform(0.010, 0.015), 4)

    def size_for(u):
        frac = 1.0 - dist.get(u, maxd) / (maxd + 1)
        qmm = math.sqrt(4 * max(total_q * frac, 0.5) / 1000 / math.pi / 1.2) * 1000
        choices = [100, 150, 200, 250, 300, 400, 500, 600, 800]
        return min(choices, key=lambda d: abs(d - qmm * rnd.uniform(0.7, 1.3)))

    sx, sy = coords[src]
    if gravity:
        rpat = None
        if not large and rnd.random() < 0.3:
            rpat = "RH"
            patterns["RH"] = [round(rnd.uniform(0.97, 1.03), 3) for _ in range(rnd.choice([4, 8, 24]))]
        reservoirs.append(("R1", res_head, rpat))
        extra_coords["R1"] = (sx - spacing, sy - spacing)
        pipes.append(("PR1", "R1", src, spacing, max(300, size_for(src)), rough(), 0.0, None))
    else:
        low = min(elev_of.values()) - rnd.uniform(0, 5)
        reservoirs.append(("R1", low, None))
        extra_coords["R1"] = (sx - 2 * spacing, sy - spacing)
        extra_coords["S1"] = (sx - spacing, sy - spacing)
        junctions.append(["S1", sx - spacing, sy - spacing, low])
        elev_of["S1"] = low
        demand["S1"] = 0.0
        jids.append("S1")
        pipes.append(("PS1", "S1", src, spacing, max(300, size_for(src)), rough(), 0.0, None))
        hdesign = res_head - low
        npump = rnd.randint(1, 3)
        for p in range(npump):
            pid = f"PU{p + 1}"
            qd = total_q / npump * rnd.uniform(0.8, 1.5)
            kind = rnd.choice(["one", "three", "multi", "power", "multi"])
            params = ""
            if kind == "power":
                kw = 9.81 * qd / 1000 * hdesign / 0.75 * rnd.uniform(0.8, 1.2)
                params = f"POWER {fmt(kw if si else kw / 0.7457)}"
            else:
                cid = f"C{pid}"
                if kind == "one":
                    curves[cid] = [(Q(qd), L(hdesign))]
                elif kind == "three":
                    curves[cid] = [(0, L(hdesign * 1.3)), (Q(qd), L(hdesign)), (Q(2 * qd), L(hdesign * 0.55))]
                else:
                    n = rnd.randint(4, 6)
                    pts = []
                    for i in range(n):
                        x = 2.2 * qd * i / (n - 1)
                        h = hdesign * (1.3 - 0.3 * (x / qd) ** 2) + rnd.uniform(-0.5, 0.5)
                        pts.append((Q(x), L(max(h, 1.0 + (n - i)))))
                    for i in range(1, n):  # heads must fall
                        if pts[i][1] >= pts[i - 1][1]:
                            pts[i] = (pts[i][0], pts[i - 1][1] * 0.95)
                    if rnd.random() < 0.3:
                        pts[0] = (Q(0.2 * qd), pts[0][1])  # a curve not starting at zero flow
                    curves[cid] = pts
                params = f"HEAD {cid}"
            if rnd.random() < 0.3:
                params += f" SPEED {fmt(round(rnd.uniform(0.8, 1.2), 2))}"
            if rnd.random() < 0.25:
                patterns[f"SP{p + 1}"] = [rnd.choice([0, 0.9, 1.0, 1.1]) for _ in range(rnd.choice([6, 12, 24]))]
                params += f" PATTERN SP{p + 1}"
            pumps.append((pid, "R1", "S1", params))
            if p > 0 and rnd.random() < 0.5:
                status_lines.append(f"{pid} CLOSED")

    # Pipes over the grid, a few CV or closed, some minor losses.
    used_by_valve = set()
    npipes = 0
    for u, v in pipes_e:
        if dist.get(u, 0) > dist.get(v, 0):
            u, v = v, u
        x1, y1 = coords[u]
        x2, y2 = coords[v]
        length = max(5.0, math.hypot(x2 - x1, y2 - y1) * rnd.uniform(1.0, 1.3))
        d = size_for(v)
        minor = 0.0 if rnd.random() < 0.7 else round(rnd.uniform(0.1, 5.0), 2)
        status = None
        if not large:
            t = rnd.random()
            if t < 0.03 and (u, v) not in tree:
                status = "Closed"
            elif t < 0.08:
                status = "CV"
        npipes += 1
        pipes.append((f"P{npipes}", u, v, length, d, rough(), minor, status))

    # Valves: replace some interior pipes (no node shared by two valves, none at a source).
    if not large:
        nval = rnd.randint(0, min(6, max(1, len(jids) // 8)))
        cand = [i for i, p in enumerate(pipes) if p[0].startswith("P") and p[1] in dist
                and p[2] in dist and p[7] is None and p[1] != src]
        rnd.shuffle(cand)
        for i in cand[:nval]:
            pid, u, v, length, d, rg, minor, st = pipes[i]
            if u in used_by_valve or v in used_by_valve:
                continue
            used_by_valve.update([u, v])
            vt = rnd.choice(["PRV", "PRV", "PSV", "PBV", "FCV", "TCV", "GPV"])
            vid = f"V{len(valves) + 1}"
            p_here = res_head - elev_of[v]
            if vt == "PRV":
                setting = fmt(round(p_here * rnd.uniform(0.4, 1.1) * pres_cf, 2))
            elif vt == "PSV":
                setting = fmt(round(p_here * rnd.uniform(0.3, 1.0) * pres_cf, 2))
            elif vt == "PBV":
                setting = fmt(round(rnd.uniform(1, 10) * pres_cf, 2))
            elif vt == "FCV":
                setting = fmt(round(Q(total_q * rnd.uniform(0.02, 0.3)), 3))
            elif vt == "TCV":
                setting = fmt(round(rnd.uniform(1, 50), 2))
            else:
                cid = f"G{vid}"
                curves[cid] = [(0, 0), (Q(total_q * 0.2), L(rnd.uniform(0.5, 5))),
                               (Q(total_q), L(rnd.uniform(10, 30)))]
                setting = cid
            vminor = 0.0 if rnd.random() < 0.6 else round(rnd.uniform(0.1, 3), 2)
            valves.append((vid, u, v, d, vt, setting, vminor))
            pipes[i] = None
            if rnd.random() < 0.15:
                status_lines.append(f"{vid} {rnd.choice(['OPEN', 'CLOSED'])}")
        pipes = [p for p in pipes if p is not None]

    # Tanks on far junctions.
    ntank = 1 if large else rnd.randint(0 if gravity else 1, 3)
    far = sorted(jids[:-1] if not gravity else jids, key=lambda j: -dist.get(j, 0))
    for t in range(ntank):
        at = far[min(len(far) - 1, t * 3 + rnd.randint(0, 2))]
        tid = f"T{t + 1}"
        minl = round(rnd.uniform(0.5, 3), 2)
        maxl = round(minl + rnd.uniform(3, 9), 2)
        init = round(rnd.uniform(minl, maxl), 2)
        if rnd.random() < 0.1:
            init = minl if rnd.random() < 0.5 else maxl
        telev = res_head - rnd.uniform(5, 25) - init
        diam = round(rnd.uniform(8, 30), 1)
        curve = ""
        if not large and rnd.random() < 0.3:
            curve = f"VC{t + 1}"
            pts = []
            v = 0.0
            lv = 0.0
            while lv <= maxl + 1e-9:
                pts.append((L(lv), v * (len_cf ** 3)))
                step = 1.0
                v += math.pi * (diam / 2) ** 2 * step * rnd.uniform(0.6, 1.4)
                lv += step
            pts.append((L(lv), v * (len_cf ** 3)))
            curves[curve] = pts
        tanks.append((tid, telev, init, minl, maxl, diam, 0.0, curve))
        ax, ay = coords[at]
        extra_coords[tid] = (ax + spacing * 0.5, ay + spacing * 0.5)
        pipes.append((f"PT{t + 1}", at, tid, spacing * 0.5, rnd.choice([200, 300, 400]), rough(), 0.0, None))
        if pumps and rnd.random() < 0.7:
            pu = rnd.choice(pumps)[0]
            lo = round(minl + (maxl - minl) * rnd.uniform(0.1, 0.4), 2)
            hi = round(minl + (maxl - minl) * rnd.uniform(0.6, 0.95), 2)
            controls.append(f"LINK {pu} OPEN IF NODE {tid} BELOW {fmt(L(lo))}")
            controls.append(f"LINK {pu} CLOSED IF NODE {tid} ABOVE {fmt(L(hi))}")

    if not large:
        # Pipes that controls and rules may close: not the supply or tank connections.
        plist = [p for p in pipes if p[0].startswith("P") and p[0][1:].isdigit() and p[7] != "CV"]
        if plist and rnd.random() < 0.5:
            p = rnd.choice(plist)[0]
            t1 = rnd.randint(1, 10)
            controls.append(f"LINK {p} CLOSED AT TIME {t1}")
            controls.append(f"LINK {p} OPEN AT TIME {t1 + rnd.randint(1, 8)}")
        if pumps and rnd.random() < 0.4:
            pu = rnd.choice(pumps)[0]
            controls.append(f"LINK {pu} {fmt(round(rnd.uniform(0.8, 1.1), 2))} AT CLOCKTIME {rnd.randint(1, 11)} {rnd.choice(['AM', 'PM'])}")
        if valves and rnd.random() < 0.5:
            v = rnd.choice(valves)
            if v[4] in ("PRV", "PSV", "PBV", "FCV", "TCV"):
                val = float(v[5]) * rnd.uniform(0.7, 1.3) if v[4] != "TCV" else rnd.uniform(1, 50)
                controls.append(f"LINK {v[0]} {fmt(round(val, 2))} AT TIME {rnd.randint(2, 20)}")
        if plist and rnd.random() < 0.4:
            p = rnd.choice(plist)
            j = rnd.choice(jids[:len(jids) // 2 + 1])
            pr = round((res_head - elev_of[j]) * rnd.uniform(0.5, 1.0) * pres_cf, 1)
            controls.append(f"LINK {p[0]} CLOSED IF NODE {j} ABOVE {fmt(pr)}")
        if rnd.random() < 0.5 and (pumps or plist):
            n = rnd.randint(1, 3)
            for i in range(n):
                lines = [f"RULE RL{i + 1}"]
                if tanks and rnd.random() < 0.6:
                    t = rnd.choice(tanks)
                    lines.append(f"IF TANK {t[0]} LEVEL {rnd.choice(['<', '>', 'BELOW', 'ABOVE'])} {fmt(L(round((t[3] + t[4]) / 2, 2)))}")
                else:
                    lines.append(f"IF SYSTEM CLOCKTIME >= {rnd.randint(1, 11)} {rnd.choice(['AM', 'PM'])}")
                if rnd.random() < 0.5:
                    lines.append(f"AND SYSTEM TIME <= {rnd.randint(6, 30)}")
                if rnd.random() < 0.3:
                    j = rnd.choice(jids)
                    lines.append(f"OR JUNCTION {j} PRESSURE > {fmt(round((res_head - elev_of[j]) * 0.7 * pres_cf, 1))}")
                target = rnd.choice(pumps)[0] if pumps and rnd.random() < 0.6 else rnd.choice(plist)[0]
                st = rnd.choice(["OPEN", "CLOSED"])
                other = "CLOSED" if st == "OPEN" else "OPEN"
                lines.append(f"THEN LINK {target} STATUS = {st}")
                if rnd.random() < 0.6:
                    lines.append(f"ELSE LINK {target} STATUS = {other}")
                if rnd.random() < 0.5:
                    lines.append(f"PRIORITY {rnd.randint(1, 5)}")
                rules.append("\n".join(lines))

    # Demand categories and emitters.
    pat_ids = [p for p in patterns if p.isdigit()]
    jun_lines = []
    for j in junctions:
        jid = j[0]
        pat = rnd.choice(pat_ids + [""]) if not large else "1"
        jun_lines.append(f" {jid}\t{fmt(L(j[3]))}\t{fmt(Q(demand.get(jid, 0.0)))}\t{pat}")
        if not large and demand.get(jid, 0) > 0 and rnd.random() < 0.1:
            demand_lines.append(f" {jid}\t{fmt(Q(demand[jid] * 0.6))}\t{rnd.choice(pat_ids)}\t;Domestic")
            demand_lines.append(f" {jid}\t{fmt(Q(demand[jid] * 0.5))}\t\t;Commercial")
        if not large and rnd.random() < 0.04:
            emitter_lines.append(f" {jid}\t{fmt(round(Q(rnd.uniform(0.05, 0.5)) / math.sqrt(pres_cf), 4))}")

    # Times and options.
    if large:
        dur, hstep, pstep, rstep, pstart, rstart, clock = 24, "1:00", "1:00", "1:00", "0:00", "0:00", "12 am"
    else:
        dur = rnd.choice([0, 12, 24, 24, 36, 48])
        hstep = rnd.choice(["1:00", "1:00", "0:30", "2:00"])
        pstep = rnd.choice(["1:00", "1:00", "2:00", "0:30"])
        rstep = rnd.choice(["1:00", "1:00", "2:00"])
        pstart = rnd.choice(["0:00", "0:00", "2:00", "5:30"])
        rstart = rnd.choice(["0:00", "0:00", "3:00"])
        clock = rnd.choice(["12 am", "6 am", "3:30 pm", "0"])
    opts = {
        "Units": units, "Headloss": headloss,
        "Specific Gravity": fmt(round(rnd.uniform(0.98, 1.02), 3)) if not large else "1.0",
        "Viscosity": fmt(round(rnd.uniform(0.8, 1.3), 3)) if not large else "1.0",
        "Trials": rnd.choice([40, 100, 200]) if not large else 200,
        "Accuracy": rnd.choice(["0.001", "0.001", "0.0001"]) if not large else "0.001",
        "Unbalanced": "Continue 10",
        "Pattern": "1",
        "Demand Multiplier": fmt(round(rnd.uniform(0.7, 1.5), 2)) if not large else "1.0",
        "Emitter Exponent": rnd.choice(["0.5", "0.5", "0.6"]),
    }

    out = ["[TITLE]", f"EstateTwin generated network (seed-driven){' large' if large else ''}", ""]
    out += ["[JUNCTIONS]", ";ID\tElev\tDemand\tPattern"] + jun_lines + [""]
    out += ["[RESERVOIRS]", ";ID\tHead\tPattern"]
    for rid, h, pat in reservoirs:
        out.append(f" {rid}\t{fmt(L(h))}\t{pat or ''}")
    out += ["", "[TANKS]", ";ID\tElev\tInit\tMin\tMax\tDiam\tMinVol\tCurve"]
    for tid, el, init, mn, mx, dm, mv, cv in tanks:
        out.append(f" {tid}\t{fmt(L(el))}\t{fmt(L(init))}\t{fmt(L(mn))}\t{fmt(L(mx))}\t{fmt(L(dm))}\t{fmt(mv)}\t{cv}")
    out += ["", "[PIPES]", ";ID\tNode1\tNode2\tLength\tDiameter\tRoughness\tMinorLoss\tStatus"]
    for pid, u, v, length, d, rg, minor, st in pipes:
        out.append(f" {pid}\t{u}\t{v}\t{fmt(L(length))}\t{fmt(d * diam_cf)}\t{fmt(rg)}\t{fmt(minor)}\t{st or 'Open'}")
    out += ["", "[PUMPS]", ";ID\tNode1\tNode2\tParameters"]
    for pid, u, v, params in pumps:
        out.append(f" {pid}\t{u}\t{v}\t{params}")
    out += ["", "[VALVES]", ";ID\tNode1\tNode2\tDiameter\tType\tSetting\tMinorLoss"]
    for vid, u, v, d, vt, st, mn in valves:
        out.append(f" {vid}\t{u}\t{v}\t{fmt(d * diam_cf)}\t{vt}\t{st}\t{fmt(mn)}")
    out += ["", "[DEMANDS]", ";Junction\tDemand\tPattern\tCategory"] + demand_lines
    out += ["", "[STATUS]"] + status_lines
    out += ["", "[EMITTERS]"] + emitter_lines
    out += ["", "[PATTERNS]"]
    for pid, f in patterns.items():
        for i in range(0, len(f), 6):
            out.append(f" {pid}\t" + "\t".join(fmt(x) for x in f[i:i + 6]))
    out += ["", "[CURVES]"]
    for cid, pts in curves.items():
        for x, y in pts:
            out.append(f" {cid}\t{fmt(x)}\t{fmt(y)}")
    out += ["", "[CONTROLS]"] + controls
    out += ["", "[RULES]"] + ["\n".join([r, ""]) for r in rules]
    out += ["", "[TIMES]", f" Duration\t{dur}:00", f" Hydraulic Timestep\t{hstep}",
            f" Pattern Timestep\t{pstep}", f" Pattern Start\t{pstart}",
            f" Report Timestep\t{rstep}", f" Report Start\t{rstart}", f" Start ClockTime\t{clock}"]
    out += ["", "[OPTIONS]"] + [f" {k}\t{v}" for k, v in opts.items()]
    out += ["", "[COORDINATES]"]
    for j in junctions:
        out.append(f" {j[0]}\t{j[1]:.2f}\t{j[2]:.2f}")
    for k, (x, y) in extra_coords.items():
        if k not in coords and k != "S1":
            out.append(f" {k}\t{x:.2f}\t{y:.2f}")
    out += ["", "[END]", ""]
    return "\n".join(out)


if __name__ == "__main__":
    main()
