#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: hottest frames (self), hottest rtsp4j frames (inclusive) and
the allocation samples by allocating frame.

    jfr print --json --events jdk.ExecutionSample,jdk.ObjectAllocationSample rec.jfr > rec.json
    bench/jfr-hot.py rec.json [top]
"""
import collections
import json
import sys


def frame_name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


def main():
    data = json.load(open(sys.argv[1]))
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    events = data["recording"]["events"]
    self_count = collections.Counter()
    incl = collections.Counter()
    threads = collections.Counter()
    alloc = collections.Counter()
    alloc_type = collections.Counter()
    samples = 0
    for e in events:
        v = e["values"]
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if e["type"] == "jdk.ExecutionSample":
            samples += 1
            threads[(v.get("sampledThread") or {}).get("javaName", "?")] += 1
            if frames:
                self_count[frame_name(frames[0])] += 1
            seen = set()
            for f in frames:
                n = frame_name(f)
                if n.startswith("io.rtsp4j") and n not in seen:
                    seen.add(n)
                    incl[n] += 1
        elif e["type"] == "jdk.ObjectAllocationSample":
            w = v.get("weight", 1)
            cls = (v.get("objectClass") or {}).get("name", "?")
            alloc_type[cls] += w
            site = next((frame_name(f) for f in frames if frame_name(f).startswith("io.rtsp4j")),
                        frame_name(frames[0]) if frames else "?")
            alloc[cls + " <- " + site] += w
    print(f"execution samples: {samples}")
    print("threads:", ", ".join(f"{t} {c}" for t, c in threads.most_common(8)))
    print(f"\n-- self (top frame), top {top}")
    for n, c in self_count.most_common(top):
        print(f"{100.0 * c / max(1, samples):6.1f}%  {n}")
    print(f"\n-- rtsp4j frames, inclusive, top {top}")
    for n, c in incl.most_common(top):
        print(f"{100.0 * c / max(1, samples):6.1f}%  {n}")
    total = sum(alloc_type.values())
    if total:
        print(f"\n-- allocation (sampled weight {total / 1e6:.0f} MB), by class")
        for n, c in alloc_type.most_common(15):
            print(f"{100.0 * c / total:6.1f}%  {n}")
        print("\n-- allocation by class and first rtsp4j frame")
        for n, c in alloc.most_common(top):
            print(f"{100.0 * c / total:6.1f}%  {n}")


if __name__ == "__main__":
    main()
