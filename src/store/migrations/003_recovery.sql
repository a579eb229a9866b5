-- 003: what recovery needs. A readiness check-in stored with its session (each 1-5, 5 is best),
-- deload weeks, the plan's revisions, and RIR calibration: the rep at which the lifter guessed
-- how many were left, and the guess, on a set then taken to failure.
ALTER TABLE session ADD COLUMN sleep INTEGER CHECK (sleep IS NULL OR sleep BETWEEN 1 AND 5);
ALTER TABLE session ADD COLUMN energy INTEGER CHECK (energy IS NULL OR energy BETWEEN 1 AND 5);
ALTER TABLE session ADD COLUMN joints INTEGER CHECK (joints IS NULL OR joints BETWEEN 1 AND 5);
ALTER TABLE session ADD COLUMN motivation INTEGER CHECK (motivation IS NULL OR motivation BETWEEN 1 AND 5);

ALTER TABLE workout_set ADD COLUMN guess_at_rep INTEGER CHECK (guess_at_rep IS NULL OR guess_at_rep BETWEEN 0 AND 200);
ALTER TABLE workout_set ADD COLUMN guess_rir INTEGER CHECK (guess_rir IS NULL OR guess_rir BETWEEN 0 AND 20);

CREATE TABLE deload_week (
    monday     TEXT PRIMARY KEY CHECK (date(monday) IS monday),
    style      TEXT NOT NULL CHECK (style IN ('volume', 'load')),
    started_at INTEGER NOT NULL
) STRICT;

CREATE TABLE plan_revision (
    id          INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 64),
    plan_name   TEXT NOT NULL,
    first_used  INTEGER NOT NULL
) STRICT;

-- Calibration reads the newest guesses: a partial index keeps that from scanning every set.
CREATE INDEX workout_set_guesses ON workout_set (logged_at) WHERE guess_at_rep IS NOT NULL;
