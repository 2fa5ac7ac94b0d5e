-- @needs: decl
-- @main
SELECT sum(total_fte) AS num, NULL AS den, count(*) AS contributing FROM decl
