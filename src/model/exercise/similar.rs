//! The catalogue exercise most like one a log holds under another name, for `hardset exercises`'
//! "closest": matched by the words of the movement, then its equipment and muscles, never by
//! letters alone ("Box Jump" is not "Chin-up"), and never an opposite movement (an adduction is
//! not an abduction, a reverse fly is not a fly).

use super::{Catalogue, Exercise, Muscle};

/// Words whose pairs name opposite movements: one is never suggested for the other.
const OPPOSITES: &[(&str, &str)] = &[
    ("adduction", "abduction"),
    ("adductor", "abductor"),
    ("flexion", "extension"),
    ("flexor", "extensor"),
    ("pronation", "supination"),
    ("pronated", "supinated"),
    ("internal", "external"),
    ("incline", "decline"),
];

/// Words that say how, not what: they add to a match but never make one.
const EQUIPMENT_WORDS: &[&str] =
    &["machine", "dumbbell", "barbell", "cable", "band", "smith", "kettlebell", "bodyweight", "weighted", "assisted"];

/// Words that say nothing of the movement.
const FILLER: &[&str] = &["single", "arm", "leg", "one", "the", "with", "and", "on", "of", "a"];

/// Lower-case words, a plural's `s` dropped (lunges and lunge are one movement).
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_string() } else { w.into() }
        })
        .collect()
}

fn opposite(a: &str, b: &str) -> bool {
    OPPOSITES.iter().any(|(x, y)| (a == *x && b == *y) || (a == *y && b == *x))
}

/// Whether the word appears among `words`, or, long enough, inside them written together
/// ("skullcrusher" and "skull crusher").
fn has(words: &[String], joined: &str, word: &str) -> bool {
    words.iter().any(|w| w == word) || (word.len() >= 5 && joined.contains(word))
}

/// How alike `exercise` is to a movement named by `wanted` (its words): `None` when they share
/// no more than half the words of the movement itself, or when one is the other's opposite.
fn score(wanted: &[String], muscles: &[Muscle], exercise: &Exercise) -> Option<i32> {
    let names = std::iter::once(&exercise.name).chain(&exercise.aliases);
    names
        .filter_map(|name| {
            let theirs = words(name);
            if wanted.iter().any(|w| theirs.iter().any(|t| opposite(w, t))) {
                return None;
            }
            let joined: String = theirs.concat();
            let mine_joined: String = wanted.concat();
            let core = |w: &&String| !EQUIPMENT_WORDS.contains(&w.as_str()) && !FILLER.contains(&w.as_str());
            let shared_core = wanted.iter().filter(core).filter(|w| has(&theirs, &joined, w)).count() as i32;
            // More than half the words of the movement: "Box Jump" shares one word of two with
            // "Jump rope", and is not it.
            let wanted_core = wanted.iter().filter(core).count() as i32;
            if shared_core == 0 || shared_core * 2 <= wanted_core {
                return None;
            }
            let extra_core = theirs.iter().filter(core).filter(|t| !has(wanted, &mine_joined, t)).count() as i32;
            let shared_how = wanted
                .iter()
                .filter(|w| EQUIPMENT_WORDS.contains(&w.as_str()))
                .filter(|w| has(&theirs, &joined, w) || exercise.equipment.name() == w.as_str())
                .count() as i32;
            let reverse = |ws: &[String]| ws.iter().any(|w| w == "reverse" || w == "rear");
            let mismatch = if reverse(wanted) == reverse(&theirs) { 0 } else { 4 };
            let shared_muscles = muscles.iter().filter(|m| exercise.primary.contains(m)).count() as i32;
            Some(4 * shared_core + shared_how + 2 * shared_muscles - 2 * extra_core - mismatch)
        })
        .max()
}

/// Whether two names name opposite movements ("Hip adduction" and "Hip abduction").
pub(super) fn opposed(a: &str, b: &str) -> bool {
    let theirs = words(b);
    words(a).iter().any(|w| theirs.iter().any(|t| opposite(w, t)))
}

impl Catalogue {
    /// The catalogue exercise most like `name` (with the muscles it is known to work, if any),
    /// or `None` when none shares a word of the movement.
    pub fn closest_movement(&self, name: &str, muscles: &[Muscle]) -> Option<&str> {
        let wanted = words(name);
        self.all()
            .iter()
            .filter_map(|e| score(&wanted, muscles, e).map(|s| (s, e)))
            .filter(|(s, _)| *s > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.name.cmp(&a.1.name)))
            .map(|(_, e)| e.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_movement_shares_its_words_and_is_never_its_opposite() {
        let catalogue = Catalogue::shipped();
        let closest = |name: &str| catalogue.closest_movement(name, &[]);
        assert_ne!(closest("Hip Adduction (Machine)"), Some("Hip abduction"));
        assert!(closest("Hip Adduction (Machine)").is_none_or(|c| !c.to_lowercase().contains("abduct")));
        let fly = closest("Reverse Fly Single Arm (Cable)");
        assert!(
            fly.is_some_and(|c| {
                let c = c.to_lowercase();
                c.contains("reverse") || c.contains("rear")
            }),
            "{fly:?}"
        );
        assert_eq!(closest("Skullcrusher (Dumbbell)"), Some("Skull crusher"));
        assert_eq!(closest("Box Jump"), None, "no word of the movement in common: nothing");
        assert!(closest("Incline Bench Press (Barbell)").is_some_and(|c| !c.to_lowercase().contains("decline")));
        assert!(closest("Decline Bench Press (Barbell)").is_none_or(|c| !c.to_lowercase().contains("incline")));
        assert!(closest("Wrist Flexion").is_none_or(|c| !c.to_lowercase().contains("extension")));
        assert!(opposed("Hip Adduction (Machine)", "Hip abduction"));
        assert!(!opposed("Hip Adduction (Machine)", "Hip thrust"));
        assert_ne!(catalogue.closest("Hip Adduction"), Some("Hip abduction"), "a typo hint is never the opposite");
        assert_eq!(catalogue.closest("Hip abductoin"), Some("Hip abduction"));
        assert!(closest("Single Leg Press (Machine)").is_some_and(|c| c.to_lowercase().contains("leg press")));
    }
}
