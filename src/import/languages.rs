//! Strong's export in the phone's language: its header names and the words in its values, read
//! as the English layout's.

/// The older comma layout's columns, in order, in English.
const ENGLISH: [&str; 12] = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
];

/// The languages whose headers are known, each with its names in the order of `ENGLISH`.
const LANGUAGES: [(&str, [&str; 12]); 3] = [
    (
        "French",
        [
            "Date",
            "Nom de l'entraînement",
            "Durée",
            "Nom de l'exercice",
            "Ordre de la série",
            "Poids",
            "Réps",
            "Distance",
            "Secondes",
            "Notes",
            "Notes d'entraînement",
            "RPE",
        ],
    ),
    (
        "German",
        [
            "Datum",
            "Workout-Name",
            "Dauer",
            "Name der Übung",
            "Reihenfolge festlegen",
            "Gewicht",
            "Wiederh.",
            "Entfernung",
            "Sekunden",
            "Notizen",
            "Workout-Notizen",
            "RPE",
        ],
    ),
    (
        "Chinese",
        ["日期", "锻炼名称", "时长", "运动名称", "设置顺序", "重量", "次", "距离", "秒", "备注", "锻炼备注", "RPE"],
    ),
];

fn same(a: &str, b: &str) -> bool {
    a.trim().trim_matches('"').trim().to_lowercase() == b.to_lowercase()
}

/// The language of a Strong header written in one hardset knows (its exercise name and set
/// order columns are that language's), and the header's names in English; `None` for any other.
pub(super) fn strong_header(names: &[String]) -> Option<(&'static str, Vec<String>)> {
    let (language, columns) = LANGUAGES
        .iter()
        .find(|(_, columns)| [columns[3], columns[4]].iter().all(|wanted| names.iter().any(|n| same(n, wanted))))?;
    let english = names
        .iter()
        .map(|n| match columns.iter().position(|c| same(n, c)) {
            Some(i) => ENGLISH[i].to_string(),
            None => n.clone(),
        })
        .collect();
    Some((language, english))
}

/// The English layout's names for a header of as many columns in a language hardset does not
/// know: the rows are read by the columns' order, and refused at the first that does not fit.
pub(super) fn by_order(names: &[String]) -> Option<Vec<String>> {
    (names.len() == ENGLISH.len()).then(|| ENGLISH.iter().map(ToString::to_string).collect())
}

/// Whether `order` is a rest timer's `Set Order` in a language hardset knows.
pub(super) fn is_rest_timer(order: &str) -> bool {
    ["rest timer", "ruhezeit"].iter().any(|word| order.eq_ignore_ascii_case(word))
}

/// A duration in words as Strong writes it in another language (`1小时13分钟`), in English
/// (`1h 13min`).
pub(super) fn duration_in_english(text: &str) -> String {
    text.replace("小时", "h ").replace("分钟", "min ").replace('秒', "s ").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_headers_read_as_english_and_others_do_not() {
        let names = |line: &str| line.split(',').map(str::to_string).collect::<Vec<_>>();
        let german = names(
            "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,Sekunden,\
             Notizen,Workout-Notizen,RPE",
        );
        let (language, english) = strong_header(&german).expect("German");
        assert_eq!((language, english), ("German", ENGLISH.iter().map(ToString::to_string).collect()));
        let chinese = names("日期,锻炼名称,时长,运动名称,设置顺序,重量,次,距离,秒,备注,锻炼备注,RPE");
        assert_eq!(strong_header(&chinese).map(|(l, _)| l), Some("Chinese"));
        assert_eq!(strong_header(&names("Date,Workout Name,Exercise Name,Set Order,Weight,Reps")), None);
        assert!(by_order(&names("a,b,c")).is_none());
    }

    #[test]
    fn rest_timers_and_durations_in_other_languages() {
        assert!(is_rest_timer("Ruhezeit") && is_rest_timer("Rest Timer") && !is_rest_timer("1"));
        assert_eq!(duration_in_english("1小时13分钟"), "1h 13min");
        assert_eq!(duration_in_english("31min"), "31min");
    }
}
