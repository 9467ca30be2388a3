#!/usr/bin/env python3
"""Compares two pairs of simulate CSVs (ours, EPANET's) at every report time.

usage: compare_csv.py OUR_NODES OUR_LINKS REF_NODES REF_LINKS [--name NAME] [--quiet]

Tolerances (the project's agreement with EPANET 2.3.5): head and pressure within 0.05
(psi or m), flow within 0.1 % or 0.01 units, whichever is larger; link status equal.
Prints the worst difference of each quantity and where it is; exit 1 if any is over.
A node whose EPANET pressure exceeds 1e4 in magnitude is cut off from every source
(EPANET warns "Node ... disconnected"); its head is set by the 1e-8 conductance of
closed links and is numerically meaningless, so it is compared to 1 % and counted apart.
"""
import csv
import sys

HEAD_TOL = 0.05
FLOW_REL, FLOW_ABS = 1e-3, 0.01
DISCONNECTED = 1e4


def load(path, cols):
    rows = {}
    order = []
    try:
        f = open(path, newline="")
    except OSError as e:
        sys.exit(f"compare_csv: {path}: {e.strerror}")
    with f:
        r = csv.reader(f)
        header = next(r)
        if header != cols:
            sys.exit(f"{path}: expected header {','.join(cols)}, got {','.join(header)}")
        for row in r:
            key = (int(row[0]), row[1])
            rows[key] = row[2:]
            order.append(key)
    return rows, order


def main(argv):
    quiet = "--quiet" in argv
    argv = [a for a in argv if a != "--quiet"]
    name = ""
    if "--name" in argv:
        i = argv.index("--name")
        name = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) != 4:
        sys.exit(__doc__)
    on, ol, rn, rl = argv
    ncols = ["time_s", "node", "pressure", "head", "demand"]
    lcols = ["time_s", "link", "flow", "velocity", "status"]
    our_n, _ = load(on, ncols)
    our_l, _ = load(ol, lcols)
    ref_n, ref_norder = load(rn, ncols)
    ref_l, ref_lorder = load(rl, lcols)
    problems = []
    worst = {"pressure": (0.0, None), "head": (0.0, None), "demand": (0.0, None),
             "flow": (0.0, None), "velocity": (0.0, None)}
    status_bad = []

    def note(q, diff, key, ours, ref, ratio):
        if ratio > worst[q][0] or worst[q][1] is None:
            if ratio >= worst[q][0]:
                worst[q] = (ratio, (key, ours, ref, diff))

    missing = [k for k in ref_norder if k not in our_n] + [k for k in ref_lorder if k not in our_l]
    extra = [k for k in our_n if k not in ref_n] + [k for k in our_l if k not in ref_l]
    disconnected = 0
    for key in ref_norder:
        if key not in our_n:
            continue
        o, r = our_n[key], ref_n[key]
        cut_off = abs(float(r[0])) > DISCONNECTED
        disconnected += cut_off
        for i, q in enumerate(["pressure", "head"]):
            d = abs(float(o[i]) - float(r[i]))
            tol = 0.01 * abs(float(r[i])) if cut_off else HEAD_TOL
            note(q, d, key, o[i], r[i], d / max(tol, HEAD_TOL))
        d = abs(float(o[2]) - float(r[2]))
        tol = max(FLOW_ABS, FLOW_REL * abs(float(r[2])))
        note("demand", d, key, o[2], r[2], d / tol)
    for key in ref_lorder:
        if key not in our_l:
            continue
        o, r = our_l[key], ref_l[key]
        d = abs(float(o[0]) - float(r[0]))
        tol = max(FLOW_ABS, FLOW_REL * abs(float(r[0])))
        note("flow", d, key, o[0], r[0], d / tol)
        d = abs(float(o[1]) - float(r[1]))
        tol = max(FLOW_ABS, FLOW_REL * abs(float(r[1])))
        note("velocity", d, key, o[1], r[1], d / tol)
        if o[2] != r[2]:
            status_bad.append((key, o[2], r[2]))
    ok = not missing and not extra and not status_bad
    lines = []
    for q, (ratio, where) in worst.items():
        if where is None:
            continue
        key, ours, ref, diff = where
        flag = "OVER" if ratio > 1.0 else "ok"
        if ratio > 1.0:
            ok = False
        lines.append(f"  {q:9s} worst diff {diff:.4f} ({ratio:.2f} x tolerance) at t={key[0]} "
                     f"{key[1]}: ours {ours}, EPANET {ref}  {flag}")
    head = f"{name}: " if name else ""
    print(f"{head}{'PASS' if ok else 'FAIL'} ({len(ref_norder)} node rows, {len(ref_lorder)} link rows)")
    if not quiet or not ok:
        for l in lines:
            print(l)
    if disconnected:
        print(f"  {disconnected} rows of disconnected nodes (|pressure| > 1e4) compared to 1 %")
    if missing:
        print(f"  {len(missing)} rows missing from ours, first {missing[0]}")
    if extra:
        print(f"  {len(extra)} rows not in EPANET's, first {extra[0]}")
    if status_bad:
        print(f"  {len(status_bad)} status differences, first: t={status_bad[0][0][0]} "
              f"link {status_bad[0][0][1]} ours {status_bad[0][1]} EPANET {status_bad[0][2]}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
