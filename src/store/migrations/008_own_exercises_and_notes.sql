-- 008: exercises the lifter makes from the app or the shell, and notes pinned to an exercise.
-- A custom exercise may say whether it is safe to take to failure: 1 is technical (keep 1-2 in
-- reserve), 0 is safe, NULL leaves it to its equipment, as for every exercise an import brought.
ALTER TABLE custom_exercise ADD COLUMN technical INTEGER CHECK (technical IS NULL OR technical IN (0, 1));

-- The note the lifter pins to an exercise from the app (seat height, grip, cues): one per
-- exercise, shown instead of the plan's note while it is set.
CREATE TABLE exercise_note (
    name       TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
    note       TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
    updated_at INTEGER NOT NULL
) STRICT;
