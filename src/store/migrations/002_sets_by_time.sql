-- 002: the week's dose per muscle reads every working set of one week, whatever the exercise:
-- index sets by the time they were logged so that stays a range read on years of history.
CREATE INDEX workout_set_by_time ON workout_set (logged_at);
