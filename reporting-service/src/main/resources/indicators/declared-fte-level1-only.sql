-- @needs: decl
-- @main
SELECT sum(level1_only_fte) AS num, NULL AS den, count(*) AS contributing FROM decl
