-- @needs: decl
-- @main
SELECT count(*) FILTER (WHERE professionalisation_engaged) AS num, count(*) FILTER (WHERE TRUE) AS den,
       count(*) FILTER (WHERE TRUE) AS contributing
FROM decl
-- @breakdown
SELECT action AS key, count(*) AS num, (SELECT count(*) FROM decl) AS den
FROM decl, unnest(professionalisation_actions) AS action GROUP BY action ORDER BY 1
