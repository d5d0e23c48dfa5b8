#!/usr/bin/env node
// The same search quality figures as `motcua eval` (MRR@10, recall@5, overall and per kind of
// query), for three JavaScript search libraries on the same catalog and query file:
// MiniSearch, FlexSearch and Fuse.js, each configured at its best for Vietnamese (folding,
// prefix, fuzzy). Each library is tried in a few reasonable configurations; the best one (by
// MRR@10, then recall@5) is reported, and named. Also times index building and queries in Node.
//
//   node bench/peers.mjs --catalog FILE --queries FILE [--json | --json-out FILE] [--quick]
//
// --json prints JSON instead of the tables; --json-out also writes it to FILE; --quick times one
// pass only (for trying things out).
//
// What is shared by all three, so that only the libraries differ:
//   - folding: NFD, combining marks removed, đ→d, lowercase, y→i (ký/kí, lý/lí), words split on
//     anything that is not a-z or 0-9 — the rules of src/fold.rs;
//   - fields and weights, in the spirit of our engine's: friendly name 3.5, official name 3,
//     code 3, keywords 2.5, results 1.5, field 0.8;
//   - repealed procedures are moved after those in force (our engine does so too);
//   - which answers count: a commune catalog (top-level "commune") uses the query's `commune`
//     codes, a national one its `national` codes, each kept to the codes the catalog has; a query
//     left with none is skipped (as src/eval.rs does).
// Choosing the best configuration on the very queries it is scored on flatters the libraries a
// little; that is deliberate (the comparison should not be won by a poor configuration).

import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";

import MiniSearch from "minisearch";
import FlexSearch from "flexsearch";
import Fuse from "fuse.js";

// Not require("x/package.json"): MiniSearch's exports map does not allow it.
const versionOf = (name) =>
    JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
const VERSIONS = { MiniSearch: versionOf("minisearch"), FlexSearch: versionOf("flexsearch"), "Fuse.js": versionOf("fuse.js") };

// ------------------------------------------------------------------------------------------------
// Command line

function usage(message) {
    if (message) console.error(`peers: ${message}`);
    console.error("usage: node bench/peers.mjs --catalog FILE --queries FILE [--json | --json-out FILE] [--quick]");
    process.exit(2);
}

function parseArgs(argv) {
    const args = { json: false, quick: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const valued = { "--catalog": "catalog", "--queries": "queries", "--json-out": "jsonOut" }[a];
        if (valued) {
            if (i + 1 >= argv.length) usage(`${a} needs a value`);
            args[valued] = argv[++i];
        } else if (a === "--json") args.json = true;
        else if (a === "--quick") args.quick = true; // one timed pass: for trying things out
        else if (a === "-h" || a === "--help") usage();
        else usage(`unknown argument ${a}`);
    }
    if (!args.catalog) usage("--catalog is needed");
    if (!args.queries) usage("--queries is needed");
    return args;
}

// ------------------------------------------------------------------------------------------------
// Folding (src/fold.rs)

export function fold(text) {
    return text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[đĐ]/g, "d")
        .toLowerCase()
        .replace(/y/g, "i");
}

export function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

const foldedText = (text) => words(text).join(" ");

// ------------------------------------------------------------------------------------------------
// Catalog, queries, figures

const WEIGHTS = { friendly: 3.5, name: 3, code: 3, keywords: 2.5, results: 1.5, field: 0.8 };
const FIELDS = Object.keys(WEIGHTS);
// How many results each library returns before repealed procedures are moved last.
const CANDIDATES = 50;

