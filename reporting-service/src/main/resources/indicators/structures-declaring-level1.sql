-- @needs: decl
-- @main
SELECT count(*) FILTER (WHERE level1_delivered) AS num, count(*) FILTER (WHERE level1_delivered IS NOT NULL) AS den,
       count(*) FILTER (WHERE level1_delivered IS NOT NULL) AS contributing
FROM decl
