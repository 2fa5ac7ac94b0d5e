-- @needs: decl
-- @main
SELECT sum(cep_training_days) AS num, sum(counsellors_trained) AS den, count(*) AS contributing
FROM decl WHERE cep_training_days IS NOT NULL AND counsellors_trained > 0