function loadCatalog(path) {
    const catalog = JSON.parse(readFileSync(path, "utf8"));
    if (catalog.format !== "motcua-catalog") throw new Error(`${path}: not a motcua catalog`);
    const docs = catalog.procedures.map((p, id) => ({
        id,
        // With and without its dots, as people type it both ways ("1.001193", "1001193").
        code: `${p.code} ${p.code.replace(/\./g, "")}`,
        friendly: p.friendly_name ?? "",
        name: p.name ?? "",
        keywords: p.keywords ?? [],
        results: p.results ?? [],
        field: p.field ?? "",
    }));
    const repealed = new Uint8Array(docs.length);
    catalog.procedures.forEach((p, i) => (repealed[i] = p.lifecycle?.status === "repealed" ? 1 : 0));
    return { commune: catalog.commune != null, docs, codes: catalog.procedures.map((p) => p.code), repealed };
}

function loadQueries(path, catalog) {
    const set = JSON.parse(readFileSync(path, "utf8"));
    if (set.format !== "motcua-queries") throw new Error(`${path}: not a query file (format motcua-queries)`);
    const codes = new Map(catalog.codes.map((c, id) => [c, id]));
    const counted = [];
    let skipped = 0;
    for (const q of set.queries) {
        const answers = catalog.commune ? q.commune : q.national;
        const wanted = (answers ?? []).filter((c) => codes.has(c));
        if (wanted.length === 0) skipped++;
        else counted.push({ q: q.q, kind: q.kind, wanted: new Set(wanted.map((c) => codes.get(c))) });
    }
    return { counted, skipped, total: set.queries.length };
}

/** Moves repealed procedures after those in force, keeping order otherwise; cuts to 10. */
function demoteRepealed(ids, repealed) {
    const inForce = ids.filter((id) => !repealed[id]);
    const gone = ids.filter((id) => repealed[id]);
    return inForce.concat(gone).slice(0, 10);
}

function figures(rows) {
    const sums = new Map();
    for (const { kind, rank } of rows) {
        for (const key of ["", kind]) {
            const s = sums.get(key) ?? { queries: 0, mrr: 0, recall: 0 };
            s.queries++;
            if (rank !== null) s.mrr += 1 / rank;
            if (rank !== null && rank <= 5) s.recall++;
            sums.set(key, s);
        }
    }
    const out = (s) => ({ queries: s.queries, mrr_at_10: s.mrr / s.queries, recall_at_5: s.recall / s.queries });
    const byKind = {};
    for (const [k, s] of [...sums].sort(([a], [b]) => a.localeCompare(b))) if (k) byKind[k] = out(s);
    return { overall: sums.has("") ? out(sums.get("")) : { queries: 0, mrr_at_10: 0, recall_at_5: 0 }, by_kind: byKind };
}

function percentile(sorted, p) {
    if (sorted.length === 0) return 0;
    const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
    return sorted[Math.max(0, i)];
}

// ------------------------------------------------------------------------------------------------
// Memory: V8 heap growth while an index is held (gc exposed at run time).

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
function heapUsed() {
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
}

// ------------------------------------------------------------------------------------------------
// The libraries. Each configuration: { name, build(docs) -> index, search(index, query) -> ids }.

const MINISEARCH_OPTIONS = {
    fields: FIELDS,
    idField: "id",
    // Arrays (keywords, results) are joined; every field is folded into words.
    extractField: (doc, field) => {
        const v = doc[field];
        return Array.isArray(v) ? v.join(" ; ") : v;
    },
    tokenize: (text) => words(text),
    processTerm: (term) => term, // already folded
};

