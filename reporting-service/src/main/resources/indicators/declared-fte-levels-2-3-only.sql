-- @needs: decl
-- @main
SELECT sum(levels23_only_fte) AS num, NULL AS den, count(*) AS contributing FROM decl
