-- 005: exercises the catalogue does not know, brought in by an import: their muscles (from the
-- source's category, comma-separated, possibly none) and equipment, so their sets count on the
-- Week screen and the lifter can see which names to map.
CREATE TABLE custom_exercise (
    name      TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
    muscles   TEXT NOT NULL DEFAULT '',
    equipment TEXT NOT NULL,
    source    TEXT NOT NULL,
    added_at  INTEGER NOT NULL
) STRICT;

