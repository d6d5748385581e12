#!/usr/bin/env python3
"""Join benchmark JSON lines from two implementations and print ratios.

    python3 bench/compare.py torch.jsonl occam.jsonl [--base torch] [--other occam]

Records are joined on (workload, dtype, threads, batch, m, k, n); a missing
key field equals null.  Meta and skipped records are ignored.  Prints
other.median_ms / base.median_ms (> 1: `other` is slower), and both sides'
`value` where both records have one.  Standard library only.
"""

import argparse
import json
import sys

KEY = ("workload", "dtype", "threads", "batch", "m", "k", "n")
ORDER = ["gemm", "mlp_sgd_step", "mlp_hvp", "mlp_gnp_step", "mlp_jacobian_fro", "hessian_lanczos", "gc_exact",
         "mnist_epoch"]


def load(paths):
    recs = []
    for p in paths:
        with open(p) as f:
            for ln, line in enumerate(f, 1):
                line = line.strip()
                if not line.startswith("{"):
                    continue
                try:
                    r = json.loads(line)
                except ValueError:
                    sys.stderr.write("%s:%d: not JSON, ignored\n" % (p, ln))
                    continue
                if r.get("meta") or r.get("skipped"):
                    if r.get("skipped"):
                        sys.stderr.write("%s: %s skipped: %s\n" % (p, r.get("impl"), r.get("reason")))
                    continue
                if "median_ms" in r and "workload" in r:
                    recs.append(r)
    return recs


def key_of(r):
    return tuple(r.get(k) for k in KEY)


def sort_key(k):
    wl = ORDER.index(k[0]) if k[0] in ORDER else len(ORDER)
    return (k[1] or "", wl, str(k[0]), k[3] or 0, k[4] or 0, k[5] or 0, k[6] or 0, k[2] or 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", help="JSON-lines files (any mix of implementations)")
    ap.add_argument("--base", default="torch")
    ap.add_argument("--other", default="occam")
    a = ap.parse_args()
    by = {}
    for r in load(a.files):
        by.setdefault(r.get("impl"), {})[key_of(r)] = r  # last record wins
    base, other = by.get(a.base, {}), by.get(a.other, {})
    keys = sorted(set(base) & set(other), key=sort_key)
    if not keys:
        sys.stderr.write("no common keys between impl=%s (%d records) and impl=%s (%d records)\n"
                         % (a.base, len(base), a.other, len(other)))
        return 1
    print("%-17s %-8s %-16s %3s %12s %12s %9s" % ("workload", "dtype", "shape", "t",
                                                 a.base + " ms", a.other + " ms", a.other + "/" + a.base))
    for k in keys:
        b, o = base[k], other[k]
        wl, dt, t, batch, m, kk, n = k
        shape = ("b=%d" % batch) if batch is not None else ("%sx%sx%s" % (m, kk, n))
        ratio = o["median_ms"] / b["median_ms"] if b["median_ms"] else float("nan")
        print("%-17s %-8s %-16s %3s %12.3f %12.3f %8.2fx" % (wl, dt, shape, t, b["median_ms"], o["median_ms"], ratio))
    for k in keys:
        if base[k].get("value") is not None and other[k].get("value") is not None:
            hv = ""
            if base[k].get("hvp_count") is not None or other[k].get("hvp_count") is not None:
                hv = " (hvp_count %s %s, %s %s)" % (a.base, base[k].get("hvp_count"), a.other, other[k].get("hvp_count"))
            print("value %s %s t=%s: %s %.6g, %s %.6g%s" % (k[0], k[1], k[2], a.base, base[k]["value"],
                                                         a.other, other[k]["value"], hv))
    for name, side, against in ((a.base, base, other), (a.other, other, base)):
        missing = sorted(set(side) - set(against), key=sort_key)
        if missing:
            sys.stderr.write("only in %s: %d record(s), e.g. %s\n" % (name, len(missing), missing[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
