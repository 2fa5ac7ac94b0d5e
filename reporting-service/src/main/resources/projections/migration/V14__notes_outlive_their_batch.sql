-- The notes a batch's statements write for the pre-aggregates (monthly_fact_change, people_change,
-- delay_day_change) may now outlive the batch: with reporting.projection.fold = concurrent the live channel commits
-- them with the facts and positions, and a fold of its own transaction, on its own connection, moves them into the
-- pre-aggregates while the next batches are applied (PreAggregateFolds). Unlogged, a crash of the server would empty
-- them while the facts that wrote them stay committed: the pre-aggregates would miss those facts for good. Logged,
-- they are kept or lost with the facts that wrote them, as the facts' positions are.
ALTER TABLE ${schema}.monthly_fact_change SET LOGGED;
ALTER TABLE ${schema}.people_change SET LOGGED;
ALTER TABLE ${schema}.delay_day_change SET LOGGED;
