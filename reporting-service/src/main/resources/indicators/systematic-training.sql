-- @needs: decl
-- @main
SELECT count(*) FILTER (WHERE systematic_training) AS num, count(*) FILTER (WHERE TRUE) AS den,
       count(*) FILTER (WHERE TRUE) AS contributing
FROM decl
