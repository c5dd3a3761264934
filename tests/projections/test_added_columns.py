"""A column added to a projection's table after it shipped is added to a store's existing table, and rows
written before read with its default (projections/engine/projection.py `added_columns`)."""

from psycopg import sql

from application.tally import Tally
from projections.customers.projection import list_customers
from projections.engine.registry import all_projections
from projections.engine.worker import Worker
from projections.usage.meter_views import list_meters


def test_a_store_made_before_the_new_columns_gets_them_and_keeps_its_rows(tally: Tally) -> None:
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_old", "Old", None)
    tally.meters.create_meter(business, "calls", "api.call", {"type": "count"})
    worker = Worker(tally.store, all_projections(tally.store.schema))
    worker.setup()
    while worker.run_once():
        pass
    schema = sql.Identifier(tally.store.schema)
    with tally.store.datastore.transaction(commit=True) as cur:
        cur.execute(sql.SQL("ALTER TABLE {}.customers DROP COLUMN phone_number, DROP COLUMN metadata").format(schema))
        cur.execute(sql.SQL("ALTER TABLE {}.meters DROP COLUMN updated_at").format(schema))
    upgraded = Worker(tally.store, all_projections(tally.store.schema))
    upgraded.setup()
    tally.customers.create_customer(business, "cus_new", "New", None, "+15550100", {"plan": "pro"})
    while upgraded.run_once():
        pass
    customers = {c.customer_id: c for c in list_customers(tally.store.datastore, tally.store.schema, business).items}
    assert (customers["cus_old"].phone_number, customers["cus_old"].metadata) == (None, {})
    assert (customers["cus_new"].phone_number, customers["cus_new"].metadata) == ("+15550100", {"plan": "pro"})
    (meter,) = list_meters(tally.store.datastore, tally.store.schema, business).items
    assert meter.updated_at == meter.created_at
