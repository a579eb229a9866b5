//! End to end on the gym floor: the real binary in tmux at 80x24 on a fresh log, typed at as a
//! lifter would. A first session: the working weight typed first fills in the ramp-ups, the
//! ramp-ups and two working sets are logged (a note on the first), the heavier second set is
//! celebrated as a record when it is saved, and `E` shows the session summary. The next day, a
//! second session shows the first one's note and each working set's previous numbers, on Today
//! and in the form.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

/// One day of two hard working sets after two ramp-ups, so every session is this day again.
const PRESS_DAY: &str = r#"name = "Press day"
schedule = "rotation"

[[day]]
name = "Press day"

  [[day.exercise]]
  name = "Machine chest press"
  sets = 2
  reps = "6-10"
  rest = "3m"
  ramp_up = true
"#;

/// Every set in the log, oldest first: session, kind, load in hundredths, reps, RIR in halves,
/// note.
type Row = (i64, String, i64, i64, Option<i64>, String);

fn stored(t: &Tmux) -> Vec<Row> {
    if !t.db().exists() {
        return Vec::new();
    }
    let conn = rusqlite::Connection::open_with_flags(t.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("the log opens");
    let mut query = conn
        .prepare(
            "SELECT session_id, kind, load_hundredths, reps, rir_halves, note FROM workout_set
             WHERE exercise = 'Machine chest press' ORDER BY logged_at, id",
        )
        .expect("prepares");
    query
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .expect("reads")
        .map(|r| r.expect("a row"))
        .collect()
}

/// Whether each session in the log is finished, oldest first.
fn sessions_finished(t: &Tmux) -> Vec<bool> {
    let conn = rusqlite::Connection::open(t.db()).expect("the log opens");
    let mut query = conn.prepare("SELECT ended_at IS NOT NULL FROM session ORDER BY started_at, id").expect("prepares");
    query.query_map([], |r| r.get(0)).expect("reads").map(|r| r.expect("a row")).collect()
}

/// A day passes: every time in the log moves one day back. The app reads the system clock and
/// has no way to be told another time, so the log is moved instead of the clock; the app sees
/// what it would see tomorrow (yesterday's finished session, nothing today).
fn a_day_passes(t: &Tmux) {
    let conn = rusqlite::Connection::open(t.db()).expect("the log opens");
    conn.execute_batch(
        "BEGIN;
         UPDATE session SET started_at = started_at - 86400, ended_at = ended_at - 86400,
                            rest_until = rest_until - 86400;
         UPDATE workout_set SET logged_at = logged_at - 86400;
         UPDATE plan_revision SET first_used = first_used - 86400;
         COMMIT;",
    )
    .expect("the log's times move a day back");
}

/// The line of `screen` holding `text`, and the `n` lines under it, each trimmed of the
/// panes' borders.
fn rows_from(screen: &str, text: &str, n: usize) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines.iter().position(|l| l.contains(text)).unwrap_or_else(|| panic!("no {text:?} in:\n{screen}"));
    lines[at..=at + n].iter().map(|l| l.split('│').nth(1).unwrap_or_default().trim_end().to_string()).collect()
}

