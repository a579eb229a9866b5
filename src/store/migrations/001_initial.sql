-- 001: the first schema. Sessions hold sets; weights keep their unit in exact hundredths;
-- RIR is stored in half reps so 0.5 steps are exact; times are UTC unix seconds.
CREATE TABLE session (
    id           INTEGER PRIMARY KEY,
    started_at   INTEGER NOT NULL,
    ended_at     INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
    day_name     TEXT NOT NULL CHECK (length(day_name) BETWEEN 1 AND 200),
    day_index    INTEGER CHECK (day_index IS NULL OR day_index >= 0),
    rest_until   INTEGER,
    rest_seconds INTEGER NOT NULL DEFAULT 0 CHECK (rest_seconds BETWEEN 0 AND 3600),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
) STRICT;

CREATE TABLE workout_set (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    exercise         TEXT NOT NULL CHECK (length(exercise) BETWEEN 1 AND 200),
    kind             TEXT NOT NULL CHECK (kind IN ('ramp-up', 'working')),
    load_hundredths  INTEGER NOT NULL CHECK (load_hundredths BETWEEN 0 AND 100000),
    unit             TEXT NOT NULL CHECK (unit IN ('kg', 'lb')),
    reps             INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 200),
    rir_halves       INTEGER CHECK (rir_halves IS NULL OR rir_halves BETWEEN 0 AND 20),
    form_broke       INTEGER NOT NULL DEFAULT 0 CHECK (form_broke IN (0, 1)),
    note             TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    logged_at        INTEGER NOT NULL
) STRICT;

-- Exercises added to or skipped from a session's plan day, so a restart shows the same day.
CREATE TABLE session_exercise_change (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    exercise   TEXT NOT NULL CHECK (length(exercise) BETWEEN 1 AND 200),
    change     TEXT NOT NULL CHECK (change IN ('added', 'skipped')),
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, exercise)
) STRICT;

-- "Last time" and per-exercise history read the newest sets of one exercise.
CREATE INDEX workout_set_by_exercise ON workout_set (exercise, logged_at);
CREATE INDEX workout_set_by_session ON workout_set (session_id, id);
CREATE INDEX session_by_start ON session (started_at);
-- Finding the running session at start-up must not scan years of finished ones.
CREATE INDEX session_open ON session (started_at) WHERE ended_at IS NULL;
