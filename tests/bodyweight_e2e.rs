//! End to end on body weight: the real binary in tmux, a lifter logging their body weight from
//! the shell, then a BW+10 chin-up set typed in the form, and the set read back from the export.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

const PULL_DAY: &str = "name = \"Pull\"\nschedule = \"rotation\"\n\n[[day]]\nname = \"Pull\"\n\n  [[day.exercise]]\n  name = \"Chin-up\"\n  sets = 1\n  reps = \"6-10\"\n";

#[test]
fn a_lifter_logs_body_weight_then_a_weighted_chin_up_by_keyboard() {
    let t = Tmux::new("bodyweight");
    t.plan(PULL_DAY);
    let said = t.hardset(&["bodyweight", "80"]);
    assert!(said.starts_with("body weight 80 kg on "), "{said}");
    let s = "pull";
    t.start(s, "; echo hardset-exited-$?; sleep 60");
    t.wait_for(s, "Chin-up");
    t.keys(s, &["Enter"]);
    t.wait_for(s, "How are you today?");
    // Skip the check-in; the form opens on the weight, filled with BW for a first time.
    t.keys(s, &["Escape"]);
    let form = t.wait_for(s, "Weight  [BW");
    assert!(form.contains("Chin-up · set 1"), "{form}");
    t.keys(s, &["B", "W", "+", "1", "0", "Enter", "BSpace", "6", "Enter", "0", "Enter"]);
    t.wait_for(s, "Saved Chin-up BW+10 kg x 6 @ 0");
    // To failure on a safe exercise: the RIR calibration question, skipped.
    t.wait_for(s, "Calibrate your RIR");
    t.keys(s, &["Escape", "q"]);
    t.wait_for(s, "hardset-exited-0");
    let csv = t.hardset(&["export", "--format", "csv"]);
    assert!(csv.lines().nth(1).is_some_and(|row| row.contains(",Chin-up,working,10,kg,6,0,false,")), "{csv}");
    assert!(csv.contains("bw+"), "the basis is exported: {csv}");
}
