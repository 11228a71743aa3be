-- Parley workspace schema, version 3: a measure's status and kind, and a
-- scenario's choice to include threatened measures (SPEC section 2.1).

-- status: '' (in force, as every measure stored before statuses existed),
-- or one of the five statuses; kind: '' (a duty) or 'duty' or 'ban'.
ALTER TABLE measures ADD COLUMN status TEXT NOT NULL DEFAULT ''
    CHECK (status IN ('', 'in_force', 'announced', 'threatened', 'struck_down', 'expired'));
ALTER TABLE measures ADD COLUMN kind TEXT NOT NULL DEFAULT ''
    CHECK (kind IN ('', 'duty', 'ban'));
-- include_threats: threatened measures are active by their dates (1) or
-- never (0, what every scenario stored before meant).
ALTER TABLE scenarios ADD COLUMN include_threats INTEGER NOT NULL DEFAULT 0
    CHECK (include_threats IN (0, 1));
