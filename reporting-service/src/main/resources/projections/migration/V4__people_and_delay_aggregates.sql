-- Pre-aggregates for what monthly_fact cannot count: distinct people over a period (CEP beneficiaries, the
-- accompanied and their shares, structures tracing level 1 or recording CEP) and the funding delays' medians and
-- p90, exact "as of now" for periods of whole months.
--
-- Distinct people. A person is in a period P = [s, e] (months) for a fact when the fact's first month a <= e and its
-- last month b >= s: an accompaniment from its opening to its closure, a level from its start to the day before the
-- next change or to the closure, a contact on its day, a CPF step from its date to the day before its withdrawal.
-- Per person, line (what is counted: 'all', 'level-2', 'accompanied', 'cpf-consent'...) and structure, those
-- quadrants reduce to a staircase (a and b both increasing; a dominated quadrant dropped), and the person is in P
-- exactly once when P meets any of them: +1 for each step (a_i, b_i), -1 for each (a_i+1, b_i) where two neighbours
-- overlap. Whole months suffice: a fact dated in P's first or last month meets P whatever its day. Per period
-- a staircase step with a <= b counts from its month a (member_month.starts) until it ends in month b (ends): P sums
-- the starts up to e and takes back the ends before s, whatever P's length, with no row per period and none for
-- accompaniments still open. A step with a > b (a withdrawal on the day of the step, a level changed after the
-- closure) counts only for the periods holding both its months: read from member_item directly (a partial index).
-- A person counted at two structures of one scope is taken back once (member_item.shared, a partial index).
--
-- The items are recomputed per person from the facts at every change of one of the person's facts, in the
-- projection's transaction, and the counters take back the old items and add the new ones: corrections moving a
-- date, closures taken back, withdrawals and removed facts move the counts; an erasure keeps the facts and changes
-- nothing. refresh_people_and_delays() recomputes everything from the same functions: this migration, and the bulk
-- loader of the benchmark, which writes the facts with the triggers off.
--
-- Funding delays are whole days: per structure, month of decision, funder and delay, how many answers.
-- histogram_percentile() gives what percentile_cont gives over the answers themselves, bit for bit.
CREATE INDEX accompaniment_beneficiary ON ${schema}.accompaniment (beneficiary_id);
CREATE INDEX accompaniment_level_beneficiary ON ${schema}.accompaniment_level (beneficiary_id);
CREATE INDEX level1_contact_person ON ${schema}.level1_contact ((coalesce(beneficiary_id, contact_id)));
CREATE INDEX accompaniment_referent ON ${schema}.accompaniment (referent_id);
CREATE INDEX accompaniment_level_referent ON ${schema}.accompaniment_level (referent_id);

CREATE TABLE ${schema}.member_item (
    person       UUID        NOT NULL,
    line         TEXT        NOT NULL,
    structure_id UUID        NOT NULL,
    a            DATE        NOT NULL,
    b            DATE        NOT NULL,
    w            INTEGER     NOT NULL,
    shared       BOOLEAN     NOT NULL,
    recorded     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person, line, structure_id, a, b)
);
CREATE INDEX member_item_inverted ON ${schema}.member_item (b, line) WHERE a > b;
CREATE INDEX member_item_shared ON ${schema}.member_item (line) WHERE shared;
-- "as of now" holds while nothing the items rest on was recorded after asOf: the latest recording among the items
-- as they stand (the counters would keep the greatest ever seen, which depends on the order events came in)
CREATE INDEX member_item_recorded ON ${schema}.member_item (recorded);

CREATE TABLE ${schema}.member_month (
    line         TEXT        NOT NULL,
    month        DATE        NOT NULL,
    structure_id UUID        NOT NULL,
    starts       BIGINT      NOT NULL,
    ends         BIGINT      NOT NULL,
    PRIMARY KEY (line, month, structure_id)
);

CREATE TABLE ${schema}.delay_day (
    month        DATE        NOT NULL,
    structure_id UUID        NOT NULL,
    funder       TEXT        NOT NULL,
    delay_days   INTEGER     NOT NULL,
    n            BIGINT      NOT NULL,
    recorded_max TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (month, structure_id, funder, delay_days)
);
CREATE INDEX delay_day_recorded ON ${schema}.delay_day (recorded_max);

