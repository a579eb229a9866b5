//! Styles named by what they mean, mapped to colours once. `NO_COLOR` turns colour off.

use ratatui::style::{Color, Modifier, Style};

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
}

impl Default for Theme {
    fn default() -> Self {
        Theme::from_env()
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Theme {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    /// A theme with or without colour.
    pub fn new(color: bool) -> Theme {
        Theme { color }
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
        match meaning {
            Meaning::Title => s.fg(Color::Cyan).add_modifier(bold),
            Meaning::Text => s,
            Meaning::Muted | Meaning::Border => s.fg(Color::DarkGray),
            Meaning::FocusBorder => s.fg(Color::Cyan),
            Meaning::Selected => s.bg(Color::DarkGray).add_modifier(bold),
            Meaning::Current => s.fg(Color::Yellow).add_modifier(bold),
            Meaning::Done | Meaning::Good | Meaning::Better => s.fg(Color::Green),
            Meaning::HardSet => s.fg(Color::LightRed).add_modifier(bold),
            Meaning::Warn => s.fg(Color::Yellow),
            Meaning::Error | Meaning::Worse => s.fg(Color::Red).add_modifier(bold),
            Meaning::RestActive => s.fg(Color::LightBlue).add_modifier(bold),
            Meaning::RestDone => s.fg(Color::Black).bg(Color::LightGreen).add_modifier(bold),
            Meaning::Key => s.fg(Color::Cyan).add_modifier(bold),
        }
    }
}
