-- Screening speed (issue 6): a finding's figures as a fixed-position array of integers instead of a
-- JSON object built per finding. Building the jsonb (keys, nested objects, numeric conversions)
-- cost more than computing the findings; an int8[] is one allocation. Each programme defines the
-- positions and rebuilds the same JSON object when findings are read (`findingColumns`), so the
-- explanation, the handover and the API see what they saw before. `facts` keeps what is shared by
-- many findings (the county's trigger of 一次性留工培训补助) and what is added later (the engine's
-- answer of a finding queued at handover); it is '{}' otherwise.
ALTER TABLE screening_findings ADD COLUMN figures bigint[];
