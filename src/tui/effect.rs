//! Effects and outcomes: what the app asks the outside world to do, as data, and what came back.
//! The driver runs the one against the store and feeds the other to the app.

use chrono::{DateTime, NaiveDate, Utc};

use crate::history::{ExerciseDetail, WeekComparison};
use crate::model::session::{ExerciseChange, LoggedSet, Readiness, SetEntry, SetKind};
use crate::model::session::{SessionFor, SessionSummary};
use crate::model::units::Effort;
use crate::today::Today;
use crate::week::WeekReport;

/// What the app asks the outside world to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Commit a new set and start the rest.
    Log {
        /// Where it goes.
        session: SessionFor,
        /// The set.
        entry: SetEntry,
        /// Rest to start, in seconds.
        rest_seconds: u32,
    },
    /// Commit a left and a right side together, in one transaction, then start the rest.
    LogSides {
        /// Where they go.
        session: SessionFor,
        /// The left side, then the right.
        sides: [SetEntry; 2],
        /// Rest to start, in seconds.
        rest_seconds: u32,
    },
    /// Replace a logged set.
    Update {
        /// Set id.
        id: i64,
        /// New values.
        entry: SetEntry,
    },
    /// Delete a logged set.
    Delete {
        /// Set id.
        id: i64,
        /// What it was, for the message.
        summary: String,
    },
    /// Change the running rest.
    SetRest {
        /// Session id.
        session_id: i64,
        /// New end, or none to stop.
        until: Option<DateTime<Utc>>,
        /// Its length, for the gauge.
        seconds: u32,
    },
    /// Finish the session.
    EndSession(i64),
    /// Record a rest or recovery day as done.
    MarkDayDone {
        /// Day name.
        day_name: String,
        /// Day position.
        day_index: Option<usize>,
    },
    /// Move the running session to another plan day.
    MoveSession {
        /// Session id.
        session_id: i64,
        /// New day position.
        day_index: usize,
    },
    /// Add or skip an exercise for today (`None` undoes it).
    ChangeExercise {
        /// Where it goes.
        session: SessionFor,
        /// Exercise name.
        exercise: String,
        /// What changes.
        change: Option<ExerciseChange>,
    },
    /// Reload today (a day was picked).
    Reload,
    /// Load the session list.
    LoadSessions,
    /// Load the comparison for a session.
    Compare(i64),
    /// Load the comparison for a whole week (its Monday).
    CompareWeek(NaiveDate),
    /// Store a check-in with the session (starting it).
    CheckIn {
        /// Where it goes.
        session: SessionFor,
        /// The scores.
        readiness: Readiness,
        /// A body weight typed on the check-in's last line, logged for today.
        body_weight: Option<crate::model::units::Weight>,
    },
    /// Store a RIR guess on a set.
    SaveGuess {
        /// The set.
        set_id: i64,
        /// The rep the guess was made at.
        at_rep: u16,
        /// The guess, in half reps.
        guess_halves: u8,
    },
    /// Make the week starting this Monday a deload week (about half the sets).
    StartDeload(NaiveDate),
    /// End the deload of the week starting this Monday.
    EndDeload(NaiveDate),
    /// Load an exercise's detail.
    LoadDetail(String),
    /// Load the week holding a date (`None`: this week).
    LoadWeek(Option<NaiveDate>),
    /// Find a week with sessions, for History or (`week_screen`) the Week screen.
    SeekWeek {
        /// Which week.
        seek: crate::history::Seek,
        /// Whether the Week screen asked.
        week_screen: bool,
    },
    /// Open the plan in the lifter's editor (the terminal handed over meanwhile), and use it
    /// once the editor closes, if it parses.
    EditPlan,
    /// Pin a note to an exercise (`None` takes the app's note off).
    PinNote {
        /// The exercise.
        exercise: String,
        /// The note, cleaned.
        note: Option<String>,
    },
    /// Keep a new exercise of the lifter's own, then add it to today (when today is known).
    MakeExercise {
        /// The exercise.
        custom: crate::model::exercise::CustomExercise,
        /// Where it is added.
        session: Option<SessionFor>,
    },
    /// Ring the terminal bell.
    Bell,
    /// Drop the write that waits for the log (the lifter quit without it).
    GiveUpWaiting,
}

