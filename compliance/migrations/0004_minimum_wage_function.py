from django.db import migrations

# The minimum wage in force, written once for the database so that the contract and job-order
# checks (one date, through compliance.rulebook.selectors) and the set-based rules (every case
# of a chunk) read the same answer. Both are LANGUAGE sql, not plpgsql, and neither is STRICT,
# so the planner inlines them into the calling query and a sweep stays one set-based plan.
MINIMUM_WAGE = """
CREATE FUNCTION mobility_minimum_wage(work_region text, on_date date)
RETURNS TABLE (amount_rub numeric, scope text, source text, effective_from date)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    -- RULES.md: the highest of the federal MROT and the region's minimum in force on the
    -- day; a regional figure never lowers the federal one, and on a tie the region's applies.
    SELECT in_force.amount_rub,
           CASE WHEN in_force.region = '' THEN 'federal' ELSE in_force.region END,
           in_force.source,
           in_force.effective_from
    FROM (
        SELECT DISTINCT ON (m.region) m.region, m.amount_rub, m.source, m.effective_from
        FROM compliance_minimumwage m
        WHERE m.region IN ('', work_region) AND m.effective_from <= on_date
        ORDER BY m.region, m.effective_from DESC
    ) in_force
    ORDER BY in_force.amount_rub DESC, in_force.region DESC
    LIMIT 1
$$;

-- Part time pro-rates the full-time minimum by hours / 40; more hours never raise it.
CREATE FUNCTION mobility_pro_rated_minimum(full_time_rub numeric, hours_per_week numeric)
RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT round(full_time_rub * least(hours_per_week, 40) / 40, 2)
$$;
"""

DROP = """
DROP FUNCTION mobility_pro_rated_minimum(numeric, numeric);
DROP FUNCTION mobility_minimum_wage(text, date);
"""


class Migration(migrations.Migration):
    dependencies = [("compliance", "0003_seed_catalogue")]

    operations = [migrations.RunSQL(MINIMUM_WAGE, DROP)]
