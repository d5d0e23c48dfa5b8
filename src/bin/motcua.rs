//! `motcua`: build, check and search catalogs from the command line.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use motcua::catalog;
use motcua::date::Date;
use motcua::import::national::{self, Scope};
use motcua::import::{life_events, portal_api};
use motcua::overlay;
use motcua::search::Index;

const USAGE: &str = "\
motcua — catalogs of administrative procedures for the one-stop-desk widget

Usage:
  motcua import national <DIR> -o <FILE> [--commune] [--portal-api PATH]... [--overlay FILE]
                                         [--date YYYY-MM-DD] [--split]
      Build a catalog from the national dataset (index.csv + procedures.jsonl in DIR).
      --commune keeps the procedures handled at commune level; --portal-api adds the portal's
      own API records (files or directories of *.json: fees, time units, cases), which replace
      the dataset's record of the same code; --overlay applies a commune overlay
      (docs/overlay-format.md): nothing is written if it names a code the catalog lacks;
      --split writes the split form (see motcua split) instead of one file.
  motcua import portal-api <PATH>... -o <FILE> [--overlay FILE] [--date YYYY-MM-DD] [--split]
      Build a catalog from API records alone.
  motcua split <CATALOG> -o <FILE>
      Write a catalog in its split form, for slow networks: the index (what search needs) to
      FILE, and each procedure's full record to FOLDER/<code>.json, FOLDER being FILE's name
      without .json, beside it. The widget fetches a record when its procedure is opened.
  motcua check <FILE> [--strict] [--max-age DAYS]
      Validate a catalog: exit 0 when valid, otherwise list the problems. Also lists warnings
      (no portal id, paper without counts, catalog older than DAYS, default 180);
      --strict fails on warnings too.
  motcua search --catalog <FILE> [--limit N] [--json] <QUERY>
      Search a catalog; --json prints [{\"code\",\"name\",\"score\"}], best first.
  motcua eval --catalog <FILE> --queries <FILE> [--misses]
      Measure search on a query file (tests/search-queries.json): MRR@10 and recall@5,
      overall and per kind of query; --misses lists the queries whose answer was not first.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("import") => import(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("split") => split(&args[1..]),
        Some("search") => search(&args[1..]),
        Some("eval") => eval(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    result.unwrap_or_else(|message| {
        eprintln!("motcua: {message}");
        ExitCode::from(2)
    })
}

/// Command-line arguments split into flags with values, switches and positionals.
struct Args {
    positional: Vec<String>,
    values: Vec<(String, String)>,
    switches: Vec<String>,
}

impl Args {
    fn parse(args: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args, String> {
        let mut parsed = Args { positional: Vec::new(), values: Vec::new(), switches: Vec::new() };
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if with_value.contains(&arg.as_str()) {
                let value = iter.next().ok_or_else(|| format!("{arg} needs a value"))?;
                parsed.values.push((arg.clone(), value.clone()));
            } else if switches.contains(&arg.as_str()) {
                parsed.switches.push(arg.clone());
            } else if arg.starts_with('-') && arg.len() > 1 {
                return Err(format!("unknown option {arg}\n\n{USAGE}"));
            } else {
                parsed.positional.push(arg.clone());
            }
        }
        Ok(parsed)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.values.iter().filter(move |(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

fn import(args: &[String]) -> Result<ExitCode, String> {
    let args =
        Args::parse(args, &["-o", "--output", "--date", "--portal-api", "--overlay"], &["--commune", "--split"])?;
    let Some((kind, paths)) = args.positional.split_first() else {
        return Err(format!("import needs a kind (national or portal-api)\n\n{USAGE}"));
    };
    let output = args.value("-o").or(args.value("--output")).ok_or("import needs -o <FILE>")?;
    let generated_at = args.value("--date").map(str::to_owned).unwrap_or_else(|| today().to_string());
    let (mut catalog, read) = match kind.as_str() {
        "national" => {
            let [dir] = paths else { return Err(format!("import national needs one directory\n\n{USAGE}")) };
            let scope = if args.switch("--commune") { Scope::Commune } else { Scope::All };
            let imported = national::import(&PathBuf::from(dir), &national::Options { scope, generated_at })
                .map_err(|e| e.to_string())?;
            let mut catalog = imported.catalog;
            let api: Vec<PathBuf> = args.values("--portal-api").map(PathBuf::from).collect();
            let mut read = format!("{} index rows and {} detail records", imported.index_rows, imported.detail_records);
            if !api.is_empty() {
                let records = portal_api::read(&api).map_err(|e| e.to_string())?;
                read += &format!(", {} portal API records", records.len());
                portal_api::merge(&mut catalog, records, |p| scope == Scope::All || p.is_commune_level());
            }
            (catalog, read)
        }
        "portal-api" => {
            if paths.is_empty() {
                return Err(format!("import portal-api needs files or directories\n\n{USAGE}"));
            }
            let records =
                portal_api::read(&paths.iter().map(PathBuf::from).collect::<Vec<_>>()).map_err(|e| e.to_string())?;
            let read = format!("{} portal API records", records.len());
            let mut catalog = portal_api::empty_catalog(&generated_at);
            portal_api::merge(&mut catalog, records, |_| true);
            (catalog, read)
        }
        other => return Err(format!("unknown import kind {other:?} (known: national, portal-api)")),
    };
    catalog.life_events = life_events::life_events(&catalog.procedures);
    catalog.journeys = life_events::journeys(&catalog.procedures);
    if let Some(path) = args.value("--overlay") {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let overlay = overlay::parse(&text).map_err(|e| format!("{path}: {e}"))?;
        let problems = overlay::apply(&mut catalog, &overlay);
        if !problems.is_empty() {
            for problem in &problems {
                eprintln!("{path}: error: {problem}");
            }
            return Err(format!("{path}: {} problems; nothing written", problems.len()));
        }
    }
    if args.switch("--split") {
        write_split(&catalog, output)?;
    } else {
        write_json(&catalog, output)?;
    }
    let detailed = catalog.procedures.iter().filter(|p| p.has_details()).count();
    eprintln!("read {read}; wrote {} procedures ({detailed} with details) to {output}", catalog.procedures.len());
    Ok(ExitCode::SUCCESS)
}

fn write_json(value: &impl serde::Serialize, path: &str) -> Result<(), String> {
    let json = serde_json::to_string(value).map_err(|e| format!("cannot write {path}: {e}"))?;
    std::fs::write(path, json + "\n").map_err(|e| format!("{path}: {e}"))
}

/// Writes `catalog`'s index to `output` and its records to the folder named after it.
fn write_split(catalog: &catalog::Catalog, output: &str) -> Result<(), String> {
    let path = std::path::Path::new(output);
    let folder = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".json"))
        .filter(|n| !n.is_empty())
        .ok_or_else(|| format!("{output}: the index's file name must end in .json"))?;
    let split = catalog::split(catalog, folder);
    let beside = path.parent().unwrap_or(std::path::Path::new(""));
    let dir = beside.join(folder);
    // Records of procedures no longer in the catalog must not stay behind.
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (file, procedure) in &split.details {
        write_json(procedure, &beside.join(file).display().to_string())?;
    }
    let (summaries_file, summaries) = &split.summaries;
    let summaries_path = beside.join(summaries_file).display().to_string();
    write_json(summaries, &summaries_path)?;
    write_json(&split.index, output)?;
    eprintln!(
        "wrote the index to {output}, its summaries to {summaries_path} and {} records to {}",
        split.details.len(),
        dir.display()
    );
    Ok(())
}

fn split(args: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(args, &["-o", "--output"], &[])?;
    let [path] = args.positional.as_slice() else {
        return Err(format!("split needs one catalog file\n\n{USAGE}"));
    };
    let output = args.value("-o").or(args.value("--output")).ok_or("split needs -o <FILE>")?;
    let loaded = read_catalog(path)?;
    if let Some(problem) = loaded.problems.first() {
        return Err(format!("{path}: {} problems (first: {problem}); run motcua check", loaded.problems.len()));
    }
    if loaded.catalog.details.is_some() {
        return Err(format!("{path} is already split"));
    }
    write_split(&loaded.catalog, output)?;
    Ok(ExitCode::SUCCESS)
}

fn read_catalog(path: &str) -> Result<catalog::Loaded, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    catalog::load(&text).map_err(|e| format!("{path}: {e}"))
}

/// In a split catalog, replaces each summary by its full record; a record that cannot be read
/// is a problem, and its summary stays.
fn read_details(path: &str, loaded: &mut catalog::Loaded) {
    let beside = std::path::Path::new(path).parent().unwrap_or(std::path::Path::new(""));
    for index in 0..loaded.catalog.procedures.len() {
        let p = &loaded.catalog.procedures[index];
        let Some(file) = p.detail_path(&loaded.catalog) else { continue };
        let code = p.code.clone();
        let read = std::fs::read_to_string(beside.join(&file))
            .map_err(|e| e.to_string())
            .and_then(|text| catalog::load_procedure(&text, &code).map_err(|e| e.to_string()));
        match read {
            Ok(full) => loaded.catalog.procedures[index] = full,
            Err(message) => loaded.problems.push(catalog::Problem {
                index,
                code: Some(code),
                path: String::new(),
                message: format!("its full record {file}: {message}"),
            }),
        }
    }
}

fn check(args: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(args, &["--max-age"], &["--strict"])?;
    let [path] = args.positional.as_slice() else {
        return Err(format!("check needs one catalog file\n\n{USAGE}"));
    };
    let max_age = match args.value("--max-age") {
        Some(n) => n.parse().map_err(|_| format!("--max-age takes a number of days, not {n:?}"))?,
        None => catalog::DEFAULT_MAX_AGE_DAYS,
    };
    let strict = args.switch("--strict");
    let mut loaded = read_catalog(path)?;
    read_details(path, &mut loaded);
    let warnings = catalog::warnings(&loaded.catalog, today(), max_age);
    for problem in &loaded.problems {
        println!("{path}: error: {problem}");
    }
    for warning in &warnings {
        println!("{path}: warning: {warning}");
    }
    let count = loaded.catalog.procedures.len();
    let (errors, warned) = (loaded.problems.len(), warnings.len());
    let failed = errors > 0 || (strict && warned > 0);
    match (errors, warned) {
        (0, 0) => println!("{path}: valid, {count} procedures"),
        (0, _) => println!(
            "{path}: valid, {count} procedures; {warned} warnings{}",
            if strict { " (--strict: failing)" } else { "" }
        ),
        _ => println!("{path}: {errors} problems, {warned} warnings; {count} procedures are valid"),
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn search(args: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(args, &["--catalog", "--limit"], &["--json"])?;
    let path = args.value("--catalog").ok_or("search needs --catalog <FILE>")?;
    let limit = match args.value("--limit") {
        Some(n) => n.parse().map_err(|_| format!("--limit takes a whole number, not {n:?}"))?,
        None => 10,
    };
    let query = args.positional.join(" ");
    let catalog = read_catalog(path)?.catalog;
    let hits = Index::from_catalog(&catalog).search(&query, limit);
    let procedures = &catalog.procedures;
    if args.switch("--json") {
        let rows: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let p = &procedures[h.doc];
                serde_json::json!({ "code": p.code, "name": p.name, "score": h.score })
            })
            .collect();
        println!("{}", serde_json::Value::Array(rows));
    } else {
        for h in &hits {
            let p = &procedures[h.doc];
            println!("{:>8.1}  {:<10}  {}", h.score, p.code, p.name);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(args: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(args, &["--catalog", "--queries"], &["--misses"])?;
    let path = args.value("--catalog").ok_or("eval needs --catalog <FILE>")?;
    let queries = args.value("--queries").ok_or("eval needs --queries <FILE>")?;
    let catalog = read_catalog(path)?.catalog;
    let text = std::fs::read_to_string(queries).map_err(|e| format!("{queries}: {e}"))?;
    let set = motcua::eval::parse(&text).map_err(|e| format!("{queries}: {e}"))?;
    let index = Index::from_catalog(&catalog);
    let report = motcua::eval::evaluate(&catalog, &index, &set);
    let kind = if catalog.commune.is_some() { "commune" } else { "national" };
    println!(
        "{path}: {} procedures ({kind} answers); {} queries, {} without an answer here",
        catalog.procedures.len(),
        report.overall.queries,
        report.skipped
    );
    println!("{:<14} {:>7} {:>8} {:>9}", "kind", "queries", "MRR@10", "recall@5");
    let row = |name: &str, f: &motcua::eval::Figures| {
        println!("{name:<14} {:>7} {:>8.3} {:>9.3}", f.queries, f.mrr_at_10, f.recall_at_5)
    };
    for (kind, figures) in &report.by_kind {
        row(kind, figures);
    }
    row("all", &report.overall);
    if args.switch("--misses") {
        for miss in &report.misses {
            let rank = miss.rank.map_or("-".to_string(), |r| r.to_string());
            println!("miss [{}] rank {rank}: {:?} got {:?} wanted {:?}", miss.kind, miss.query, miss.got, miss.wanted);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn today() -> Date {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    // Vietnam is UTC+7.
    Date::from_unix_days(((seconds + 7 * 3600) / 86_400) as i64)
}
