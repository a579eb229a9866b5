//! Making an exercise from the add picker ("create 'Zercher squat'"): three short questions
//! (what it is lifted with, the muscles it works, whether it is safe to take to failure), each
//! answered with the arrows and Enter. Esc leaves at any step with nothing written.

use super::Reply;
use crate::keymap::Action;
use crate::model::exercise::{CustomExercise, Equipment, FailureClass, Muscle};

/// The question being answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewStep {
    /// What it is lifted with.
    Equipment,
    /// The muscles it works (one or more).
    Muscles,
    /// Safe to take to failure, or technical.
    Failure,
}

/// An exercise being made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExercise {
    /// Its name, cleaned.
    pub name: String,
    /// The question on screen.
    pub step: NewStep,
    /// The highlighted row of the question.
    pub row: usize,
    /// The equipment chosen.
    pub equipment: Equipment,
    /// The muscles ticked, in the order screens list them.
    pub muscles: Vec<Muscle>,
}

/// The two answers to "safe to take to failure?", in order.
pub const FAILURE_CHOICES: [(FailureClass, &str); 2] = [
    (FailureClass::Safe, "Safe to take to failure (RIR 0-1): machines, cables"),
    (FailureClass::Technical, "Technical: keep 1-2 in reserve (free weights)"),
];

impl NewExercise {
    /// The questions for a new exercise called `name`.
    pub fn new(name: String) -> NewExercise {
        NewExercise { name, step: NewStep::Equipment, row: 0, equipment: Equipment::Barbell, muscles: Vec::new() }
    }

    /// How many rows the question on screen has.
    pub fn rows(&self) -> usize {
        match self.step {
            NewStep::Equipment => Equipment::ALL.len(),
            NewStep::Muscles => Muscle::ALL.len(),
            NewStep::Failure => FAILURE_CHOICES.len(),
        }
    }

    /// A key: the answer is the exercise, once the last question is answered.
    pub(crate) fn update(&mut self, action: Action) -> Reply<CustomExercise> {
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(self.rows() - 1),
            Action::Input(' ') if self.step == NewStep::Muscles => {
                let muscle = Muscle::ALL[self.row];
                match self.muscles.iter().position(|&m| m == muscle) {
                    Some(at) => {
                        self.muscles.remove(at);
                    }
                    None => {
                        self.muscles.push(muscle);
                        self.muscles.sort();
                    }
                }
            }
            Action::Backspace => self.step_back(),
            Action::Back => return Reply::Closed,
            Action::Enter => return self.enter(),
            _ => {}
        }
        Reply::Open
    }

    /// Enter: the highlighted answer, then the next question; after the last, the exercise.
    fn enter(&mut self) -> Reply<CustomExercise> {
        match self.step {
            NewStep::Equipment => {
                self.equipment = Equipment::ALL[self.row];
                self.step = NewStep::Muscles;
                self.row = self.muscles.first().map_or(0, |m| Muscle::ALL.iter().position(|a| a == m).unwrap_or(0));
            }
            NewStep::Muscles => {
                // Enter with none ticked takes the highlighted muscle, as a one-muscle answer.
                if self.muscles.is_empty() {
                    self.muscles.push(Muscle::ALL[self.row]);
                }
                self.step = NewStep::Failure;
                self.row = usize::from(self.equipment.failure_class() == FailureClass::Technical);
            }
            NewStep::Failure => {
                let technical = FAILURE_CHOICES[self.row].0 == FailureClass::Technical;
                return Reply::Answered(CustomExercise {
                    name: self.name.clone(),
                    muscles: self.muscles.clone(),
                    equipment: self.equipment,
                    source: "app".into(),
                    technical: Some(technical),
                });
            }
        }
        Reply::Open
    }

    /// Backspace: back to the question before, its answer highlighted.
    fn step_back(&mut self) {
        match self.step {
            NewStep::Equipment => {}
            NewStep::Muscles => {
                self.step = NewStep::Equipment;
                self.row = Equipment::ALL.iter().position(|&e| e == self.equipment).unwrap_or(0);
            }
            NewStep::Failure => {
                self.step = NewStep::Muscles;
                self.row = 0;
            }
        }
    }
}
