//! Importing a file into a log in memory, as the import tests do (with `mod common;` beside it).
#![allow(dead_code)]

use std::path::Path;

use hardset::import::{Failure, Options, Report, import_file};
use hardset::model::session::LoggedSet;
use hardset::store::Store;

/// Imports `path` into `store` with the shipped catalogue and the tests' clock.
pub fn import(store: &mut Store, path: &Path, options: Options) -> Result<Report, Failure> {
    import_file(store, path, &options, &crate::common::catalogue(), &crate::common::clock(), &mut |_, _, _| {})
}

/// Every set in the log, in the log's order.
pub fn logged_sets(store: &Store) -> Vec<LoggedSet> {
    let mut all = Vec::new();
    store
        .for_each_set(|s| {
            all.push(s.clone());
            Ok(())
        })
        .expect("reads sets");
    all
}

/// Imports `path` twice into a new log: the second time adds nothing and finds every session
/// and set of the first. Returns the first report and the log.
pub fn import_twice(path: &Path, options: Options) -> (Report, Store) {
    let mut store = Store::in_memory().expect("store");
    let first = import(&mut store, path, options).expect("imports");
    let again = import(&mut store, path, options).expect("imports again");
    assert_eq!(again.counts.sessions_added, 0, "{}", path.display());
    assert_eq!(again.counts.working_added + again.counts.ramp_up_added, 0, "{}", path.display());
    assert_eq!(again.counts.sessions_present, first.counts.sessions_added);
    assert_eq!(again.counts.working_present, first.counts.working_added);
    assert_eq!(again.counts.ramp_up_present, first.counts.ramp_up_added);
    assert_eq!(again.counts.sessions_differing, 0);
    (first, store)
}
