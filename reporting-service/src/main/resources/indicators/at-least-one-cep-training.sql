-- @needs: decl
-- @main
SELECT count(*) FILTER (WHERE at_least_one_cep_training) AS num, count(*) FILTER (WHERE TRUE) AS den,
       count(*) FILTER (WHERE TRUE) AS contributing
FROM decl
