//! Hevy's `superset_id`: the exercises of a workout sharing one id were done as a superset (or
//! circuit). Each set keeps the id while its workout is read; once the workout is whole, each
//! id becomes a group label by order of appearance (the first `A`, the next `B`), as a plan
//! names its groups, and as hardset's Hevy export numbers them back (`A` is 0, `B` 1), so
//! Hevy's own numbering from 0 comes back as it was.

use super::super::rows::ParsedSession;
use crate::model::text;

/// The id as the row has it, `None` when empty.
pub(super) fn id_of(field: &str) -> Option<String> {
    let id = text::clean_line(field);
    (!id.is_empty()).then_some(id)
}

/// The label of the `n`th group of a workout (from 0): `A` to `Z`, then `27`, `28`, ...
pub fn label(n: usize) -> String {
    match u8::try_from(n) {
        Ok(n) if n < 26 => char::from(b'A' + n).to_string(),
        _ => (n + 1).to_string(),
    }
}

/// Replaces each set's Hevy id with its group's label, by order of appearance in the workout.
pub(in crate::import) fn label_supersets(session: &mut ParsedSession) {
    let mut ids: Vec<String> = Vec::new();
    for set in &mut session.sets {
        let Some(id) = set.entry.superset.take() else { continue };
        let n = ids.iter().position(|seen| *seen == id).unwrap_or_else(|| {
            ids.push(id);
            ids.len() - 1
        });
        set.entry.superset = Some(label(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_order_of_appearance() {
        assert_eq!(label(0), "A");
        assert_eq!(label(25), "Z");
        assert_eq!(label(26), "27");
        assert_eq!(id_of("  "), None);
        assert_eq!(id_of("3"), Some("3".into()));
    }
}