function miniSearchConfigs() {
    const build = (docs) => {
        const ms = new MiniSearch(MINISEARCH_OPTIONS);
        ms.addAll(docs);
        return ms;
    };
    const ids = (results) => results.slice(0, CANDIDATES).map((r) => r.id);
    const base = { boost: WEIGHTS, prefix: true, fuzzy: 0.2 };
    // MiniSearch weighs a fuzzy match 0.45 and a prefix match 0.375 of an exact one by default;
    // among Vietnamese syllables a slip is often another word (dang/dong), so less is better.
    const typing = {
        boost: WEIGHTS,
        combineWith: "OR",
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
        weights: { fuzzy: 0.1, prefix: 0.3 },
    };
    return [
        {
            name: "OR, prefix, fuzzy 0.2",
            build,
            search: (ms, q) => ids(ms.search(q, { ...base, combineWith: "OR" })),
        },
        {
            name: "AND then OR, prefix, fuzzy 0.2",
            build,
            search: (ms, q) => {
                const all = ids(ms.search(q, { ...base, combineWith: "AND" }));
                if (all.length >= 10) return all;
                const seen = new Set(all);
                for (const id of ids(ms.search(q, { ...base, combineWith: "OR" }))) {
                    if (!seen.has(id)) all.push(id);
                }
                return all;
            },
        },
        {
            name: "OR, prefix, fuzzy 0.2, weights fuzzy 0.1 prefix 0.3",
            build,
            search: (ms, q) => ids(ms.search(q, { ...base, combineWith: "OR", weights: typing.weights })),
        },
        {
            name: "OR, prefix on last word, fuzzy 0.2 on words of 4+, weights fuzzy 0.1 prefix 0.3",
            build,
            search: (ms, q) => ids(ms.search(q, typing)),
        },
    ];
}

function flexSearchConfigs() {
    const { Document, Encoder, Charset } = FlexSearch;
    // The folding, as FlexSearch's normalize step; split on what is not a-z/0-9; codes kept whole.
    const foldEncoder = () => new Encoder({ normalize: foldedText, split: /[^a-z0-9]+/, numeric: false, dedupe: false });
    const phoneticEncoder = () =>
        new Encoder(Charset.LatinBalance, { normalize: foldedText, split: /[^a-z0-9]+/, numeric: false });
    // FlexSearch scores a match by the word's position only, squeezed into `resolution` slots, so
    // a long name scores like a short one (and ties go to the document added first). This score
    // (FlexSearch's documented `score` option) also makes longer texts rank lower.
    const RESOLUTION = 16;
    const lengthAware = (content, _term, i) => Math.min(RESOLUTION - 1, Math.floor((i + content.length) / 3));
    const make = (encoder, fieldOptions = {}) => (docs) => {
        const index = new Document({
            document: {
                id: "id",
                index: FIELDS.map((field) => ({ field, tokenize: "forward", encoder: encoder(), ...fieldOptions })),
            },
        });
        for (const d of docs) {
            index.add({ ...d, keywords: d.keywords.join(" ; "), results: d.results.join(" ; ") });
        }
        return index;
    };
    // FlexSearch ranks within each field but returns no scores: the fields' lists are fused by
    // weighted reciprocal rank, sum over fields of weight / (5 + rank).
    const fused = (index, q) => {
        const perField = index.search(q, { limit: CANDIDATES, suggest: true });
        const score = new Map();
        for (const { field, result } of perField) {
            result.forEach((id, rank) => score.set(id, (score.get(id) ?? 0) + WEIGHTS[field] / (5 + rank)));
        }
        return [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES).map(([id]) => id);
    };
    return [
        { name: "forward, folding, suggest", build: make(foldEncoder, { resolution: 9 }), search: fused },
        {
            name: "forward, folding, length-aware score, suggest",
            build: make(foldEncoder, { resolution: RESOLUTION, score: lengthAware }),
            search: fused,
        },
        {
            name: "forward, folding + LatinBalance, length-aware score, suggest",
            build: make(phoneticEncoder, { resolution: RESOLUTION, score: lengthAware }),
            search: fused,
        },
        {
            name: "tolerant, folding, length-aware score, suggest",
            build: make(foldEncoder, { tokenize: "tolerant", resolution: RESOLUTION, score: lengthAware }),
            search: fused,
        },
    ];
}