-- The facts of the given people as quadrants in days (b 'infinity' while open), per line; the rules are those of
-- the indicator resources' sets (active, held, l1) and of their numerators, as of now. A counsellor is a person
-- too, on the line 'referent': referent of an accompaniment active, or of a level held, in the period.
CREATE FUNCTION ${schema}.member_quadrants(ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH who AS (SELECT DISTINCT unnest(ids) AS id),
    acc AS (
        SELECT x.beneficiary_id AS person, x.referent_id, x.structure_id, x.opened_on AS a,
               CASE WHEN x.closed_at IS NULL THEN 'infinity'::DATE ELSE x.closed_on END AS b,
               greatest(x.opened_at, x.closed_at) AS recorded
        FROM ${schema}.accompaniment x
        WHERE x.accompaniment_id IN (SELECT y.accompaniment_id FROM ${schema}.accompaniment y
                                     WHERE y.beneficiary_id IN (SELECT id FROM who)
                                     UNION SELECT y.accompaniment_id FROM ${schema}.accompaniment y
                                     WHERE y.referent_id IN (SELECT id FROM who))
          AND x.opened_at IS NOT NULL AND x.opened_on IS NOT NULL
    ),
    active AS (SELECT * FROM acc WHERE b IS NOT NULL AND person IN (SELECT id FROM who)),
    -- every level of the accompaniments concerned: a level lasts until the next one, whoever its referent
    levels AS (
        SELECT l.beneficiary_id AS person, l.referent_id, l.accompaniment_id, l.structure_id, l.level, l.service,
               l.from_date,
               lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
                   AS next_from,
               -- a level's end rests on the levels after it
               max(l.recorded_at) OVER (PARTITION BY l.accompaniment_id) AS recorded_at
        FROM ${schema}.accompaniment_level l
        WHERE l.accompaniment_id IN (SELECT y.accompaniment_id FROM ${schema}.accompaniment_level y
                                     WHERE y.beneficiary_id IN (SELECT id FROM who)
                                     UNION SELECT y.accompaniment_id FROM ${schema}.accompaniment_level y
                                     WHERE y.referent_id IN (SELECT id FROM who))
    ),
    levels_held AS (
        SELECT lv.person, lv.referent_id, lv.structure_id, lv.level, lv.service, lv.from_date AS a,
               least(coalesce(lv.next_from - 1, 'infinity'::DATE),
                     CASE WHEN c.closed_at IS NULL THEN 'infinity'::DATE
                          ELSE coalesce(c.closed_on, 'infinity'::DATE) END) AS b,
               greatest(lv.recorded_at, c.closed_at) AS recorded
        FROM levels lv LEFT JOIN ${schema}.accompaniment c ON c.accompaniment_id = lv.accompaniment_id
        WHERE lv.next_from IS NULL OR lv.next_from > lv.from_date
    ),
    held AS (SELECT * FROM levels_held WHERE person IN (SELECT id FROM who)),
    l1 AS (
        SELECT coalesce(c.beneficiary_id, c.contact_id) AS person, c.structure_id, c.contact_date AS a,
               c.contact_date AS b, c.recorded_at AS recorded
        FROM ${schema}.level1_contact c WHERE coalesce(c.beneficiary_id, c.contact_id) IN (SELECT id FROM who)
    ),
    informed AS (
        SELECT i.beneficiary_id AS person, min(i.informed_on) AS since, max(i.recorded_at) AS recorded
        FROM ${schema}.cep_information i WHERE i.beneficiary_id IN (SELECT id FROM who) GROUP BY i.beneficiary_id
    ),
    -- a step counts from its date to the day before its first withdrawal on or after it
    steps AS (
        SELECT s.beneficiary_id AS person, s.step, s.modality, s.step_on AS a,
               coalesce(w.on_day - 1, 'infinity'::DATE) AS b, greatest(s.recorded_at, w.at) AS recorded
        FROM ${schema}.cpf_step s
        LEFT JOIN LATERAL (SELECT min(x.step_on) AS on_day, max(x.recorded_at) AS at FROM ${schema}.cpf_step x
                           WHERE x.beneficiary_id = s.beneficiary_id AND x.step = s.step || '_WITHDRAWN'
                             AND x.step_on >= s.step_on) w ON TRUE
        WHERE s.beneficiary_id IN (SELECT id FROM who) AND s.step IN ('PRESENTED', 'OPENING_ASSISTED', 'CONSENT')
    )
    SELECT person, 'all', structure_id, a, b, recorded FROM held
    UNION ALL SELECT person, 'level-' || level, structure_id, a, b, recorded FROM held
    UNION ALL SELECT person, 'service-' || service, structure_id, a, b, recorded FROM held WHERE service IS NOT NULL
    UNION ALL SELECT person, 'all', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'level-1', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'l1', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'accompanied', structure_id, a, b, recorded FROM active
    -- the numerators: accompanied in P and informed (a step taken, not withdrawn) for P
    UNION ALL SELECT x.person, 'informed', x.structure_id, greatest(x.a, i.since), x.b, greatest(x.recorded, i.recorded)
    FROM active x JOIN informed i ON i.person = x.person
    UNION ALL SELECT x.person, 'cpf-' || lower(s.step), x.structure_id, greatest(x.a, s.a), least(x.b, s.b),
           greatest(x.recorded, s.recorded)
    FROM active x JOIN steps s ON s.person = x.person
    UNION ALL SELECT x.person, 'consent-' || s.modality, x.structure_id, greatest(x.a, s.a), least(x.b, s.b),
           greatest(x.recorded, s.recorded)
    FROM active x JOIN steps s ON s.person = x.person WHERE s.step = 'CONSENT' AND s.modality IS NOT NULL
    UNION ALL SELECT referent_id, 'referent', structure_id, a, b, recorded FROM acc
    WHERE b IS NOT NULL AND referent_id IN (SELECT id FROM who)
    UNION ALL SELECT referent_id, 'referent', structure_id, a, b, recorded FROM levels_held
    WHERE referent_id IN (SELECT id FROM who)
$$;

-- The quadrants in months, reduced to their staircase per person, line and structure (see the top of this file).
CREATE FUNCTION ${schema}.member_staircase(ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, w INTEGER, shared BOOLEAN,
               recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH months AS (
        SELECT q.person, q.line, q.structure_id, CAST(date_trunc('month', q.a) AS DATE) AS a,
               CASE WHEN q.b = 'infinity' THEN q.b ELSE CAST(date_trunc('month', q.b) AS DATE) END AS b, q.recorded
        FROM ${schema}.member_quadrants(ids) q
    ),
    widest AS (
        SELECT m.person, m.line, m.structure_id, m.a, max(m.b) AS b, max(m.recorded) AS recorded
        FROM months m GROUP BY m.person, m.line, m.structure_id, m.a
    ),
    steps AS (
        SELECT x.*, lead(x.a) OVER (PARTITION BY x.person, x.line, x.structure_id ORDER BY x.a) AS next_a,
               min(CAST(x.structure_id AS TEXT)) OVER (PARTITION BY x.person, x.line)
                   <> max(CAST(x.structure_id AS TEXT)) OVER (PARTITION BY x.person, x.line) AS shared
        FROM (SELECT y.*, max(y.b) OVER (PARTITION BY y.person, y.line, y.structure_id ORDER BY y.a
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
              FROM widest y) x
        WHERE x.before IS NULL OR x.b > x.before
    )
    SELECT person, line, structure_id, a, b, 1, shared, recorded FROM steps
    UNION ALL
    SELECT person, line, structure_id, next_a, b, -1, shared, recorded FROM steps WHERE next_a IS NOT NULL
$$;

-- What items add to the monthly counters: a step with a <= b starts in month a and ends in month b. Counsellors
-- (line 'referent') are looked up one by one through their items, never summed: no counter.
CREATE FUNCTION ${schema}.member_moves(i ${schema}.member_item)
RETURNS TABLE (line TEXT, month DATE, structure_id UUID, starts BIGINT, ends BIGINT)
LANGUAGE sql IMMUTABLE AS $$
    SELECT i.line, i.a, i.structure_id, CAST(i.w AS BIGINT), 0::BIGINT WHERE i.a <= i.b AND i.line <> 'referent'
    UNION ALL
    SELECT i.line, i.b, i.structure_id, 0, i.w WHERE i.a <= i.b AND i.b <> 'infinity' AND i.line <> 'referent'
$$;

-- The given people's items recomputed; the counters take back the old items and add the new ones, netted first.
CREATE FUNCTION ${schema}.fold_members(ids UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    before ${schema}.member_item[];
    after ${schema}.member_item[];
BEGIN
    SELECT coalesce(array_agg(m ORDER BY m.person, m.line, m.structure_id, m.a, m.b), '{}') INTO before
    FROM ${schema}.member_item m WHERE m.person = ANY(ids);
    SELECT coalesce(array_agg(ROW(s.person, s.line, s.structure_id, s.a, s.b, s.w, s.shared, s.recorded)::${schema}.member_item
                              ORDER BY s.person, s.line, s.structure_id, s.a, s.b), '{}') INTO after
    FROM ${schema}.member_staircase(ids) s;
    IF before = after THEN
        RETURN;
    END IF;
    INSERT INTO ${schema}.member_month AS t (line, month, structure_id, starts, ends)
    SELECT c.line, c.month, c.structure_id, sum(c.starts), sum(c.ends) FROM (
        SELECT o.line, o.month, o.structure_id, -o.starts AS starts, -o.ends AS ends
        FROM unnest(before) AS old_item, ${schema}.member_moves(old_item) o
        UNION ALL SELECT x.* FROM unnest(after) AS new_item, ${schema}.member_moves(new_item) x
    ) c
    GROUP BY c.line, c.month, c.structure_id HAVING sum(c.starts) <> 0 OR sum(c.ends) <> 0
    ON CONFLICT (line, month, structure_id) DO UPDATE
    SET starts = t.starts + excluded.starts, ends = t.ends + excluded.ends;
    -- a counter back to zero goes, as a rebuild would never write it
    DELETE FROM ${schema}.member_month t
    USING (SELECT DISTINCT o.line, o.month, o.structure_id
           FROM unnest(before) AS old_item, ${schema}.member_moves(old_item) o) z
    WHERE t.line = z.line AND t.month = z.month AND t.structure_id = z.structure_id AND t.starts = 0 AND t.ends = 0;
    DELETE FROM ${schema}.member_item m WHERE m.person = ANY(ids);
    INSERT INTO ${schema}.member_item SELECT * FROM unnest(after);
END
$$;

-- One fold for every table these pre-aggregates read: a funding decision moves its delay's count; any other fact
-- has its people's items recomputed (the beneficiary, or the anonymous contact, before and after the change), and
-- an accompaniment's or a level's change those of the referents of all its levels (a level ends where the next
-- begins, and at the closure).
CREATE FUNCTION ${schema}.people_and_delays_fold() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'funding_decision' THEN
        INSERT INTO ${schema}.delay_day AS t (month, structure_id, funder, delay_days, n, recorded_max)
        SELECT c.month, c.structure_id, c.funder, c.delay_days, sum(c.n), max(c.recorded) FROM (
            SELECT CAST(date_trunc('month', OLD.decided_on) AS DATE) AS month, OLD.structure_id AS structure_id,
                   OLD.funder AS funder, OLD.delay_days AS delay_days, -1 AS n, OLD.recorded_at AS recorded
            WHERE TG_OP <> 'INSERT' AND OLD.decision <> 'WITHDRAWN' AND OLD.delay_days IS NOT NULL
            UNION ALL
            SELECT CAST(date_trunc('month', NEW.decided_on) AS DATE), NEW.structure_id, NEW.funder, NEW.delay_days,
                   1, NEW.recorded_at
            WHERE TG_OP <> 'DELETE' AND NEW.decision <> 'WITHDRAWN' AND NEW.delay_days IS NOT NULL
        ) c
        GROUP BY c.month, c.structure_id, c.funder, c.delay_days HAVING sum(c.n) <> 0
        ON CONFLICT (month, structure_id, funder, delay_days) DO UPDATE
        SET n = t.n + excluded.n, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
    ELSIF TG_TABLE_NAME = 'level1_contact' THEN
        PERFORM ${schema}.fold_members(array_remove(ARRAY[
            CASE WHEN TG_OP <> 'INSERT' THEN coalesce(OLD.beneficiary_id, OLD.contact_id) END,
            CASE WHEN TG_OP <> 'DELETE' THEN coalesce(NEW.beneficiary_id, NEW.contact_id) END], NULL));
    ELSIF TG_TABLE_NAME IN ('accompaniment', 'accompaniment_level') THEN
        PERFORM ${schema}.fold_members(ARRAY(
            SELECT x.id FROM unnest(ARRAY[
                CASE WHEN TG_OP <> 'INSERT' THEN OLD.beneficiary_id END,
                CASE WHEN TG_OP <> 'DELETE' THEN NEW.beneficiary_id END,
                CASE WHEN TG_OP <> 'INSERT' THEN OLD.referent_id END,
                CASE WHEN TG_OP <> 'DELETE' THEN NEW.referent_id END]) AS x (id) WHERE x.id IS NOT NULL
            UNION SELECT l.referent_id FROM ${schema}.accompaniment_level l
            WHERE l.referent_id IS NOT NULL AND l.accompaniment_id IN (
                CASE WHEN TG_OP <> 'INSERT' THEN OLD.accompaniment_id END,
                CASE WHEN TG_OP <> 'DELETE' THEN NEW.accompaniment_id END)));
    ELSE
        PERFORM ${schema}.fold_members(array_remove(ARRAY[
            CASE WHEN TG_OP <> 'INSERT' THEN OLD.beneficiary_id END,
            CASE WHEN TG_OP <> 'DELETE' THEN NEW.beneficiary_id END], NULL));
    END IF;
    RETURN NULL;
END
$$;

-- only the columns the counts read: a referent changed or an interview recorded moves nothing here
CREATE TRIGGER accompaniment_people AFTER INSERT OR DELETE OR UPDATE OF beneficiary_id, referent_id, structure_id,
    opened_on, opened_at, closed_on, closed_at ON ${schema}.accompaniment
    FOR EACH ROW EXECUTE FUNCTION ${schema}.people_and_delays_fold();
CREATE TRIGGER accompaniment_level_people AFTER INSERT OR DELETE OR UPDATE OF accompaniment_id, beneficiary_id,
    referent_id, structure_id, level, service, from_date, recorded_at ON ${schema}.accompaniment_level
    FOR EACH ROW EXECUTE FUNCTION ${schema}.people_and_delays_fold();
CREATE TRIGGER level1_contact_people AFTER INSERT OR DELETE OR UPDATE OF beneficiary_id, structure_id, contact_date
    ON ${schema}.level1_contact
    FOR EACH ROW EXECUTE FUNCTION ${schema}.people_and_delays_fold();
CREATE TRIGGER cep_information_people AFTER INSERT OR DELETE OR UPDATE OF beneficiary_id, informed_on
    ON ${schema}.cep_information
    FOR EACH ROW EXECUTE FUNCTION ${schema}.people_and_delays_fold();
CREATE TRIGGER cpf_step_people AFTER INSERT OR DELETE OR UPDATE OF beneficiary_id, step, step_on, modality
    ON ${schema}.cpf_step
    FOR EACH ROW EXECUTE FUNCTION ${schema}.people_and_delays_fold();
CREATE TRIGGER funding_decision_delays AFTER INSERT OR DELETE OR UPDATE OF structure_id, funder, decision,
    decided_on, delay_days, recorded_at ON ${schema}.funding_decision
    FOR EACH ROW EXECUTE FUNCTION ${schema}.people_and_delays_fold();

-- percentile_cont(f) over the values the histogram holds (d ascending, n of each), with its arithmetic: the rows
-- floor and ceil of f * (count - 1), interpolated in double precision.
CREATE FUNCTION ${schema}.histogram_percentile(f DOUBLE PRECISION, d INTEGER[], n BIGINT[])
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE AS $$
    WITH h AS (
        SELECT x.d, sum(x.n) OVER (ORDER BY x.d) AS upto, sum(x.n) OVER () AS total
        FROM unnest(d, n) AS x (d, n) WHERE x.n > 0
    ),
    r AS (SELECT f * CAST(max(total) - 1 AS DOUBLE PRECISION) AS pos FROM h HAVING count(*) > 0)
    SELECT CAST(lo.d AS DOUBLE PRECISION)
           + (r.pos - floor(r.pos)) * (CAST(hi.d AS DOUBLE PRECISION) - CAST(lo.d AS DOUBLE PRECISION))
    FROM r,
         LATERAL (SELECT h.d FROM h WHERE h.upto > floor(r.pos) ORDER BY h.d LIMIT 1) lo,
         LATERAL (SELECT h.d FROM h WHERE h.upto > ceil(r.pos) ORDER BY h.d LIMIT 1) hi
$$;

CREATE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE ${schema}.member_item, ${schema}.member_month, ${schema}.delay_day;
    INSERT INTO ${schema}.member_item
    SELECT s.* FROM ${schema}.member_staircase(ARRAY(
        SELECT beneficiary_id FROM ${schema}.accompaniment
        UNION SELECT beneficiary_id FROM ${schema}.accompaniment_level
        UNION SELECT coalesce(beneficiary_id, contact_id) FROM ${schema}.level1_contact
        UNION SELECT referent_id FROM ${schema}.accompaniment WHERE referent_id IS NOT NULL
        UNION SELECT referent_id FROM ${schema}.accompaniment_level WHERE referent_id IS NOT NULL)) s;
    INSERT INTO ${schema}.member_month (line, month, structure_id, starts, ends)
    SELECT x.line, x.month, x.structure_id, sum(x.starts), sum(x.ends)
    FROM ${schema}.member_item item, ${schema}.member_moves(item) x
    GROUP BY x.line, x.month, x.structure_id HAVING sum(x.starts) <> 0 OR sum(x.ends) <> 0;
    INSERT INTO ${schema}.delay_day (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT CAST(date_trunc('month', f.decided_on) AS DATE), f.structure_id, f.funder, f.delay_days, count(*),
           max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE f.decision <> 'WITHDRAWN' AND f.delay_days IS NOT NULL
    GROUP BY 1, 2, 3, 4;
END
$$;

SELECT ${schema}.refresh_people_and_delays();
