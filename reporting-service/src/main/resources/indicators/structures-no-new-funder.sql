-- @needs: decl
-- @main
SELECT count(*) FILTER (WHERE NOT new_funders_used) AS num, count(*) FILTER (WHERE new_funders_used IS NOT NULL) AS den,
       count(*) FILTER (WHERE new_funders_used IS NOT NULL) AS contributing
FROM decl
