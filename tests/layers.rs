//! The architecture holds: every module of `src/` sits in a layer of the table in
//! `docs/architecture.md`, imports only from its own layer or lower ones, and no modules depend
//! on each other in a circle (within any folder, its files' imports form no loop).
//!
//! The checker reads Rust source as text: it takes comments, strings and character literals
//! out, then follows every `crate::`, `super::` and `self::` path (use lists included) to the
//! deepest module file it names.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// A module's path inside the crate: `["tui", "view", "today"]`; the crate root is empty.
type ModPath = Vec<String>;

/// The layer table: top-level module name to its layer number (higher imports lower).
fn layer_table(architecture: &str) -> BTreeMap<String, u32> {
    let section = architecture
        .split("\n## ")
        .find(|s| s.starts_with("Layers"))
        .expect("docs/architecture.md has a \"## Layers\" section");
    let mut layers = BTreeMap::new();
    for line in section.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let Some(number) = cells.first().and_then(|c| c.split_whitespace().next()).and_then(|n| n.parse().ok()) else {
            continue;
        };
        let Some(modules) = cells.get(1) else { continue };
        for name in modules.split('`').skip(1).step_by(2) {
            let name = name.trim_end_matches('/').trim_end_matches(".rs");
            layers.insert(name.to_string(), number);
        }
    }
    layers
}

/// Source text with comments, string literals and character literals blanked out, so only code
/// is searched.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, from: &[char]| {
        for &c in from {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    while i < chars.len() {
        let rest = &chars[i..];
        let starts = |s: &str| rest.iter().take(s.len()).copied().eq(s.chars());
        let end = if starts("//") {
            rest.iter().position(|&c| c == '\n').unwrap_or(rest.len())
        } else if starts("/*") {
            block_comment_len(rest)
        } else if raw_string_start(rest, i.checked_sub(1).map(|p| chars[p])).is_some() {
            raw_string_len(rest)
        } else if rest[0] == '"' {
            string_len(rest)
        } else if rest[0] == '\'' {
            char_literal_len(rest).unwrap_or(0)
        } else {
            0
        };
        if end == 0 {
            out.push(rest[0]);
            i += 1;
        } else {
            blank(&mut out, &rest[..end]);
            i += end;
        }
    }
    out
}

