//! hardset's entry point: everything lives in the library; this only reports the exit code.

fn main() {
    std::process::exit(hardset::cli::main());
}
