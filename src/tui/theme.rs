//! Styles named by what they mean, mapped to colours once. The colours come from the settings'
//! `[colours]`; `NO_COLOR` turns colour off, whatever the settings say.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ColourSettings;

/// What a piece of text means on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// Pane and screen titles.
    Title,
    /// Ordinary text.
    Text,
    /// Secondary text: hints, ramp-up sets, reasons.
    Muted,
    /// The focused pane's border.
    FocusBorder,
    /// An unfocused pane's border.
    Border,
    /// The selected row.
    Selected,
    /// The next set to do.
    Current,
    /// A set that is done.
    Done,
    /// A working set: the hard one.
    HardSet,
    /// Something to notice.
    Warn,
    /// Something went wrong.
    Error,
    /// A saved set or other good news.
    Good,
    /// The rest timer while it runs.
    RestActive,
    /// The rest timer at zero, flashing.
    RestDone,
    /// Key names in the footer and help.
    Key,
    /// Better than last week.
    Better,
    /// Worse than last week.
    Worse,
}

/// Maps meanings to styles.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    colours: ColourSettings,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::from_env()
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    /// A theme with or without colour, in the shipped colours.
    pub fn new(color: bool) -> Theme {
        Theme { color, colours: ColourSettings::default() }
    }

    /// The same theme in the lifter's colours (which `NO_COLOR` still turns off).
    #[must_use]
    pub fn with_colours(self, colours: ColourSettings) -> Theme {
        Theme { colours, ..self }
    }

    /// The colour the settings give a meaning.
    fn colour(self, meaning: Meaning) -> Color {
        let c = &self.colours;
        let colour = match meaning {
            Meaning::Title => c.title,
            Meaning::Text => c.text,
            Meaning::Muted => c.muted,
            Meaning::FocusBorder => c.focus_border,
            Meaning::Border => c.border,
            Meaning::Selected => c.selected,
            Meaning::Current => c.current,
            Meaning::Done => c.done,
            Meaning::HardSet => c.hard_set,
            Meaning::Warn => c.warn,
            Meaning::Error => c.error,
            Meaning::Good => c.good,
            Meaning::RestActive => c.rest_active,
            Meaning::RestDone => c.rest_done,
            Meaning::Key => c.key,
            Meaning::Better => c.better,
            Meaning::Worse => c.worse,
        };
        colour.0
    }

    /// The style for a meaning.
    pub fn style(self, meaning: Meaning) -> Style {
        let s = Style::default();
        let bold = Modifier::BOLD;
        if !self.color {
            return match meaning {
                Meaning::Title
                | Meaning::Current
                | Meaning::HardSet
                | Meaning::Key
                | Meaning::Error
                | Meaning::Warn => s.add_modifier(bold),
                Meaning::Selected | Meaning::RestDone => s.add_modifier(Modifier::REVERSED),
                Meaning::Muted | Meaning::Border => s.add_modifier(Modifier::DIM),
                _ => s,
            };
        }
        let colour = self.colour(meaning);
        // "reset" is the terminal's own colour: no colour set at all.
        let fg = |s: Style| if colour == Color::Reset { s } else { s.fg(colour) };
        let bg = |s: Style| if colour == Color::Reset { s } else { s.bg(colour) };
        match meaning {
            Meaning::Text
            | Meaning::Muted
            | Meaning::Border
            | Meaning::FocusBorder
            | Meaning::Done
            | Meaning::Good
            | Meaning::Better
            | Meaning::Warn => fg(s),
            Meaning::Title
            | Meaning::Current
            | Meaning::HardSet
            | Meaning::Error
            | Meaning::Worse
            | Meaning::RestActive
            | Meaning::Key => fg(s).add_modifier(bold),
            Meaning::Selected => bg(s).add_modifier(bold),
            Meaning::RestDone => bg(s.fg(Color::Black)).add_modifier(bold),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Colour, Settings};

    #[test]
    fn the_shipped_colours_are_the_theme_as_it_was() {
        let theme = Theme::new(true);
        assert_eq!(theme.style(Meaning::Title), Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD));
        assert_eq!(theme.style(Meaning::Text), Style::default());
        assert_eq!(theme.style(Meaning::Selected), Style::default().bg(Color::DarkGray).add_modifier(Modifier::BOLD));
        assert_eq!(
            theme.style(Meaning::RestDone),
            Style::default().fg(Color::Black).bg(Color::LightGreen).add_modifier(Modifier::BOLD)
        );
    }

    #[test]
    fn settings_recolour_a_meaning_but_not_without_colour() {
        let settings =
            Settings::parse("[colours]\nwarn = \"#ff8800\"\nselected = \"blue\"\n", "c.toml").expect("valid");
        let theme = Theme::new(true).with_colours(settings.colours);
        assert_eq!(theme.style(Meaning::Warn), Style::default().fg(Color::Rgb(255, 136, 0)));
        assert_eq!(theme.style(Meaning::Selected), Style::default().bg(Color::Blue).add_modifier(Modifier::BOLD));
        assert_eq!(theme.style(Meaning::Title), Theme::new(true).style(Meaning::Title), "the rest stay");
        let plain = Theme::new(false).with_colours(settings.colours);
        assert_eq!(plain.style(Meaning::Warn), Style::default().add_modifier(Modifier::BOLD), "NO_COLOR wins");
        assert_eq!(settings.colours.warn, Colour(Color::Rgb(255, 136, 0)));
    }
}
