#!/usr/bin/env python3
"""usage: bench/portfolio-plan.py OLD.java NEW.java SCHEMA PEOPLE > plan.sql; psql -h 127.0.0.1 -p PORT -U postgres -d reporting -f plan.sql

Plans two texts of the portfolio statement (BeneficiaryFactsProjection.portfolio, taken from two versions of that
file, e.g. `git show main:…/BeneficiaryFactsProjection.java > old.java`) on a generation of a benchmark's stack:
a round of PEOPLE people of the generation SCHEMA as a rebuild makes it (half registered anew, 4 in 10 given another
referent, 1 in 10 exited or their exit moved: the demo's mix), in one transaction rolled back, the indexes a
rebuild defers dropped; each text prepared and run as the driver binds it (three arrays), EXPLAIN (ANALYZE,
BUFFERS, VERBOSE) with custom then generic plans, plain timed runs, and after each planned run a digest of the
round's portfolio_span rows and of portfolio_month (equal digests: the same rows). A stack to plan on: run
`bench/run RebuildThroughput 0.12 short` and stop its client with SIGSTOP once it prints the rebuilds' summary (the
stack keeps running; the port is in the stack's logs/postgres.log), SIGTERM and SIGCONT it when done.
"""
import sys, re
def stmt(path):
    s = open(path).read()
    m = s.index('private void portfolio(UUID')
    a = s.index('"""', m) + 3
    b = s.index('"""', a)
    sql = s[a:b]
    n = [0]
    def rep(_):
        n[0] += 1
        return '$%d' % n[0]
    sql = re.sub(r'\?(?=::)', rep, sql)
    return sql.replace('{schema}', sys.argv[3]).strip()
old, new, schema, people = stmt(sys.argv[1]), stmt(sys.argv[2]), sys.argv[3], int(sys.argv[4])
print(f"""\\timing off
\\pset pager off
BEGIN;
DROP INDEX IF EXISTS {schema}.portfolio_span_recorded;
DROP INDEX IF EXISTS {schema}.portfolio_span_superseded;
CREATE TEMP TABLE pick ON COMMIT DROP AS
  SELECT b.beneficiary_id, row_number() OVER (ORDER BY md5(b.beneficiary_id::text)) % 10 AS kind
  FROM {schema}.beneficiary b WHERE b.registered_at IS NOT NULL AND b.entry_date IS NOT NULL
    AND EXISTS (SELECT 1 FROM {schema}.referent_assignment r WHERE r.beneficiary_id = b.beneficiary_id)
  ORDER BY md5(b.beneficiary_id::text) LIMIT {people};
SELECT kind, count(*) FROM pick GROUP BY 1 ORDER BY 1;
-- 0-4: registered anew (no span yet, the first referent only, not exited): the demo's 17,393 of 36,138
DELETE FROM {schema}.portfolio_span s USING pick p WHERE p.kind < 5 AND s.beneficiary_id = p.beneficiary_id;
DELETE FROM {schema}.referent_assignment r USING pick p WHERE p.kind < 5 AND r.beneficiary_id = p.beneficiary_id
  AND (r.assigned_on, r.recorded_at, r.counsellor_id) > (SELECT f.assigned_on, f.recorded_at, f.counsellor_id
      FROM {schema}.referent_assignment f WHERE f.beneficiary_id = p.beneficiary_id
      ORDER BY f.assigned_on, f.recorded_at, f.counsellor_id LIMIT 1);
UPDATE {schema}.beneficiary b SET exit_date = NULL FROM pick p WHERE p.kind < 5 AND b.beneficiary_id = p.beneficiary_id;
-- 5-8: another referent (15,092) of the structure, a month after the last assignment
INSERT INTO {schema}.referent_assignment (beneficiary_id, counsellor_id, structure_id, assigned_on, recorded_at)
  SELECT p.beneficiary_id, coalesce((SELECT c.counsellor_id FROM {schema}.counsellor c WHERE c.structure_id = b.structure_id
      AND c.counsellor_id <> (SELECT r.counsellor_id FROM {schema}.referent_assignment r
          WHERE r.beneficiary_id = p.beneficiary_id ORDER BY assigned_on DESC LIMIT 1) LIMIT 1),
      (SELECT r.counsellor_id FROM {schema}.referent_assignment r
          WHERE r.beneficiary_id = p.beneficiary_id ORDER BY assigned_on DESC LIMIT 1)),
    b.structure_id, (SELECT max(r.assigned_on) FROM {schema}.referent_assignment r WHERE r.beneficiary_id = p.beneficiary_id) + 30,
    now()
  FROM pick p JOIN {schema}.beneficiary b USING (beneficiary_id) WHERE p.kind BETWEEN 5 AND 8;
-- 9: exited, or the exit moved ten days (3,653)
UPDATE {schema}.beneficiary b SET exit_date = coalesce(b.exit_date + 10, b.entry_date + 400)
  FROM pick p WHERE p.kind = 9 AND b.beneficiary_id = p.beneficiary_id;
SELECT array_agg(beneficiary_id ORDER BY beneficiary_id) AS ids,
       array_agg(gen_random_uuid()) AS evs,
       array_agg(now() + interval '1 hour') AS ts FROM pick \\gset
PREPARE old_p(uuid[], uuid[], timestamptz[]) AS {old};
PREPARE new_p(uuid[], uuid[], timestamptz[]) AS {new};
""")
def run(name, label, analyze=True):
    opts = 'ANALYZE, BUFFERS, VERBOSE' if analyze else 'VERBOSE'
    print(f"""SAVEPOINT s;
\\echo ==== {label} {name}
EXPLAIN ({opts}) EXECUTE {name}_p(:'ids', :'evs', :'ts');
SELECT '{label} {name} spans' AS what, count(*), md5(string_agg(t::text, ',' ORDER BY t::text)) FROM {schema}.portfolio_span t WHERE t.beneficiary_id = ANY (:'ids'::uuid[]);
SELECT '{label} {name} months' AS what, count(*), md5(string_agg(t::text, ',' ORDER BY t::text)) FROM {schema}.portfolio_month t;
ROLLBACK TO SAVEPOINT s;""")
for i in range(3):
    run('old', f'custom{i}')
    run('new', f'custom{i}')
def plain(name, label):
    print(f"""SAVEPOINT s;
\\echo ==== plain {label} {name}
\\timing on
EXECUTE {name}_p(:'ids', :'evs', :'ts');
\\timing off
ROLLBACK TO SAVEPOINT s;""")
for i in range(4):
    plain('old', f'p{i}')
    plain('new', f'p{i}')
print("SET LOCAL plan_cache_mode = force_generic_plan;")
for i in range(2):
    run('old', f'generic{i}')
    run('new', f'generic{i}')
print("ROLLBACK;")
