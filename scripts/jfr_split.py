"""CPU split of an apply run from a JFR recording (scripts/bench.sh).

Reads `jfr print --json --events jdk.ExecutionSample,jdk.GCPhasePause,jdk.Compilation FILE` from
stdin and prints the share of the CPU samples per pipeline stage: key or parse when the stack holds
their entry point, else the first frame (from the top of the stack) that belongs to a known stage;
plus the JIT's and GC's CPU.

Usage: jfr print --json --events ... rec.jfr | python3 jfr_split.py WALL_SECONDS CPU_SECONDS PRODUCTS [JIT_SECONDS]

JIT_SECONDS is the compilers' total from -XX:+CITime ("Total compilation time"); without it the
JIT's share is the sum of the recorded jdk.Compilation events, which the "profile" settings keep
only from 100 ms up, so it is a lower bound.
"""
import collections
import json
import os
import sys

# (stage, prefixes of a frame's class.method), tried from the top frame down; first match wins
STAGES = [
    ("parse (SMILES -> molecule)", ("org.openscience.cdk.smiles.SmilesParser", "uk.ac.ebi.beam.Parser",
                                    "org.openscience.cdk.smiles.BeamToCDK")),
    ("key (canonical SMILES)", ("org.transformpipeline.chem.CanonicalSmiles", "org.openscience.cdk.graph.invariant",
                                "org.openscience.cdk.smiles.SmilesGenerator", "org.openscience.cdk.smiles.CDKToBeam",
                                "uk.ac.ebi.beam.Generator", "uk.ac.ebi.beam.Functions")),
    ("match/apply (SMIRKS, checks)", ("org.openscience.cdk.smirks", "org.openscience.cdk.isomorphism",
                                      "org.openscience.cdk.smarts", "org.openscience.cdk.aromaticity",
                                      "org.openscience.cdk.graph", "org.transformpipeline.chem")),
    ("hashing + in-batch dedup", ("com.google.common.hash", "org.transformpipeline.pipeline.ProductKey",
                                  "org.transformpipeline.pipeline.TransformWorker")),
    ("cross-batch dedup", ("org.transformpipeline.pipeline.dedup",)),
    ("Parquet read/encode/write", ("org.apache.parquet", "org.apache.hadoop", "shaded.parquet",
                                   "com.github.luben.zstd", "org.transformpipeline.parquet",
                                   "org.transformpipeline.run")),
    ("pipeline (queue, reorder, progress)", ("org.transformpipeline.pipeline",)),
]


# Entry points of key and parse, each looked for along the whole stack, key first: the CDK code
# they call (aromaticity, graph invariants, ring search) would otherwise count as match/apply, and
# the key's own check (ProductEnumerator.key re-reads a re-kekulised product's key with Beam's
# parser) would count as parse, though the kernel's timers count it in the key.
ENTRIES = [
    ("key (canonical SMILES)", ("org.transformpipeline.chem.CanonicalSmiles",
                                "org.transformpipeline.chem.ProductEnumerator.key")),
    ("parse (SMILES -> molecule)", ("org.openscience.cdk.smiles.SmilesParser", "uk.ac.ebi.beam.Parser")),
]


def frame_name(frame):
    method = frame.get("method", {})
    return (method.get("type", {}).get("name", "") + "." + method.get("name", "")).replace("/", ".")


def stage_of(frames):
    names = [frame_name(frame) for frame in frames]
    for stage, prefixes in ENTRIES:
        if any(name.startswith(prefixes) for name in names):
            return stage
    for name in names:
        for stage, prefixes in STAGES:
            if name.startswith(prefixes):
                return stage
    return "other (JDK, CDK object model)"


def main():
    wall, cpu, products = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    events = json.load(sys.stdin)["recording"]["events"]
    samples = collections.Counter()
    gc_pause = 0.0
    jit = 0.0
    for e in events:
        kind = e["type"]
        v = e["values"]
        if kind == "jdk.ExecutionSample":
            samples[stage_of(v["stackTrace"]["frames"])] += 1
        elif kind == "jdk.GCPhasePause":
            gc_pause += seconds(v["duration"])
        elif kind == "jdk.Compilation":
            jit += seconds(v["duration"])
    total = sum(samples.values()) or 1
    # JFR samples at most a few Java threads per 10 ms period, so the number of samples is not the
    # Java threads' CPU (a 120 s run on 2 workers gave 10,001 samples, not 24,000). The shares of
    # the samples are what holds; the absolute CPU comes from outside: the JIT's compile time
    # (-XX:+CITime, the compiler threads' CPU), GC as pauses x cores (the parallel collector pauses
    # with every core busy), and the rest of the process CPU is the Java threads', split by share.
    if len(sys.argv) > 4 and sys.argv[4]:
        jit = float(sys.argv[4])
    gc_cpu = min(gc_pause * os.cpu_count(), cpu)
    native_cpu = min(jit, cpu - gc_cpu)
    java_cpu = cpu - gc_cpu - native_cpu
    print(f"  CPU split ({total:,} samples; {cpu:.1f} s CPU, {1e6 * cpu / products:.1f} us CPU per product):")
    for stage, n in samples.most_common():
        share = n / total
        print(f"    {stage:<38}{100 * share * java_cpu / cpu:5.1f}%  {1e6 * share * java_cpu / products:6.1f} us/product")
    print(f"    {'JIT compilers':<38}{100 * native_cpu / cpu:5.1f}%  {1e6 * native_cpu / products:6.1f} us/product")
    print(f"    {'GC (pauses x cores)':<38}{100 * gc_cpu / cpu:5.1f}%  {1e6 * gc_cpu / products:6.1f} us/product")
    print(f"    GC pauses: {gc_pause:.2f} s of {wall:.1f} s wall ({100 * gc_pause / wall:.1f}%)")


def seconds(duration):
    # JFR JSON durations: "PT0.001234S" or a number of nanoseconds
    if isinstance(duration, (int, float)):
        return duration / 1e9
    text = duration.strip("PTS")
    total = 0.0
    for unit, scale in (("H", 3600), ("M", 60)):
        if unit in text:
            head, text = text.split(unit, 1)
            total += float(head) * scale
    return total + (float(text) if text else 0.0)


if __name__ == "__main__":
    main()
