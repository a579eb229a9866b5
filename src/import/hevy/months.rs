//! Month names in the languages Hevy's app is offered in, from the C library's locale data
//! (`pure-rust-locales`): full names, their other grammatical forms and abbreviations. A date
//! such as `11 Nis 2026, 13:05` or `3 Mär. 2025, 18:00` is read by putting the English
//! abbreviation in place of the month's name. A name that means different months in two of
//! these languages is never guessed: the date is refused, naming the word.

use std::collections::HashMap;
use std::sync::OnceLock;

use pure_rust_locales::{Locale, locale_match};

/// The locales of the languages Hevy's app is offered in.
const LOCALES: [Locale; 17] = [
    Locale::en_US,
    Locale::es_ES,
    Locale::de_DE,
    Locale::fr_FR,
    Locale::it_IT,
    Locale::pt_BR,
    Locale::pt_PT,
    Locale::ru_RU,
    Locale::uk_UA,
    Locale::tr_TR,
    Locale::pl_PL,
    Locale::nl_NL,
    Locale::ja_JP,
    Locale::ko_KR,
    Locale::zh_CN,
    Locale::zh_TW,
    Locale::sv_SE,
];

const ENGLISH: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// What a month's name means: one month (0-11), or two or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Meaning {
    Month(usize),
    Ambiguous,
}

/// A name as it is looked up: lower case, with no trailing dot (`Jan.`, `sept.`).
fn key(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// Every form of every month name of `locale`.
fn names(locale: Locale) -> Vec<&'static [&'static str]> {
    let mut lists: Vec<&'static [&'static str]> =
        vec![locale_match!(locale => LC_TIME::MON), locale_match!(locale => LC_TIME::ABMON)];
    lists.extend(locale_match!(locale => LC_TIME::ALT_MON));
    lists.extend(locale_match!(locale => LC_TIME::AB_ALT_MON));
    lists
}

/// The lookup of every month name of `locales`, a name meaning two months marked so.
pub(super) fn lookup_of(locales: &[Locale]) -> HashMap<String, Meaning> {
    let mut lookup = HashMap::new();
    for &locale in locales {
        for list in names(locale) {
            for (month, name) in list.iter().enumerate().take(12) {
                let name = key(name);
                if name.is_empty() {
                    continue;
                }
                let meaning = match lookup.get(&name) {
                    Some(&Meaning::Month(m)) if m != month => Meaning::Ambiguous,
                    Some(&seen) => seen,
                    None => Meaning::Month(month),
                };
                lookup.insert(name, meaning);
            }
        }
    }
    lookup
}

fn lookup() -> &'static HashMap<String, Meaning> {
    static LOOKUP: OnceLock<HashMap<String, Meaning>> = OnceLock::new();
    LOOKUP.get_or_init(|| lookup_of(&LOCALES))
}

/// Every form of the English month names.
fn english() -> &'static HashMap<String, Meaning> {
    static ENGLISH_LOOKUP: OnceLock<HashMap<String, Meaning>> = OnceLock::new();
    ENGLISH_LOOKUP.get_or_init(|| lookup_of(&[Locale::en_US]))
}

/// A date's month name that is not English, and the English abbreviation it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Translated {
    pub(crate) word: String,
    pub(crate) english: &'static str,
}

/// `text` with each month name in English (`11 Apr 2026, 13:05`) and the first name that was
/// not English, or the word that names different months in two languages.
pub(super) fn in_english(text: &str) -> Result<(String, Option<Translated>), String> {
    let mut translated = None;
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let (bare, comma) = match word.strip_suffix(',') {
            Some(bare) => (bare, ","),
            None => (word, ""),
        };
        match lookup().get(&key(bare)) {
            Some(Meaning::Month(month)) => {
                if translated.is_none() && !english().contains_key(&key(bare)) {
                    translated = Some(Translated { word: bare.to_string(), english: ENGLISH[*month] });
                }
                words.push(format!("{}{comma}", ENGLISH[*month]));
            }
            Some(Meaning::Ambiguous) => return Err(bare.to_string()),
            None => words.push(word.to_string()),
        }
    }
    Ok((words.join(" "), translated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_abbreviations_with_or_without_a_dot() {
        let english = |s: &str| in_english(s).expect("reads").0;
        assert_eq!(english("11 Nis 2026, 13:05"), "11 Apr 2026, 13:05");
        assert_eq!(english("3 Mär 2025, 18:00"), "3 Mar 2025, 18:00");
        assert_eq!(english("3 März 2025, 18:00"), "3 Mar 2025, 18:00");
        assert_eq!(english("9 Jan. 2025, 18:00"), "9 Jan 2025, 18:00");
        assert_eq!(english("9 Aug. 2025, 18:00"), "9 Aug 2025, 18:00");
        assert_eq!(english("9 Okt. 2025, 18:00"), "9 Oct 2025, 18:00");
        assert_eq!(english("17 may 2024, 15:05"), "17 May 2024, 15:05");
        assert_eq!(english("2 févr. 2025, 18:10"), "2 Feb 2025, 18:10");
        assert_eq!(english("5 мая 2025, 19:30"), "5 May 2025, 19:30");
        assert_eq!(english("5 Şub 2025, 19:30"), "5 Feb 2025, 19:30");
        assert_eq!(english("5 paź 2025, 19:30"), "5 Oct 2025, 19:30");
        assert_eq!(english("5 set 2025, 19:30"), "5 Sep 2025, 19:30");
        assert_eq!(english("5 Smarch 2025, 19:30"), "5 Smarch 2025, 19:30", "not a month: left as it is");
    }

    #[test]
    fn a_month_name_not_in_english_is_told() {
        let translated = |s: &str| in_english(s).expect("reads").1.map(|t| (t.word, t.english));
        assert_eq!(translated("15 Sep 2025, 07:48"), None);
        assert_eq!(translated("15 September 2025, 07:48"), None);
        assert_eq!(translated("21 dic 2024, 09:05"), Some(("dic".to_string(), "Dec")));
        assert_eq!(translated("11 Nis 2026, 13:05"), Some(("Nis".to_string(), "Apr")));
    }

    #[test]
    fn a_name_of_two_different_months_is_never_guessed() {
        // "lip" is July in Polish (lipiec) and June in Croatian (lipanj).
        let lookup = lookup_of(&[Locale::pl_PL, Locale::hr_HR]);
        assert_eq!(lookup.get("lip"), Some(&Meaning::Ambiguous));
        assert_eq!(lookup.get("lipiec"), Some(&Meaning::Month(6)));
        // The same name for the same month in two languages is one meaning.
        let lookup = lookup_of(&[Locale::es_ES, Locale::it_IT]);
        assert_eq!(lookup.get("mar"), Some(&Meaning::Month(2)));
        // Among Hevy's languages no name is two months.
        let ambiguous: Vec<&String> =
            super::lookup().iter().filter(|(_, m)| **m == Meaning::Ambiguous).map(|(n, _)| n).collect();
        assert!(ambiguous.is_empty(), "{ambiguous:?}");
    }
}
