-- 004: History marks the sets that were records when lifted, which needs what an exercise reached
-- before a week. This covering index answers that from the index alone, so moving through
-- History stays quick on years of sets.
CREATE INDEX workout_set_bests
    ON workout_set (exercise, kind, unit, form_broke, logged_at, reps, rir_halves, load_hundredths, session_id);
