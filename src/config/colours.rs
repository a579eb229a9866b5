//! The screen's colours as `config.toml` names them: one colour per meaning.

use std::str::FromStr;

use ratatui::style::Color;
use serde::{Deserialize, Deserializer, Serializer};

use crate::model::text;

/// A colour as `config.toml` names it: `"cyan"`, `"lightblue"`, `"#ff8800"`, `"208"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub Color);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Colour, D::Error> {
        let written = String::deserialize(d)?;
        Color::from_str(&text::clean_line(&written)).map(Colour).map_err(|_| {
            let text = text::escape(&written);
            serde::de::Error::custom(format!(
                "'{text}' is not a colour; use black, red, green, yellow, blue, magenta, cyan, gray, darkgray, \
                 lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white, reset (the \
                 terminal's own), a number from 0 to 255, or \"#rrggbb\""
            ))
        })
    }
}

impl serde::Serialize for Colour {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string().to_lowercase())
    }
}

/// The colour of each meaning on screen. Most colour the text; `selected` and `rest_done` colour
/// the background. Boldness stays as the theme has it, and `NO_COLOR` turns all colour off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ColourSettings {
    /// Pane and screen titles.
    pub title: Colour,
    /// Ordinary text.
    pub text: Colour,
    /// Hints, ramp-up sets, reasons.
    pub muted: Colour,
    /// The focused pane's border.
    pub focus_border: Colour,
    /// Other panes' borders.
    pub border: Colour,
    /// The selected row's background.
    pub selected: Colour,
    /// The next set to do.
    pub current: Colour,
    /// A set that is done.
    pub done: Colour,
    /// A working set.
    pub hard_set: Colour,
    /// Something to notice.
    pub warn: Colour,
    /// Something went wrong.
    pub error: Colour,
    /// A saved set or other good news.
    pub good: Colour,
    /// The rest timer while it runs.
    pub rest_active: Colour,
    /// The rest timer's background at zero.
    pub rest_done: Colour,
    /// Key names in the footer and help.
    pub key: Colour,
    /// Better than last week.
    pub better: Colour,
    /// Worse than last week.
    pub worse: Colour,
}

impl Default for ColourSettings {
    fn default() -> Self {
        ColourSettings {
            title: Colour(Color::Cyan),
            text: Colour(Color::Reset),
            muted: Colour(Color::DarkGray),
            focus_border: Colour(Color::Cyan),
            border: Colour(Color::DarkGray),
            selected: Colour(Color::DarkGray),
            current: Colour(Color::Yellow),
            done: Colour(Color::Green),
            hard_set: Colour(Color::LightRed),
            warn: Colour(Color::Yellow),
            error: Colour(Color::Red),
            good: Colour(Color::Green),
            rest_active: Colour(Color::LightBlue),
            rest_done: Colour(Color::LightGreen),
            key: Colour(Color::Cyan),
            better: Colour(Color::Green),
            worse: Colour(Color::Red),
        }
    }
}
