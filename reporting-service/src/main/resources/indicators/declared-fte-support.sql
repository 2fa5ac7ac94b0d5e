-- @needs: decl
-- @main
SELECT sum(support_fte) AS num, NULL AS den, count(*) AS contributing FROM decl
