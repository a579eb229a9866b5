-- 007: every set a lifter really does. A set's load may be measured against body weight
-- (`basis`: 'bw+' is body weight plus the load, a belt; 'bw-' is body weight minus it, an
-- assistance); a hold, carry or cardio set is measured by time (`seconds`) and distance
-- (`distance_cm`, centimetres so miles stay exact) with 0 reps; a one-sided set keeps its side;
-- a technique set (drop, rest-pause, myo-reps) carries on the working set logged before it in
-- its session; a set done in a superset keeps its group. Every existing set is a plain set of
-- reps at a load, which the defaults say.
ALTER TABLE workout_set ADD COLUMN basis TEXT NOT NULL DEFAULT 'load' CHECK (basis IN ('load', 'bw+', 'bw-'));
ALTER TABLE workout_set ADD COLUMN seconds INTEGER CHECK (seconds IS NULL OR seconds BETWEEN 1 AND 86400);
ALTER TABLE workout_set ADD COLUMN distance_cm INTEGER CHECK (distance_cm IS NULL OR distance_cm BETWEEN 1 AND 100000000);
ALTER TABLE workout_set ADD COLUMN side TEXT CHECK (side IS NULL OR side IN ('each', 'left', 'right'));
ALTER TABLE workout_set ADD COLUMN technique TEXT CHECK (technique IS NULL OR technique IN ('drop', 'rest-pause', 'myo-reps'));
ALTER TABLE workout_set ADD COLUMN superset TEXT CHECK (superset IS NULL OR length(superset) BETWEEN 1 AND 16);

-- The lifter's body weight, one reading per local day (the latest typed that day wins): the
-- weight a bodyweight set adds its belt to, in force from its day until the next reading.
CREATE TABLE body_weight (
    day               TEXT PRIMARY KEY CHECK (date(day) IS day),
    weight_hundredths INTEGER NOT NULL CHECK (weight_hundredths BETWEEN 1 AND 100000),
    unit              TEXT NOT NULL CHECK (unit IN ('kg', 'lb')),
    logged_at         INTEGER NOT NULL
) STRICT;
