-- 006: records kept as sets are written, so History's "record when lifted" marks read a few
-- rows instead of an exercise's whole history. Among working sets with form intact outside
-- deload weeks: `load_record` marks a set heavier than every earlier one of its exercise, unit
-- and reps to failure (reps + RIR); `reps_record` one with more reps than every earlier one of
-- its exercise and unit at its load. The best e1RM before any time is always among the load
-- records before it, and the most reps at a load the greatest reps record. The store keeps them
-- right on every write (store/records.rs holds the same computation).
ALTER TABLE workout_set ADD COLUMN load_record INTEGER NOT NULL DEFAULT 0 CHECK (load_record IN (0, 1));
ALTER TABLE workout_set ADD COLUMN reps_record INTEGER NOT NULL DEFAULT 0 CHECK (reps_record IN (0, 1));

UPDATE workout_set SET load_record = r.l, reps_record = r.r
FROM (
    SELECT id,
        load_hundredths > coalesce(max(load_hundredths) OVER (
            PARTITION BY exercise, unit, reps * 2 + coalesce(rir_halves, 0)
            ORDER BY logged_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1) AS l,
        reps > coalesce(max(reps) OVER (
            PARTITION BY exercise, unit, load_hundredths
            ORDER BY logged_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1) AS r
    FROM workout_set
    WHERE kind = 'working' AND form_broke = 0
      AND session_id NOT IN (SELECT s.id FROM deload_week d JOIN session s
                             ON s.started_at >= unixepoch(d.monday) AND s.started_at < unixepoch(d.monday, '+7 days'))
) AS r
WHERE workout_set.id = r.id;

-- Each lookup reads only an exercise's records before a time, from the index alone. The covering
-- index of 004 served the lookup that read every earlier set; the day around a week's start is
-- now read through the exercise's time index, so it goes (one index less to keep on each set).
DROP INDEX workout_set_bests;
CREATE INDEX workout_set_load_records
    ON workout_set (exercise, unit, logged_at, load_hundredths, reps, rir_halves) WHERE load_record = 1;
CREATE INDEX workout_set_reps_records
    ON workout_set (exercise, unit, logged_at, load_hundredths, reps) WHERE reps_record = 1;