#[test]
fn a_first_session_fills_its_ramp_ups_celebrates_a_record_and_the_next_day_shows_its_note_and_numbers() {
    let t = Tmux::new("gymfloor");
    t.plan(PRESS_DAY);
    let s = "first";
    // The pane's shell outlives the app, so the tmux server stays up for the second day.
    t.start(s, "; echo hardset-exited-$?; sleep 60");
    let today = t.wait_for(s, "Machine chest press  2x6-10 @ RIR 0-1  0/2");
    assert!(today.contains("first time: pick a load you can lift"), "{today}");
    assert!(today.contains("[ ] ramp-up 1  load? x 8 easy"), "no weight known yet:\n{today}");

    // Straight to working set 1 (the check-in skipped): 60 typed, nothing filled while typing.
    t.keys(s, &["j", "j", "Enter"]);
    t.wait_for(s, "How are you today?");
    t.keys(s, &["Escape"]);
    t.wait_for(s, "Machine chest press · set 1");
    t.keys(s, &["6", "0"]);
    let typing = t.wait_for(s, "Weight  [60");
    assert!(typing.contains("[ ] ramp-up 1  load? x 8 easy"), "not while the weight is typed:\n{typing}");
    // Leaving the field: the ramp-ups climb towards 60 on the stack, and nothing is saved.
    t.keys(s, &["Enter"]);
    let filled = t.wait_for(s, "ramp-up 1  30 kg x 8 easy");
    assert!(filled.contains("[ ] ramp-up 2  45 kg x 4 easy"), "{filled}");
    assert!(filled.contains("▸[ ] set 1      load? x 6 @ 0-1"), "the cursor stays on set 1:\n{filled}");
    assert!(filled.contains(" 0/4 sets"), "{filled}");
    assert!(stored(&t).is_empty(), "leaving a field saves nothing");

    // Back up to ramp-up 1 (the typed set thrown away, asked first): its form holds 30.
    t.keys(s, &["Escape", "k", "k", "Enter"]);
    t.wait_for(s, "Throw it away and open ramp-up 1");
    t.keys(s, &["y"]);
    let ramp = t.wait_for(s, "Machine chest press · ramp-up 1");
    assert!(ramp.contains("Weight  [30"), "{ramp}");
    t.keys(s, &["Enter", "Enter"]);
    t.wait_for(s, "Saved Machine chest press ramp-up 30 kg x 8");
    // Ramp-up 2 opens at its rung; Enter steps into the form, through it, and saves.
    let ramp = t.wait_for(s, "Machine chest press · ramp-up 2");
    assert!(ramp.contains("Weight  [45"), "{ramp}");
    t.keys(s, &["Enter", "Enter", "Enter"]);
    t.wait_for(s, "Saved Machine chest press ramp-up 45 kg x 4");

    // Working set 1 comes back with the 60 typed before the ramp-ups: 8 reps @ 1, a note.
    let set1 = t.wait_for(s, "Machine chest press · set 1");
    assert!(set1.contains("Weight  [60"), "{set1}");
    t.keys(s, &["Enter", "Enter", "BSpace", "8", "Enter", "1", "Down", "Down", "seat on 4"]);
    t.wait_for(s, "Note    [seat on 4");
    t.keys(s, &["Enter"]);
    let saved = t.wait_for(s, "Saved Machine chest press 60 kg x 8 @ 1, rest 3m");
    assert!(!saved.contains("New record"), "the first set of an exercise is no record:\n{saved}");
    // Committed before the screen said saved: the set and its note are in the log already.
    let rows = stored(&t);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let first_session = rows[0].0;
    assert_eq!(rows[2], (first_session, "working".into(), 6000, 8, Some(2), "seat on 4".into()), "{rows:?}");

    // Working set 2, heavier at the same reps: a record, said as it is saved.
    t.wait_for(s, "Machine chest press · set 2");
    t.keys(s, &["Enter", "BSpace", "BSpace", "6", "2", ".", "5", "Enter", "BSpace", "8", "Enter", "1", "Enter"]);
    let record = t.wait_for(s, "New record: 62.5 kg x 8, e1RM +3.3 kg");
    assert!(record.contains("All sets done: E finishes the session."), "{record}");
    assert!(record.contains("[x] set 2      62.5 kg x 8 @ 1"), "{record}");
    assert!(record.contains(" 4/4 sets"), "{record}");

    // E: the summary of what the session did.
    t.keys(s, &["E"]);
    let summary = t.wait_for(s, "┌ Session finished ─");
    for line in [
        "Working sets  2 of 2 planned",
        "Ramp-ups      2 of 2",
        "New record",
        "Machine chest press: 62.5 kg x 8, e1RM +3.3 kg",
        "This week so far, effective sets per muscle (band 6-10):",
        "chest             2  below",
        "Next: Press day, tomorrow",
    ] {
        assert!(summary.contains(line), "the summary shows {line:?}:\n{summary}");
    }
    t.keys(s, &["Escape"]);
    // Closed, Today's own keys are back in the footer, and the session is marked finished.
    let closed = t.wait_for(s, "Enter log / edit set");
    assert!(!closed.contains("┌ Session finished"), "the popup closed:\n{closed}");
    assert!(closed.contains("More sets reopen it."), "{closed}");
    t.keys(s, &["q"]);
    t.wait_for(s, "hardset-exited-0");

    // In the log: one finished session, the two ramp-ups and the two working sets.
    let rows = stored(&t);
    let want: Vec<Row> = vec![
        (first_session, "ramp-up".into(), 3000, 8, None, String::new()),
        (first_session, "ramp-up".into(), 4500, 4, None, String::new()),
        (first_session, "working".into(), 6000, 8, Some(2), "seat on 4".into()),
        (first_session, "working".into(), 6250, 8, Some(2), String::new()),
    ];
    assert_eq!(rows, want);
    assert_eq!(sessions_finished(&t), [true]);

    // The next day, a second session of the same plan day.
    a_day_passes(&t);
    let s = "second";
    t.start(s, "; echo hardset-exited-$?; sleep 60");
    let today = t.wait_for(s, "prev 62.5 x 8 @ 1");
    assert!(today.contains("Machine chest press  2x6-10 @ RIR 0-1  0/2"), "a new session:\n{today}");
    assert!(!today.contains("More sets reopen it."), "not yesterday's session:\n{today}");
    // Each working set with the same set of last time under it, and set 1 with its note.
    let set1 = rows_from(&today, "[ ] set 1", 4);
    assert!(set1[0].ends_with("[ ] set 1      60 kg x 9 @ 0-1"), "{set1:?}\n{today}");
    assert_eq!(set1[1].trim(), "prev 60 x 8 @ 1", "{today}");
    assert_eq!(set1[2].trim(), "seat on 4", "the note beside its prev:\n{today}");
    assert!(set1[3].ends_with("[ ] set 2      60 kg x 9 @ 0-1"), "{set1:?}\n{today}");
    assert_eq!(set1[4].trim(), "prev 62.5 x 8 @ 1", "set 2 has no note:\n{today}");

    // The form for set 1: last time's same set and its note.
    t.keys(s, &["j", "j", "Enter"]);
    t.wait_for(s, "How are you today?");
    t.keys(s, &["Escape"]);
    let form = t.wait_for(s, "Last note: seat on 4");
    assert!(form.contains("Machine chest press · set 1"), "{form}");
    assert!(form.contains("Last: 60 kg x 8 @ 1"), "{form}");
    // One more rep at 60: saved in the new session; set 2's form shows its own last time, no
    // note.
    t.keys(s, &["Enter", "Enter", "1", "Enter"]);
    t.wait_for(s, "New record: 60 kg x 9, most reps at 60 kg");
    let form = t.wait_for(s, "Machine chest press · set 2");
    assert!(form.contains("Last: 62.5 kg x 8 @ 1"), "{form}");
    assert!(!form.contains("Last note"), "set 2 had none:\n{form}");
    t.keys(s, &["q"]);
    t.wait_for(s, "hardset-exited-0");

    let rows = stored(&t);
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert_ne!(rows[4].0, first_session, "a session of its own: {rows:?}");
    assert_eq!(rows[4], (rows[4].0, "working".into(), 6000, 9, Some(2), String::new()), "{rows:?}");
    assert_eq!(sessions_finished(&t), [true, false]);
}