fn block_comment_len(rest: &[char]) -> usize {
    let (mut depth, mut i) = (0usize, 0);
    while i + 1 < rest.len() {
        if rest[i] == '/' && rest[i + 1] == '*' {
            depth += 1;
            i += 2;
        } else if rest[i] == '*' && rest[i + 1] == '/' {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    rest.len()
}

/// The number of `#` of a raw string (`r"`, `r#"`, `br##"`) starting here, if one does.
fn raw_string_start(rest: &[char], before: Option<char>) -> Option<usize> {
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let skip = usize::from(rest.first() == Some(&'b'));
    if rest.get(skip) != Some(&'r') {
        return None;
    }
    let hashes = rest[skip + 1..].iter().take_while(|&&c| c == '#').count();
    (rest.get(skip + 1 + hashes) == Some(&'"')).then_some(hashes)
}

fn raw_string_len(rest: &[char]) -> usize {
    let hashes = raw_string_start(rest, None).unwrap_or(0);
    let open = rest.iter().position(|&c| c == '"').unwrap_or(0) + 1;
    let mut i = open;
    while i < rest.len() {
        if rest[i] == '"' && rest[i + 1..].iter().take(hashes).filter(|&&c| c == '#').count() == hashes {
            return i + 1 + hashes;
        }
        i += 1;
    }
    rest.len()
}

fn string_len(rest: &[char]) -> usize {
    let mut i = 1;
    while i < rest.len() {
        match rest[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    rest.len()
}

/// A character literal's length (`'a'`, `'\n'`, `'\u{1b}'`); `None` for a lifetime.
fn char_literal_len(rest: &[char]) -> Option<usize> {
    if rest.get(1) == Some(&'\\') {
        let close = rest.iter().skip(2).position(|&c| c == '\'')?;
        return Some(close + 3);
    }
    (rest.get(2) == Some(&'\'')).then_some(3)
}

/// Every module path a file's code names, resolved against where the file sits.
fn referenced_paths(module: &[String], code: &str) -> Vec<ModPath> {
    let chars: Vec<char> = code.chars().collect();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for at in 0..chars.len().saturating_sub(1) {
        if chars[at] != ':' || chars[at + 1] != ':' {
            continue;
        }
        // Only the first segment of a path: the word before `::`, with no `::` before it.
        let start = (0..at).rev().find(|&p| !is_word(chars[p])).map_or(0, |p| p + 1);
        if start >= 2 && chars[start - 2] == ':' && chars[start - 1] == ':' {
            continue;
        }
        let word: String = chars[start..at].iter().collect();
        let base: ModPath = match word.as_str() {
            "crate" | "hardset" => Vec::new(),
            "self" => module.to_vec(),
            "super" => module[..module.len().saturating_sub(1)].to_vec(),
            _ => continue,
        };
        let mut position = at + 2;
        expand_path(&chars, &mut position, base, &mut found);
    }
    found
}

/// Reads the rest of a path (`a::b::{c, d::e}`) from `position`, just after a `::`, pushing
/// each full path it names.
fn expand_path(chars: &[char], position: &mut usize, mut prefix: ModPath, out: &mut Vec<ModPath>) {
    let skip_space = |p: &mut usize| {
        while chars.get(*p).is_some_and(|c| c.is_whitespace()) {
            *p += 1;
        }
    };
    loop {
        skip_space(position);
        if chars.get(*position) == Some(&'{') {
            *position += 1;
            loop {
                skip_space(position);
                if chars.get(*position).is_none_or(|&c| c == '}') {
                    *position += 1;
                    return;
                }
                expand_path(chars, position, prefix.clone(), out);
                skip_space(position);
                if chars.get(*position) == Some(&',') {
                    *position += 1;
                }
            }
        }
        let word: String = chars[*position..].iter().take_while(|c| c.is_alphanumeric() || **c == '_').collect();
        *position += word.chars().count();
        match word.as_str() {
            "" | "self" => {}
            "super" => {
                prefix.pop();
            }
            _ => prefix.push(word),
        }
        if chars.get(*position) == Some(&':') && chars.get(*position + 1) == Some(&':') {
            *position += 2;
        } else {
            // Step over `as name` and anything else up to the next separator.
            while chars.get(*position).is_some_and(|&c| c != ',' && c != '}' && c != ';' && c != '{' && c != '(') {
                if chars[*position] == ':' {
                    break;
                }
                *position += 1;
                if !chars.get(*position).is_some_and(|c| c.is_alphanumeric() || *c == '_' || c.is_whitespace()) {
                    break;
                }
            }
            out.push(prefix);
            return;
        }
    }
}

/// The module a file is: `src/tui/view/today.rs` is `tui::view::today`, `src/store.rs` and
/// `src/store/mod.rs` are `store`, `src/lib.rs` the root and `src/main.rs` the module `main`.
fn module_of(relative: &Path) -> ModPath {
    let mut parts: ModPath = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if let Some(last) = parts.last_mut() {
        *last = last.trim_end_matches(".rs").to_string();
    }
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts
}

/// The deepest module that exists among the path's prefixes.
fn resolve(path: &[String], modules: &BTreeSet<ModPath>) -> Option<ModPath> {
    (1..=path.len()).rev().map(|k| path[..k].to_vec()).find(|p| modules.contains(p))
}

/// Each module's imports of other modules.
fn dependencies(files: &[(ModPath, String)]) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let modules: BTreeSet<ModPath> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (module, text) in files {
        let code = code_only(text);
        for path in referenced_paths(module, &code) {
            if let Some(target) = resolve(&path, &modules).filter(|t| t != module) {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    edges
}

/// Imports that go up the layer table, and modules the table does not place.
fn layer_breaches(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>, layers: &BTreeMap<String, u32>) -> Vec<String> {
    let mut breaches = Vec::new();
    let layer = |m: &ModPath| m.first().and_then(|top| layers.get(top).copied());
    for (from, targets) in edges {
        if from.is_empty() {
            continue;
        }
        let Some(from_layer) = layer(from) else {
            breaches.push(format!("src/{} is in no layer of docs/architecture.md", from[0]));
            continue;
        };
        for to in targets.iter().filter(|t| !t.is_empty()) {
            match layer(to) {
                Some(to_layer) if to_layer > from_layer => breaches.push(format!(
                    "{} (layer {from_layer}) imports {} (layer {to_layer}), a higher layer",
                    from.join("::"),
                    to.join("::")
                )),
                Some(_) => {}
                None => breaches.push(format!("src/{} is in no layer of docs/architecture.md", to[0])),
            }
        }
    }
    breaches.sort();
    breaches.dedup();
    breaches
}

/// Circles among the modules of each folder: an import between two files counts as one between
/// the children of the folder they share, and a module's imports of its own parents or children
/// are its own business.
fn circles(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    let mut siblings: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (from, targets) in edges {
        for to in targets {
            let shared = from.iter().zip(to).take_while(|(a, b)| a == b).count();
            if shared < from.len() && shared < to.len() {
                siblings.entry(from[..=shared].to_vec()).or_default().insert(to[..=shared].to_vec());
            }
        }
    }
    strongly_connected(&siblings).into_iter().filter(|c| c.len() > 1).collect()
}

/// Tarjan's strongly connected components.
fn strongly_connected(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct State<'a> {
        graph: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        found: Vec<Vec<ModPath>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a ModPath) {
        let next = s.index.len();
        s.index.insert(v, next);
        s.low.insert(v, next);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            component.sort();
            s.found.push(component);
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    state.found
}

fn read_sources(dir: &Path, root: &Path, out: &mut Vec<(ModPath, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src/ reads").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source reads");
            out.push((module_of(path.strip_prefix(root).expect("under src")), text));
        }
    }
}

fn describe_circles(found: &[Vec<ModPath>]) -> String {
    let mut text = String::new();
    for circle in found {
        let names: Vec<String> = circle.iter().map(|m| m.join("::")).collect();
        let _ = writeln!(text, "  these depend on each other in a circle: {}", names.join(", "));
    }
    text
}

#[test]
fn the_source_keeps_the_layer_order_of_the_architecture_and_has_no_circles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = std::fs::read_to_string(root.join("docs/architecture.md")).expect("docs/architecture.md");
    let layers = layer_table(&architecture);
    assert!(layers.len() >= 8, "the layer table reads as {layers:?}");
    let mut files = Vec::new();
    read_sources(&root.join("src"), &root.join("src"), &mut files);
    let top_level: BTreeSet<&String> = files.iter().filter_map(|(m, _)| m.first()).collect();
    let unplaced: Vec<&&String> = top_level.iter().filter(|m| !layers.contains_key(**m)).collect();
    assert!(unplaced.is_empty(), "modules in no layer of docs/architecture.md: {unplaced:?}");
    let gone: Vec<&String> = layers.keys().filter(|m| !top_level.contains(m)).collect();
    assert!(gone.is_empty(), "docs/architecture.md places modules src/ no longer has: {gone:?}");

    let edges = dependencies(&files);
    let breaches = layer_breaches(&edges, &layers);
    let found = circles(&edges);
    assert!(
        breaches.is_empty() && found.is_empty(),
        "the imports break the architecture:\n  {}\n{}",
        breaches.join("\n  "),
        describe_circles(&found)
    );
}

fn fake(files: &[(&str, &str)]) -> Vec<(ModPath, String)> {
    files.iter().map(|(path, text)| (module_of(Path::new(path)), (*text).to_string())).collect()
}

const FAKE_LAYERS: &str = "# A\n\n## Layers\n\n| Layer | Modules |\n|---|---|\n| 2 app | `tui/`, `cli.rs` |\n| 1 rules | `training/` |\n| 0 model | `model` |\n\n## Next\n";

#[test]
fn the_checker_catches_an_upward_import_and_a_circle_and_ignores_text() {
    let layers = layer_table(FAKE_LAYERS);
    assert_eq!(layers.get("tui"), Some(&2));
    assert_eq!(layers.get("cli"), Some(&2));
    assert_eq!(layers.get("model"), Some(&0));

    let files = fake(&[
        ("lib.rs", "pub mod model; pub mod training; pub mod tui;"),
        ("model.rs", "pub mod plan;"),
        ("model/plan.rs", "use crate::training::ramp::Rung; // crate::tui::x in a comment\n"),
        ("training.rs", "pub mod ramp;"),
        (
            "training/ramp.rs",
            "use crate::model::plan::Plan; const S: &str = \"crate::tui::App\"; fn f<'a>(c: char) -> bool { c == '{' }",
        ),
        ("tui.rs", "pub mod app; pub mod view;"),
        ("tui/app.rs", "use super::view::MIN;"),
        ("tui/view.rs", "use crate::{model::plan::Plan, tui::app::{App, Pane}};\n"),
    ]);
    let edges = dependencies(&files);
    let plan: ModPath = vec!["model".into(), "plan".into()];
    let ramp: ModPath = vec!["training".into(), "ramp".into()];
    let app: ModPath = vec!["tui".into(), "app".into()];
    let view: ModPath = vec!["tui".into(), "view".into()];
    assert_eq!(edges[&plan], BTreeSet::from([ramp.clone()]), "comments are not imports");
    assert_eq!(edges[&ramp], BTreeSet::from([plan.clone()]), "strings and char literals are not imports");
    assert_eq!(edges[&view], BTreeSet::from([plan.clone(), app.clone()]), "use lists are followed");

    let breaches = layer_breaches(&edges, &layers);
    assert_eq!(breaches, vec!["model::plan (layer 0) imports training::ramp (layer 1), a higher layer".to_string()]);
    let found = circles(&edges);
    assert!(found.contains(&vec![vec!["model".to_string()], vec!["training".to_string()]]), "{found:?}");
    assert!(found.contains(&vec![app, view]), "{found:?}");
}

#[test]
fn a_module_and_its_own_children_are_one_unit_and_the_table_places_every_module() {
    let files = fake(&[
        ("store.rs", "mod sets; use sets::insert; pub struct Store; fn f() { self::sets::insert() }"),
        ("store/sets.rs", "use super::Store; use crate::model::Load; pub fn insert() {}"),
        ("model.rs", "pub struct Load;"),
        ("week.rs", "use crate::store::Store;"),
    ]);
    let edges = dependencies(&files);
    assert!(circles(&edges).is_empty(), "a parent and its children may use each other");
    let layers = layer_table(FAKE_LAYERS);
    let breaches = layer_breaches(&edges, &layers);
    assert!(breaches.contains(&"src/store is in no layer of docs/architecture.md".to_string()), "{breaches:?}");
    assert!(breaches.contains(&"src/week is in no layer of docs/architecture.md".to_string()), "{breaches:?}");
}
