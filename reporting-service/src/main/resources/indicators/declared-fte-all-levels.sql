-- @needs: decl
-- @main
SELECT sum(all_levels_fte) AS num, NULL AS den, count(*) AS contributing FROM decl
