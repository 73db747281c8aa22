#!/usr/bin/env python3
"""Sums a Chrome trace from `latentlab dev bench --profile` or `tools/conv_peer.py --profile` by operator.

Only top-level operators count (an event inside another on the same thread is its child), so the
totals add up to the profiled wall time on each thread and nothing is counted twice.

    python3 tools/profile_summary.py ours.json peer.json
"""
import collections, json, sys


def top_level(events):
    """Complete events ('X') not nested in another event of the same thread."""
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            by_thread[(e.get("pid"), e.get("tid"))].append(e)
    for evs in by_thread.values():
        evs.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        end = -1.0
        for e in evs:
            ts, dur = float(e["ts"]), float(e["dur"])
            if ts >= end:
                yield e
                end = ts + dur


def summary(path):
    with open(path) as f:
        trace = json.load(f)
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    totals, counts = collections.Counter(), collections.Counter()
    for e in top_level(events):
        totals[e["name"]] += float(e["dur"]) / 1000.0
        counts[e["name"]] += 1
    return totals, counts


def main():
    tables = [summary(p) for p in sys.argv[1:]]
    names = sorted({n for t, _ in tables for n in t}, key=lambda n: -max(t.get(n, 0) for t, _ in tables))
    print("| operator | " + " | ".join(f"{p} ms (calls)" for p in sys.argv[1:]) + " |")
    print("| --- |" + " --- |" * len(tables))
    for n in names[:25]:
        cells = [f"{t.get(n, 0):.0f} ({c.get(n, 0)})" for t, c in tables]
        print(f"| {n} | " + " | ".join(cells) + " |")
    print("| **all** | " + " | ".join(f"{sum(t.values()):.0f}" for t, _ in tables) + " |")


if __name__ == "__main__":
    main()