function fuseConfigs() {
    const keys = FIELDS.map((name) => ({ name, weight: WEIGHTS[name] }));
    // Fuse.js has no folding of its own that knows đ or y/i: documents and queries are folded here.
    const build = (options) => (docs) =>
        new Fuse(
            docs.map((d) => ({
                id: d.id,
                code: d.code,
                friendly: foldedText(d.friendly),
                name: foldedText(d.name),
                keywords: d.keywords.map(foldedText),
                results: d.results.map(foldedText),
                field: foldedText(d.field),
            })),
            { keys, includeScore: true, ignoreLocation: true, ...options },
        );
    const search = (fuse, q) => fuse.search(foldedText(q), { limit: CANDIDATES }).map((r) => r.item.id);
    return [
        { name: "fuzzy pattern, threshold 0.3", build: build({ threshold: 0.3 }), search },
        { name: "fuzzy pattern, threshold 0.4", build: build({ threshold: 0.4 }), search },
        {
            name: "token search (TF-IDF), any word, threshold 0.35",
            build: build({ threshold: 0.35, useTokenSearch: true, tokenize: (t) => t.split(" ").filter(Boolean) }),
            search,
        },
        {
            name: "token search (TF-IDF), all words, threshold 0.35",
            build: build({
                threshold: 0.35,
                useTokenSearch: true,
                tokenMatch: "all",
                tokenize: (t) => t.split(" ").filter(Boolean),
            }),
            search,
        },
    ];
}

// ------------------------------------------------------------------------------------------------
// Running one configuration

function run(config, catalog, queries, quick) {
    // Build: the first, and the median of three.
    const builds = [];
    let index = null;
    for (let i = 0; i < 3; i++) {
        index = null;
        const t0 = performance.now();
        index = config.build(catalog.docs);
        builds.push(performance.now() - t0);
    }
    const buildSorted = [...builds].sort((a, b) => a - b);
    // Memory: what the heap loses when the index is dropped (measured that way round so that
    // code compiled by the first build is on both sides).
    const held = heapUsed();
    index = null;
    const heapBytes = held - heapUsed();
    index = config.build(catalog.docs);

    // Quality: one pass, also timed.
    const timed = (q) => {
        const t0 = performance.now();
        const top = demoteRepealed(config.search(index, q), catalog.repealed);
        return [top, performance.now() - t0];
    };
    let times = [];
    const rows = queries.counted.map((q) => {
        const [top, t] = timed(q.q);
        times.push(t);
        const at = top.findIndex((id) => q.wanted.has(id));
        return { q: q.q, kind: q.kind, rank: at < 0 ? null : at + 1, top };
    });

    // Speed: when that pass was quick (under 1.5 s) it was only the warm-up, and timed passes
    // follow until 1.5 s (1 to 20 passes); a slow library keeps the times of that one pass
    // (JIT warm-up is lost in queries of many milliseconds).
    let passes = 1;
    const firstPass = times.reduce((s, t) => s + t, 0);
    if (!quick && firstPass < 1500) {
        times = [];
        passes = 0;
        const started = performance.now();
        while (passes < 20 && (passes < 1 || performance.now() - started < 1500)) {
            for (const q of queries.counted) times.push(timed(q.q)[1]);
            passes++;
        }
    }
    times.sort((a, b) => a - b);
    return {
        config: config.name,
        ...figures(rows),
        build_ms: { first: builds[0], median: buildSorted[1] },
        query_ms: {
            mean: times.reduce((s, t) => s + t, 0) / Math.max(1, times.length),
            p50: percentile(times, 50),
            p95: percentile(times, 95),
            max: times.at(-1) ?? 0,
            samples: times.length,
            passes,
        },
        heap_mb: heapBytes / 1e6,
        misses: rows.filter((r) => r.rank !== 1).map((r) => ({ q: r.q, kind: r.kind, rank: r.rank })),
    };
}

function better(a, b) {
    // True when a beats b: MRR@10, then recall@5, then speed.
    const d = a.overall.mrr_at_10 - b.overall.mrr_at_10;
    if (Math.abs(d) > 1e-9) return d > 0;
    const r = a.overall.recall_at_5 - b.overall.recall_at_5;
    if (Math.abs(r) > 1e-9) return r > 0;
    return a.query_ms.p95 < b.query_ms.p95;
}

// ------------------------------------------------------------------------------------------------
// Output

