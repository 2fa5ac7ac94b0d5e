-- @needs: decl
-- @main
SELECT count(*) FILTER (WHERE mutualised_offer_used) AS num, count(*) FILTER (WHERE mutualised_offer_used IS NOT NULL) AS den,
       count(*) FILTER (WHERE mutualised_offer_used IS NOT NULL) AS contributing
FROM decl
-- @breakdown
SELECT nature AS key, count(*) AS num,
       (SELECT count(*) FROM decl WHERE mutualised_offer_used IS NOT NULL) AS den
FROM decl, unnest(mutualised_offer_natures) AS nature WHERE mutualised_offer_used
GROUP BY nature ORDER BY 1
