#!/usr/bin/env node
// The summary printed at the end of scripts/bench, from what its parts left in target/bench/, for
// each query set SET (a query file's name without .json):
//   eval-national-SET.txt, eval-commune-SET.txt   `motcua eval` output (the row named "all")
//   peers-national-SET.json, peers-commune-SET.json   bench/peers.mjs --json-out
// and browser.json, the MOTCUA_BENCH_JSON line of tests/search_bench.rs.
// A missing file leaves its figures out ("-"); so does a part not named in --parts (its files may
// be from an earlier run).
//
//   node bench/summary.mjs --dir target/bench [--parts "quality peers browser"]
//                          [--sets "search-queries search-queries-heldout"] [--chromium "Chromium 1.2.3"]

import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const args = { dir: "target/bench", parts: "quality peers browser", sets: "search-queries", chromium: "" };
for (let i = 2; i < process.argv.length; i++) {
    const key = { "--dir": "dir", "--parts": "parts", "--sets": "sets", "--chromium": "chromium" }[process.argv[i]];
    if (!key || i + 1 >= process.argv.length) {
        console.error("usage: node bench/summary.mjs --dir DIR [--parts PARTS] [--sets SETS] [--chromium VERSION]");
        process.exit(2);
    }
    args[key] = process.argv[++i];
}
const parts = new Set(args.parts.split(/\s+/));
const partOf = (name) => (name.startsWith("eval-") ? "quality" : name.startsWith("peers-") ? "peers" : "browser");

const file = (name) => path.join(args.dir, name);
const present = (name) => parts.has(partOf(name)) && existsSync(file(name));
const readJson = (name) => (present(name) ? JSON.parse(readFileSync(file(name), "utf8")) : null);

/** MRR@10 and recall@5 of the "all" row of `motcua eval`. */
function evalFigures(name) {
    if (!present(name)) return null;
    for (const line of readFileSync(file(name), "utf8").split("\n")) {
        const cells = line.trim().split(/\s+/);
        if (cells[0] === "all" && cells.length >= 4) {
            return { queries: Number(cells[1]), mrr: Number(cells[2]), recall: Number(cells[3]) };
        }
    }
    return null;
}

const f3 = (x) => (x == null || Number.isNaN(x) ? "-" : x.toFixed(3));
const pair = (f) => (f ? `${f3(f.mrr)} / ${f3(f.recall)}` : "-");
const line = (cells, widths) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ").trimEnd();

const cpu = os.cpus()[0]?.model?.trim() ?? "?";
console.log(`machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${os.type()} ${os.release()}`);
console.log(`browser: ${args.chromium || "?"}; Node ${process.versions.node}`);
console.log(`load average now (1, 5, 15 min): ${os.loadavg().map((x) => x.toFixed(2)).join(", ")}`);
const sets = args.sets.split(/\s+/).filter(Boolean);

// --- quality, per query set ------------------------------------------------------------------------
let anyEval = false;
let firstPeers = null;
for (const set of sets) {
    const peers = { national: readJson(`peers-national-${set}.json`), commune: readJson(`peers-commune-${set}.json`) };
    firstPeers ??= peers.national;
    const ours = { national: evalFigures(`eval-national-${set}.txt`), commune: evalFigures(`eval-commune-${set}.txt`) };
    anyEval ||= Boolean(ours.national || ours.commune);
    const rows = [["motcua (motcua eval)", pair(ours.national), pair(ours.commune)]];
    const libraries = [...new Set(Object.values(peers).filter(Boolean).flatMap((p) => p.libraries.map((l) => l.library)))];
    for (const library of libraries) {
        const cell = (p) => {
            const l = p?.libraries.find((x) => x.library === library);
            return l ? pair({ mrr: l.best.overall.mrr_at_10, recall: l.best.overall.recall_at_5 }) : "-";
        };
        const version = (peers.national ?? peers.commune).libraries.find((x) => x.library === library)?.version ?? "";
        rows.push([`${library} ${version}, best configuration`, cell(peers.national), cell(peers.commune)]);
    }
    const counted = (name) => peers[name]?.queries?.counted ?? ours[name]?.queries ?? "?";
    console.log("");
    console.log(`search quality on ${set}, MRR@10 / recall@5`);
    const qw = [38, 17, 17];
    console.log(line(["", `national (${counted("national")} q)`, `commune (${counted("commune")} q)`], qw));
    for (const r of rows) console.log(line(r, qw));
}
if (!anyEval) console.log("(no motcua eval figures: the quality part was not run, or motcua has no eval command yet)");

// --- speed ----------------------------------------------------------------------------------------
const b = readJson("browser.json");
console.log("");
if (!b) {
    console.log("speed and memory in headless Chromium: not measured (the browser part was not run or failed)");
} else {
    console.log(`speed and memory of motcua in headless Chromium, national catalog (${b.procedures} procedures, ${b.queries} queries)`);
    const sw = [44, 12, 10, 8];
    const verdict = (ok) => (ok ? "meets" : "MISSES");
    console.log(line(["", "measured", "target", ""], sw));
    console.log(line(["index build, median of 10", `${b.build.p50.toFixed(2)} ms`, "<= 50 ms", verdict(b.build.p50 <= 50)], sw));
    console.log(line(["index build, first", `${b.build_first_ms.toFixed(2)} ms`, "", ""], sw));
    console.log(line(["query p95, as the widget asks", `${b.query_all.p95.toFixed(3)} ms`, "<= 0.5 ms", verdict(b.query_all.p95 <= 0.5)], sw));
    console.log(line(["query p95, first 10", `${b.query_top10.p95.toFixed(3)} ms`, "", ""], sw));
    console.log(line(["query mean, as the widget asks", `${b.query_all.mean.toFixed(3)} ms`, "", ""], sw));
    console.log(line(["keystroke p95 (typing every prefix)", `${b.typing.p95.toFixed(3)} ms`, "", ""], sw));
    if (b.typing_life_events) {
        console.log(line(["  then the life-event filter's counts, p95", `${b.typing_life_events.p95.toFixed(3)} ms`, "", ""], sw));
    }
    console.log(line(["heap held by the index", `${(b.index_bytes / 1e6).toFixed(2)} MB`, "<= 5 MB", verdict(b.index_bytes <= 5e6)], sw));
}

// --- peers' speed, for comparison (Node, not the browser) -------------------------------------------
if (firstPeers) {
    console.log("");
    console.log(`peers on the national catalog, in Node (best configuration on ${sets[0]}): build median / query p95 / heap`);
    for (const l of firstPeers.libraries) {
        const c = l.best;
        console.log(`  ${`${l.library} ${l.version}`.padEnd(20)} ${c.build_ms.median.toFixed(0).padStart(6)} ms  ${c.query_ms.p95.toFixed(3).padStart(9)} ms  ${c.heap_mb.toFixed(1).padStart(6)} MB`);
    }
}