const f3 = (x) => x.toFixed(3);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const line = (cells) =>
        cells.map((c, i) => (i < 2 ? pad(c, widths[i]) : lpad(c, widths[i]))).join("  ").trimEnd();
    return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function report(result) {
    const { catalog, queries, libraries } = result;
    const out = [];
    out.push(
        `Peers on ${catalog.path}: ${catalog.procedures} procedures (${catalog.commune ? "commune" : "national"} catalog); ` +
            `${queries.counted} queries counted, ${queries.skipped} skipped (no answer in this catalog)`,
    );
    out.push(`Node ${process.versions.node}; query times include folding the query and fusing/reordering results.`);
    out.push("");
    out.push("Best configuration of each library:");
    out.push(
        table(
            ["library", "configuration", "MRR@10", "R@5", "build ms", "mean ms", "p95 ms", "heap MB"],
            libraries.map((l) => [
                `${l.library} ${l.version}`,
                l.best.config,
                f3(l.best.overall.mrr_at_10),
                f3(l.best.overall.recall_at_5),
                ms(l.best.build_ms.median),
                ms(l.best.query_ms.mean),
                ms(l.best.query_ms.p95),
                l.best.heap_mb.toFixed(1),
            ]),
        ),
    );
    out.push("");
    const kinds = [...new Set(libraries.flatMap((l) => Object.keys(l.best.by_kind)))].sort();
    out.push("Per kind, best configuration (MRR@10 / recall@5):");
    out.push(
        table(
            ["kind", "n", ...libraries.map((l) => l.library)],
            kinds.map((k) => [
                k,
                libraries[0].best.by_kind[k]?.queries ?? 0,
                ...libraries.map((l) => {
                    const f = l.best.by_kind[k];
                    return f ? `${f3(f.mrr_at_10)} / ${f3(f.recall_at_5)}` : "-";
                }),
            ]),
        ),
    );
    out.push("");
    out.push("Every configuration tried:");
    out.push(
        table(
            ["library", "configuration", "MRR@10", "R@5", "build ms", "mean ms", "p95 ms"],
            libraries.flatMap((l) =>
                l.configs.map((c) => [
                    l.library + (c === l.best ? " *" : ""),
                    c.config,
                    f3(c.overall.mrr_at_10),
                    f3(c.overall.recall_at_5),
                    ms(c.build_ms.median),
                    ms(c.query_ms.mean),
                    ms(c.query_ms.p95),
                ]),
            ),
        ),
    );
    out.push("(* = best; build = median of 3 builds; heap = V8 heap + array buffers held by the index after GC)");
    return out.join("\n");
}

// ------------------------------------------------------------------------------------------------

function main() {
    const args = parseArgs(process.argv.slice(2));
    const catalog = loadCatalog(args.catalog);
    const queries = loadQueries(args.queries, catalog);
    const libraries = [
        ["MiniSearch", miniSearchConfigs()],
        ["FlexSearch", flexSearchConfigs()],
        ["Fuse.js", fuseConfigs()],
    ].map(([library, configs]) => {
        const results = configs.map((c) => run(c, catalog, queries, args.quick));
        const best = results.reduce((a, b) => (better(b, a) ? b : a));
        return { library, version: VERSIONS[library], best, configs: results };
    });
    const result = {
        catalog: { path: args.catalog, procedures: catalog.docs.length, commune: catalog.commune },
        queries: { path: args.queries, total: queries.total, counted: queries.counted.length, skipped: queries.skipped },
        node: process.versions.node,
        weights: WEIGHTS,
        libraries,
    };
    const text = report(result);
    // Misses are long; keep them for the best configurations only.
    for (const l of libraries) for (const c of l.configs) if (c !== l.best) delete c.misses;
    const json = JSON.stringify(result, null, 2);
    if (args.jsonOut) writeFileSync(args.jsonOut, json + "\n");
    console.log(args.json ? json : text);
}

try {
    main();
} catch (e) {
    console.error(`peers: ${e.message}`);
    process.exit(1);
}
