//! Benchmark: the memory and time of `hardset import` on large and hostile files
//! (`cargo bench --bench import_memory`). Makes the files in a temporary folder, runs the release
//! binary on each into a new log and prints its peak resident memory (VmHWM, read from /proc
//! while it runs) and wall time. `HARDSET_BENCH_IMPORT_MB=N` sets the size of the valid native
//! CSV (200 by default: about 1.6 million sets). Linux only.

#[path = "../common/big_files.rs"]
mod big_files;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use big_files::{NATIVE_HEADER, run_measured, write_native_csv};

const BIN: &str = env!("CARGO_BIN_EXE_hardset");

fn import(dir: &Path, file: &Path, extra: &[&str]) {
    let db = dir.join("log.db");
    for leftover in ["log.db", "log.db-wal", "log.db-shm"] {
        let _ = std::fs::remove_file(dir.join(leftover));
    }
    let mut command = Command::new(BIN);
    command.arg("--db").arg(&db).arg("import").args(extra).arg(file).env("HARDSET_CONFIG", dir.join("config"));
    let run = run_measured(&mut command);
    let size = std::fs::metadata(file).map_or(0, |m| m.len());
    let outcome = match run.code {
        Some(0) => run.stdout.lines().find(|l| l.starts_with("sets:")).unwrap_or("").to_string(),
        _ => run.stderr.trim().chars().take(140).collect(),
    };
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    println!(
        "{name:<14} {:>7.1} MB {:<28} peak {:>7.1} MB  {:>6.2} s  {outcome}",
        size as f64 / 1e6,
        extra.join(" "),
        run.peak_kib as f64 / 1024.0,
        run.elapsed.as_secs_f64()
    );
}

fn main() {
    let megabytes: usize = std::env::var("HARDSET_BENCH_IMPORT_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let dir = dir.path();

    let small = dir.join("small.csv");
    write_native_csv(&small, 0);
    let big = dir.join("big.csv");
    let sets = write_native_csv(&big, megabytes);
    println!("valid native CSV: {sets} sets");

    let commas = dir.join("commas.csv");
    let mut bytes = vec![b','; 50 << 20];
    bytes.push(b'\n');
    std::fs::write(&commas, bytes).expect("writes");

    let wide = dir.join("wide.csv");
    let mut header = NATIVE_HEADER.to_string();
    for i in 0..1_000_000 {
        let _ = write!(header, ",c{i}");
    }
    header.push('\n');
    std::fs::write(&wide, header).expect("writes");

    let json = dir.join("source.json");
    let source = "a".repeat(50 << 20);
    std::fs::write(
        &json,
        format!(
            "{{\"sessions\": [], \"exercises\": [{{\"name\": \"Odd lift\", \"equipment\": \"barbell\", \"source\": \"{source}\"}}]}}"
        ),
    )
    .expect("writes");
    drop(source);

    import(dir, &small, &[]);
    import(dir, &commas, &[]);
    import(dir, &commas, &["--from", "strong", "--unit", "kg"]);
    import(dir, &wide, &[]);
    import(dir, &json, &[]);
    import(dir, &big, &[]);
}