impl Effect {
    /// Whether it writes to the log (and so may have to wait while another program writes).
    pub fn writes(&self) -> bool {
        match self {
            Effect::Log { .. }
            | Effect::LogSides { .. }
            | Effect::Update { .. }
            | Effect::Delete { .. }
            | Effect::SetRest { .. }
            | Effect::EndSession(_)
            | Effect::MarkDayDone { .. }
            | Effect::MoveSession { .. }
            | Effect::ChangeExercise { .. }
            | Effect::CheckIn { .. }
            | Effect::SaveGuess { .. }
            | Effect::StartDeload(_)
            | Effect::EndDeload(_)
            | Effect::PinNote { .. }
            | Effect::MakeExercise { .. } => true,
            Effect::Reload
            | Effect::LoadSessions
            | Effect::Compare(_)
            | Effect::CompareWeek(_)
            | Effect::LoadDetail(_)
            | Effect::LoadWeek(_)
            | Effect::SeekWeek { .. }
            | Effect::EditPlan
            | Effect::Bell
            | Effect::GiveUpWaiting => false,
        }
    }
}

/// What came back from an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A set was committed.
    Saved {
        /// The set as stored.
        set: LoggedSet,
        /// The rest it started, in seconds.
        rest_seconds: u32,
    },
    /// The set about to be reported saved set a record: what it was, for the status line.
    Record {
        /// The set's id.
        id: i64,
        /// `New record: 82.5 kg x 8, e1RM +2.1 kg`.
        text: String,
    },
    /// A logged set was changed or deleted; the form is cleared if it was showing that set.
    SetChanged {
        /// The set's id.
        id: i64,
        /// What was done.
        text: String,
    },
    /// A new exercise of the lifter's own was kept (and added to today): the app now knows it.
    ExerciseMade {
        /// The exercise.
        custom: crate::model::exercise::CustomExercise,
        /// What was done, for the status line.
        text: String,
    },
    /// Something else was done; the message says what.
    Done(String),
    /// It failed; the message says why. Nothing the lifter typed is cleared.
    Failed(String),
    /// A write found the log busy (another program, such as an import, is writing it): it is
    /// kept and tried again until it goes through.
    Waiting {
        /// What waits: `your set`, `your change`.
        what: String,
        /// Which: `Lat pulldown 60 kg x 10 @ 1`.
        detail: String,
    },
    /// The write that waited went through, or failed for another reason: its own outcomes came
    /// just before.
    WaitOver,
    /// Fresh state of today.
    Today(Box<Today>),
    /// A session was finished: what it did, for the summary.
    Finished(Box<crate::summary::Finished>),
    /// The plan was edited and the edit taken: the plan to use now (the settings' defaults
    /// applied), and what to say.
    PlanEdited {
        /// The new plan.
        plan: Box<crate::model::plan::Plan>,
        /// `plan.toml: saved, 'Example week', 5 days`.
        text: String,
    },
    /// The week a [`Effect::SeekWeek`] found (its Monday), or `None` when there is none.
    WeekFound {
        /// What was looked for.
        seek: crate::history::Seek,
        /// Whether the Week screen asked.
        week_screen: bool,
        /// The week found.
        monday: Option<NaiveDate>,
    },
    /// The sessions of a week.
    Sessions {
        /// The week's Monday.
        monday: NaiveDate,
        /// Whether it is a deload week.
        deload: bool,
        /// Its sessions, newest first.
        sessions: Vec<SessionSummary>,
    },
    /// A week's effective sets per muscle.
    Week(WeekReport),
    /// An exercise's detail.
    Detail(Box<ExerciseDetail>),
    /// A session's week against the week before.
    Comparison {
        /// Session id; `None` for the whole week.
        session_id: Option<i64>,
        /// Monday of its week.
        week_start: NaiveDate,
        /// One per exercise.
        exercises: Vec<WeekComparison>,
    },
}

/// `Lat pulldown 60 kg x 10 @ 1`, for messages and questions, effort in the lifter's scale.
pub fn describe(set: &LoggedSet, effort: Effort) -> String {
    describe_entry(&set.entry, effort)
}

/// [`describe`] for a set not yet saved.
pub fn describe_entry(entry: &SetEntry, effort: Effort) -> String {
    let kind = if entry.kind == SetKind::RampUp { " ramp-up" } else { "" };
    format!("{}{kind} {}", entry.exercise, entry.summary_in(effort))
}
