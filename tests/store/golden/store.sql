SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

CREATE SCHEMA tally_golden_store;

CREATE TYPE tally_golden_store.stored_event_uuid AS (
	originator_id uuid,
	originator_version bigint,
	topic text,
	state bytea
);

CREATE FUNCTION tally_golden_store.es_insert_events_uuid(events tally_golden_store.stored_event_uuid[]) RETURNS SETOF bigint
    LANGUAGE plpgsql
    AS $$BEGIN    SET LOCAL lock_timeout = '10s';    NOTIFY "tally_events";    RETURN QUERY    INSERT INTO "tally_golden_store"."tally_events" AS t (    originator_id, originator_version, topic, state)    SELECT originator_id, originator_version, topic, state    FROM unnest(events)    RETURNING notification_id;END;$$;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE tally_golden_store.alerts (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    customer_id text,
    meter_id text,
    threshold numeric NOT NULL,
    kind text NOT NULL,
    deleted boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.charges (
    subscription_id uuid NOT NULL,
    business_id uuid NOT NULL,
    customer_id text NOT NULL,
    product_id uuid NOT NULL,
    anchor timestamp with time zone NOT NULL,
    billing_interval text NOT NULL,
    interval_count integer NOT NULL,
    ends_at timestamp with time zone,
    cycle_index integer NOT NULL,
    cycle_start timestamp with time zone,
    cycle_end timestamp with time zone,
    late_after bigint NOT NULL,
    currency text NOT NULL,
    price numeric NOT NULL,
    usage_prices jsonb NOT NULL,
    "position" bigint NOT NULL,
    timeline jsonb,
    billed_from timestamp with time zone,
    segments jsonb
);

CREATE TABLE tally_golden_store.customers (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    customer_id text NOT NULL,
    name text,
    email text,
    billing_details jsonb,
    created_at timestamp with time zone NOT NULL,
    "position" bigint NOT NULL,
    phone_number text,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL
);

CREATE TABLE tally_golden_store.entitlements (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    terms jsonb NOT NULL,
    deleted boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.grants (
    wallet_id uuid NOT NULL,
    grant_id text NOT NULL,
    source text NOT NULL,
    amount numeric NOT NULL,
    remaining numeric NOT NULL,
    expires_at timestamp with time zone,
    reference text NOT NULL,
    granted_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    parent_grant_id text,
    rollover_count integer NOT NULL,
    ended boolean NOT NULL,
    rolled_over boolean NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.invoices (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    customer_id text NOT NULL,
    subscription_id uuid NOT NULL,
    product_id uuid NOT NULL,
    currency text NOT NULL,
    cycle_start timestamp with time zone NOT NULL,
    cycle_end timestamp with time zone NOT NULL,
    price numeric NOT NULL,
    total numeric NOT NULL,
    lines jsonb NOT NULL,
    status text NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    number text NOT NULL,
    bill_to jsonb,
    paid_at timestamp with time zone,
    payment_reference text,
    voided_at timestamp with time zone,
    void_reason text,
    uncollectible_at timestamp with time zone,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.ledger (
    wallet_id uuid NOT NULL,
    "position" bigint NOT NULL,
    type text NOT NULL,
    transaction_type text NOT NULL,
    amount numeric NOT NULL,
    credits numeric NOT NULL,
    is_credit boolean NOT NULL,
    balance_after numeric NOT NULL,
    overage_change numeric NOT NULL,
    overage_after numeric NOT NULL,
    grant_id text,
    meter_id text,
    entry_id text,
    reason text,
    metadata jsonb,
    reference text NOT NULL,
    at timestamp with time zone NOT NULL
);

CREATE TABLE tally_golden_store.meter_uniques (
    meter_id uuid NOT NULL,
    customer_id text NOT NULL,
    minute timestamp with time zone NOT NULL,
    value text NOT NULL
);

CREATE TABLE tally_golden_store.meter_usage (
    meter_id uuid NOT NULL,
    customer_id text NOT NULL COLLATE pg_catalog."C",
    minute timestamp with time zone NOT NULL,
    count bigint NOT NULL,
    sum numeric NOT NULL,
    max numeric NOT NULL,
    last_value numeric NOT NULL,
    last_ts timestamp with time zone NOT NULL,
    last_position bigint NOT NULL,
    min numeric NOT NULL
);

CREATE TABLE tally_golden_store.meter_usage_hours (
    meter_id uuid NOT NULL,
    hour timestamp with time zone NOT NULL,
    count bigint NOT NULL,
    sum numeric NOT NULL,
    max numeric NOT NULL,
    last_value numeric NOT NULL,
    last_ts timestamp with time zone NOT NULL,
    last_position bigint NOT NULL,
    min numeric NOT NULL
);

CREATE TABLE tally_golden_store.meters (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    name text NOT NULL,
    event_name text NOT NULL,
    aggregation text NOT NULL,
    aggregation_key text,
    filter jsonb,
    measurement_unit text,
    description text,
    archived boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    "position" bigint NOT NULL,
    skipped bigint NOT NULL,
    backfill_upto bigint NOT NULL,
    backfill_cursor bigint NOT NULL,
    updated_at timestamp with time zone
);

CREATE TABLE tally_golden_store.products (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    name text NOT NULL,
    currency text NOT NULL,
    price numeric NOT NULL,
    billing_interval text NOT NULL,
    interval_count integer NOT NULL,
    usage_prices jsonb NOT NULL,
    credit_entitlements jsonb NOT NULL,
    archived boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.projection_parked (
    projection text NOT NULL,
    "position" bigint NOT NULL,
    business_id uuid,
    originator_id uuid NOT NULL,
    topic text NOT NULL,
    error text NOT NULL,
    parked_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE tally_golden_store.projection_tracking (
    name text NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.simulation_rows (
    simulation_id uuid NOT NULL,
    scenario text NOT NULL,
    subscription_id uuid NOT NULL,
    cycle_start timestamp with time zone NOT NULL,
    cycle_end timestamp with time zone NOT NULL,
    customer_id text NOT NULL,
    issued numeric NOT NULL,
    simulated numeric NOT NULL,
    difference numeric NOT NULL,
    "row" jsonb NOT NULL
);

CREATE TABLE tally_golden_store.simulations (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    product_id uuid NOT NULL,
    status text NOT NULL,
    scenarios jsonb NOT NULL,
    customer_ids jsonb,
    cycles integer,
    span_start timestamp with time zone,
    span_end timestamp with time zone,
    total integer NOT NULL,
    done integer NOT NULL,
    error text,
    requested_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    requested_position bigint NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.tally_events (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea,
    notification_id bigint NOT NULL
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');

CREATE SEQUENCE tally_golden_store.tally_events_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE tally_golden_store.tally_events_notification_id_seq OWNED BY tally_golden_store.tally_events.notification_id;

CREATE TABLE tally_golden_store.tally_snapshots (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');

CREATE TABLE tally_golden_store.usage_events (
    "position" bigint NOT NULL,
    business_id uuid NOT NULL,
    event_id text NOT NULL,
    customer_id text NOT NULL COLLATE pg_catalog."C",
    event_name text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    metadata jsonb NOT NULL
);

CREATE TABLE tally_golden_store.wallets (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    customer_id text NOT NULL,
    entitlement_id text,
    balance numeric NOT NULL,
    overage numeric NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_transaction_at timestamp with time zone,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.webhook_deliveries (
    id uuid NOT NULL,
    endpoint_id uuid NOT NULL,
    business_id uuid NOT NULL,
    "position" bigint NOT NULL,
    event_type text NOT NULL,
    payload text NOT NULL,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE tally_golden_store.webhook_endpoints (
    id uuid NOT NULL,
    business_id uuid NOT NULL,
    url text NOT NULL,
    description text NOT NULL,
    disabled boolean NOT NULL,
    filter_types text[] NOT NULL,
    headers jsonb NOT NULL,
    metadata jsonb NOT NULL,
    rate_limit integer,
    secret text NOT NULL,
    deleted boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    "position" bigint NOT NULL
);

CREATE TABLE tally_golden_store.webhook_sends (
    delivery_id uuid NOT NULL,
    endpoint_id uuid NOT NULL,
    status text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_at timestamp with time zone,
    last_code integer,
    last_error text,
    last_attempt_at timestamp with time zone,
    delivered_at timestamp with time zone,
    enqueued_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);

CREATE TABLE tally_golden_store.webhook_subjects (
    id uuid NOT NULL,
    state jsonb NOT NULL
);

CREATE TABLE tally_golden_store.worker_beats (
    worker text NOT NULL,
    pid integer NOT NULL,
    host text NOT NULL,
    beat_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY tally_golden_store.tally_events ALTER COLUMN notification_id SET DEFAULT nextval('tally_golden_store.tally_events_notification_id_seq'::regclass);

INSERT INTO tally_golden_store.charges VALUES ('27624a03-ccb3-4cab-aa63-c39aa8c5e7aa', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo', 'b98cc87a-f291-46f2-8ab1-d4e1fcec596a', '2026-09-01 00:00:00+00', 'month', 1, NULL, 1, '2026-10-01 00:00:00+00', '2026-11-01 00:00:00+00', 192, 'USD', 0, '{"c57cd14a-b320-4a54-b2e1-85cc5ace2823": {"credits": null, "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "unit_price": "0", "free_threshold": "0", "credit_entitlement_id": "23e2b83e-2f22-41cc-9084-8dae1981137d", "meter_units_per_credit": "1"}}', 193, '{"epochs": [{"count": 1, "first": 0, "anchor": "2026-09-01T00:00:00Z", "interval": "month"}], "changes": [{"at": "2026-09-01T00:00:00Z", "mode": "do_not_bill", "quantity": 1, "product_id": "b98cc87a-f291-46f2-8ab1-d4e1fcec596a"}], "trial_ends_at": null}', NULL, '[{"end": "2026-11-01T00:00:00Z", "fixed": "whole", "share": [1, 1], "start": "2026-10-01T00:00:00Z", "trial": false, "quantity": 1, "product_id": "b98cc87a-f291-46f2-8ab1-d4e1fcec596a"}]');
INSERT INTO tally_golden_store.charges VALUES ('0d8293a3-4e27-4c00-b8c3-f5c6ad45c792', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy', '66309416-43d1-46ca-9bd0-7c5919c1a7df', '2026-10-01 00:00:00+00', 'month', 1, NULL, 0, '2026-10-01 00:00:00+00', '2026-11-01 00:00:00+00', 0, 'USD', 10.00, '{"11ebc0f4-a4cb-470c-a93b-e3d2070d748f": {"credits": null, "meter_id": "11ebc0f4-a4cb-470c-a93b-e3d2070d748f", "unit_price": "1.10", "free_threshold": "0"}, "325084e1-c36c-4120-aaf8-f5bb5e9caf40": {"credits": null, "meter_id": "325084e1-c36c-4120-aaf8-f5bb5e9caf40", "unit_price": "0.001", "free_threshold": "1000"}, "7bd4a9ef-7252-4b44-a66c-90ca59ea6d04": {"credits": null, "meter_id": "7bd4a9ef-7252-4b44-a66c-90ca59ea6d04", "unit_price": "2.50", "free_threshold": "0"}, "c57cd14a-b320-4a54-b2e1-85cc5ace2823": {"model": "graduated", "tiers": [{"up_to": "5", "flat_price": "0", "unit_price": "0.10"}, {"up_to": "12", "flat_price": "1.00", "unit_price": "0.05"}, {"up_to": null, "flat_price": "0", "unit_price": "0.02"}], "credits": null, "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "unit_price": "0", "free_threshold": "2"}, "e0e292fa-01bc-40b3-acc1-4659082560be": {"credits": null, "meter_id": "e0e292fa-01bc-40b3-acc1-4659082560be", "unit_price": "0.25", "free_threshold": "0"}}', 21, '{"epochs": [{"count": 1, "first": 0, "anchor": "2026-10-01T00:00:00Z", "interval": "month"}], "changes": [{"at": "2026-10-01T00:00:00Z", "mode": "do_not_bill", "quantity": 1, "product_id": "66309416-43d1-46ca-9bd0-7c5919c1a7df"}], "trial_ends_at": null}', NULL, '[{"end": "2026-11-01T00:00:00Z", "fixed": "whole", "share": [1, 1], "start": "2026-10-01T00:00:00Z", "trial": false, "quantity": 1, "product_id": "66309416-43d1-46ca-9bd0-7c5919c1a7df"}]');
INSERT INTO tally_golden_store.charges VALUES ('69566684-605d-43b2-ac0c-ada3d1db15bc', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada', '1fe6c739-2f58-4309-9507-77cb9d7f0543', '2026-09-01 00:00:00+00', 'month', 1, NULL, 1, '2026-10-01 00:00:00+00', '2026-11-01 00:00:00+00', 189, 'USD', 30.00, '{"325084e1-c36c-4120-aaf8-f5bb5e9caf40": {"credits": null, "meter_id": "325084e1-c36c-4120-aaf8-f5bb5e9caf40", "unit_price": "0.0005", "free_threshold": "0"}, "7f468d7f-4673-4f93-9d5d-f0dcc500ec5d": {"credits": null, "meter_id": "7f468d7f-4673-4f93-9d5d-f0dcc500ec5d", "unit_price": "1.5", "free_threshold": "0"}, "b6ca1bbd-ec63-4a83-af99-2068e67eb3a8": {"credits": null, "meter_id": "b6ca1bbd-ec63-4a83-af99-2068e67eb3a8", "unit_price": "0.01", "free_threshold": "0"}, "c57cd14a-b320-4a54-b2e1-85cc5ace2823": {"credits": null, "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "unit_price": "0.03", "free_threshold": "10"}}', 190, '{"epochs": [{"count": 1, "first": 0, "anchor": "2026-09-01T00:00:00Z", "interval": "month"}], "changes": [{"at": "2026-09-01T00:00:00Z", "mode": "do_not_bill", "quantity": 1, "product_id": "66309416-43d1-46ca-9bd0-7c5919c1a7df"}, {"at": "2026-09-16T00:00:00Z", "mode": "prorated_immediately", "quantity": 1, "product_id": "1fe6c739-2f58-4309-9507-77cb9d7f0543"}], "trial_ends_at": null}', NULL, '[{"end": "2026-11-01T00:00:00Z", "fixed": "whole", "share": [1, 1], "start": "2026-10-01T00:00:00Z", "trial": false, "quantity": 1, "product_id": "1fe6c739-2f58-4309-9507-77cb9d7f0543"}]');

INSERT INTO tally_golden_store.customers VALUES ('0d41c840-edd8-5bb2-a6bc-346651332ad4', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada', 'Ada', 'cus_ada@example.com', NULL, '2026-12-07 08:38:46.212923+00', 3, NULL, '{}');
INSERT INTO tally_golden_store.customers VALUES ('1ba5bcf8-afcb-5d10-9379-6d9a924495ae', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo', 'Bo', 'cus_bo@example.com', NULL, '2026-12-07 08:38:46.21862+00', 4, NULL, '{}');
INSERT INTO tally_golden_store.customers VALUES ('25224d84-0866-5f38-97d5-76d953a39a4b', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy', NULL, 'cus_cy@example.com', NULL, '2026-12-07 08:38:46.222098+00', 5, NULL, '{}');

INSERT INTO tally_golden_store.entitlements VALUES ('23e2b83e-2f22-41cc-9084-8dae1981137d', '7a066d33-787b-5c7b-8153-8a608495b540', '{"name": "API credits", "unit": "credits", "currency": "USD", "precision": 0, "description": null, "overage_limit": null, "price_per_unit": "0.05", "overage_enabled": true, "overage_behavior": "invoice_at_billing", "rollover_enabled": false, "expires_after_days": null, "max_rollover_count": null, "rollover_percentage": null, "rollover_timeframe_count": null, "rollover_timeframe_interval": null, "low_balance_threshold_percent": null}', false, '2026-12-07 08:38:46.237+00', '2026-12-07 08:38:46.237+00', 13);

INSERT INTO tally_golden_store.grants VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 'cycle:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:0:entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d', 'cycle', 10, 0, '2026-10-01 00:00:00+00', 'subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-09-01T00:00:00+00:00', '2026-12-07 08:38:46.279927+00', '2026-12-07 08:38:46.533323+00', NULL, 0, false, false, 20);
INSERT INTO tally_golden_store.grants VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 'cycle:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:1:entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d', 'cycle', 10, 10, '2026-11-01 00:00:00+00', 'subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-10-01T00:00:00+00:00', '2026-12-07 08:38:46.533452+00', '2026-12-07 08:38:46.533452+00', NULL, 0, false, false, 198);

INSERT INTO tally_golden_store.invoices VALUES ('e164ed2b-d150-5b1d-807e-b1f97fbfedf5', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada', '69566684-605d-43b2-ac0c-ada3d1db15bc', '66309416-43d1-46ca-9bd0-7c5919c1a7df', 'USD', '2026-09-01 00:00:00+00', '2026-09-16 00:00:00+00', 5.00, 31.49, '[{"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "4.40", "billable": "4", "credited": "0", "meter_id": "11ebc0f4-a4cb-470c-a93b-e3d2070d748f", "quantity": "4", "meter_name": "unique_count meter", "unit_price": "1.10", "credits_used": "0"}, {"free": "500", "late": false, "group": null, "model": "per_unit", "amount": "4.80", "billable": "4800", "credited": "0", "meter_id": "325084e1-c36c-4120-aaf8-f5bb5e9caf40", "quantity": "5300", "meter_name": "sum meter", "unit_price": "0.001", "credits_used": "0"}, {"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "12.50", "billable": "5", "credited": "0", "meter_id": "7bd4a9ef-7252-4b44-a66c-90ca59ea6d04", "quantity": "5", "meter_name": "max meter", "unit_price": "2.50", "credits_used": "0"}, {"free": "1", "late": false, "group": null, "model": "graduated", "amount": "1.91", "billable": "15", "credited": "0", "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "quantity": "16", "meter_name": "count meter", "unit_price": "0", "credits_used": "0"}, {"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "2.88", "billable": "11.5", "credited": "0", "meter_id": "e0e292fa-01bc-40b3-acc1-4659082560be", "quantity": "11.5", "meter_name": "last meter", "unit_price": "0.25", "credits_used": "0"}]', 'issued', '2026-10-02 00:00:00+00', 'INV-000001', '{"email": null, "tax_id": null, "address": null, "legal_name": null}', NULL, NULL, NULL, NULL, NULL, 187);
INSERT INTO tally_golden_store.invoices VALUES ('ba7fe223-9897-5a13-b08f-22080b36f0ec', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada', '69566684-605d-43b2-ac0c-ada3d1db15bc', '1fe6c739-2f58-4309-9507-77cb9d7f0543', 'USD', '2026-09-16 00:00:00+00', '2026-10-01 00:00:00+00', 15.00, 15.00, '[{"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "0.00", "billable": "0", "credited": "0", "meter_id": "325084e1-c36c-4120-aaf8-f5bb5e9caf40", "quantity": "0", "meter_name": "sum meter", "unit_price": "0.0005", "credits_used": "0"}, {"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "0.00", "billable": "0", "credited": "0", "meter_id": "7f468d7f-4673-4f93-9d5d-f0dcc500ec5d", "quantity": "0", "meter_name": "avg meter", "unit_price": "1.5", "credits_used": "0"}, {"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "0.00", "billable": "0", "credited": "0", "meter_id": "b6ca1bbd-ec63-4a83-af99-2068e67eb3a8", "quantity": "0", "meter_name": "min meter", "unit_price": "0.01", "credits_used": "0"}, {"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "0.00", "billable": "0", "credited": "0", "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "quantity": "0", "meter_name": "count meter", "unit_price": "0.03", "credits_used": "0"}]', 'issued', '2026-10-02 00:00:00+00', 'INV-000002', '{"email": null, "tax_id": null, "address": null, "legal_name": null}', NULL, NULL, NULL, NULL, NULL, 191);
INSERT INTO tally_golden_store.invoices VALUES ('10e0ab65-5758-5851-a35e-10dc9f238045', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo', '27624a03-ccb3-4cab-aa63-c39aa8c5e7aa', 'b98cc87a-f291-46f2-8ab1-d4e1fcec596a', 'USD', '2026-09-01 00:00:00+00', '2026-10-01 00:00:00+00', 0.00, 0.20, '[{"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "0.00", "billable": "0", "credited": "14", "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "quantity": "14", "meter_name": "count meter", "unit_price": "0", "credits_used": "14"}, {"free": "0", "late": false, "group": null, "model": "per_unit", "amount": "0.20", "billable": "4", "credited": "0", "meter_id": "credit_entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d", "quantity": "4", "meter_name": "API credits overage (credits)", "unit_price": "0.05", "credits_used": "0"}]', 'issued', '2026-10-02 00:00:00+00', 'INV-000003', '{"email": null, "tax_id": null, "address": null, "legal_name": null}', NULL, NULL, NULL, NULL, NULL, 194);

INSERT INTO tally_golden_store.ledger VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 20, 'grant', 'credit_added', 10, 10, true, 10, 0, 0, 'cycle:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:0:entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d', NULL, NULL, 'cycle grant', NULL, 'subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-09-01T00:00:00+00:00', '2026-12-07 08:38:46.279927+00');
INSERT INTO tally_golden_store.ledger VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 196, 'debit', 'credit_deducted', -10, 14, false, 0, 4, 4, NULL, 'c57cd14a-b320-4a54-b2e1-85cc5ace2823', NULL, 'usage (c57cd14a-b320-4a54-b2e1-85cc5ace2823, subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-09-01T00:00:00+00:00)', NULL, 'invoice:10e0ab65-5758-5851-a35e-10dc9f238045', '2026-12-07 08:38:46.533323+00');
INSERT INTO tally_golden_store.ledger VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 197, 'overage_charged', 'overage_charged', 0, 4, true, 0, -4, 0, NULL, NULL, NULL, 'overage charged on invoice 10e0ab65-5758-5851-a35e-10dc9f238045', NULL, 'invoice:10e0ab65-5758-5851-a35e-10dc9f238045', '2026-12-07 08:38:46.533394+00');
INSERT INTO tally_golden_store.ledger VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 198, 'grant', 'credit_added', 10, 10, true, 10, 0, 0, 'cycle:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:1:entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d', NULL, NULL, 'cycle grant', NULL, 'subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-10-01T00:00:00+00:00', '2026-12-07 08:38:46.533452+00');

INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 00:00:00+00', 'u0');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 02:01:00+00', 'u1');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 04:02:00+00', 'u2');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 06:03:00+00', 'u3');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 08:04:00+00', 'u0');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 10:05:00+00', 'u1');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 00:00:00+00', 'u0');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 02:01:00+00', 'u1');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 04:02:00+00', 'u2');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 06:03:00+00', 'u3');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 08:04:00+00', 'u0');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 10:05:00+00', 'u1');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 00:00:00+00', 'u0');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 02:01:00+00', 'u1');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 04:02:00+00', 'u2');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 06:03:00+00', 'u3');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 08:04:00+00', 'u0');
INSERT INTO tally_golden_store.meter_uniques VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 10:05:00+00', 'u1');

INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 00:00:00+00', 1, 1, 1, 1, '2026-09-01 00:00:00+00', 22, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 02:01:00+00', 1, 1, 1, 1, '2026-09-01 02:01:00+00', 23, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 04:02:00+00', 1, 1, 1, 1, '2026-09-01 04:02:00+00', 24, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 06:03:00+00', 1, 1, 1, 1, '2026-09-01 06:03:00+00', 25, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 08:04:00+00', 1, 1, 1, 1, '2026-09-01 08:04:00+00', 26, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 10:05:00+00', 1, 1, 1, 1, '2026-09-01 10:05:00+00', 27, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 12:06:00+00', 1, 1, 1, 1, '2026-09-01 12:06:00+00', 28, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 14:07:00+00', 1, 1, 1, 1, '2026-09-01 14:07:00+00', 29, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 16:08:00+00', 1, 1, 1, 1, '2026-09-01 16:08:00+00', 30, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 18:09:00+00', 1, 1, 1, 1, '2026-09-01 18:09:00+00', 31, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 20:10:00+00', 1, 1, 1, 1, '2026-09-01 20:10:00+00', 32, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-01 22:11:00+00', 1, 1, 1, 1, '2026-09-01 22:11:00+00', 33, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-02 00:12:00+00', 1, 1, 1, 1, '2026-09-02 00:12:00+00', 34, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-02 02:13:00+00', 1, 1, 1, 1, '2026-09-02 02:13:00+00', 35, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-02 04:14:00+00', 1, 1, 1, 1, '2026-09-02 04:14:00+00', 36, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-09-02 06:15:00+00', 1, 1, 1, 1, '2026-09-02 06:15:00+00', 37, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-09-01 00:00:00+00', 1, 400, 400, 400, '2026-09-01 00:00:00+00', 38, 400);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-09-01 02:01:00+00', 1, 475, 475, 475, '2026-09-01 02:01:00+00', 39, 475);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-09-01 04:02:00+00', 1, 550, 550, 550, '2026-09-01 04:02:00+00', 40, 550);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-09-01 06:03:00+00', 1, 625, 625, 625, '2026-09-01 06:03:00+00', 41, 625);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-09-01 08:04:00+00', 1, 700, 700, 700, '2026-09-01 08:04:00+00', 42, 700);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-09-01 10:05:00+00', 1, 775, 775, 775, '2026-09-01 10:05:00+00', 43, 775);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-09-01 12:06:00+00', 1, 850, 850, 850, '2026-09-01 12:06:00+00', 44, 850);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-09-01 14:07:00+00', 1, 925, 925, 925, '2026-09-01 14:07:00+00', 45, 925);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_ada', '2026-09-01 00:00:00+00', 1, 3, 3, 3, '2026-09-01 00:00:00+00', 46, 3);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_ada', '2026-09-01 02:01:00+00', 1, 5, 5, 5, '2026-09-01 02:01:00+00', 47, 5);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_ada', '2026-09-01 04:02:00+00', 1, 4, 4, 4, '2026-09-01 04:02:00+00', 48, 4);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_ada', '2026-09-01 06:03:00+00', 1, 2, 2, 2, '2026-09-01 06:03:00+00', 49, 2);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_ada', '2026-09-01 00:00:00+00', 1, 120, 120, 120, '2026-09-01 00:00:00+00', 50, 120);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_ada', '2026-09-01 02:01:00+00', 1, 113, 113, 113, '2026-09-01 02:01:00+00', 51, 113);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_ada', '2026-09-01 04:02:00+00', 1, 106, 106, 106, '2026-09-01 04:02:00+00', 52, 106);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_ada', '2026-09-01 06:03:00+00', 1, 99, 99, 99, '2026-09-01 06:03:00+00', 53, 99);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_ada', '2026-09-01 00:00:00+00', 1, 0.5, 0.5, 0.5, '2026-09-01 00:00:00+00', 54, 0.5);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_ada', '2026-09-01 02:01:00+00', 1, 1.25, 1.25, 1.25, '2026-09-01 02:01:00+00', 55, 1.25);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_ada', '2026-09-01 04:02:00+00', 1, 2, 2, 2, '2026-09-01 04:02:00+00', 56, 2);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_ada', '2026-09-01 06:03:00+00', 1, 0.75, 0.75, 0.75, '2026-09-01 06:03:00+00', 57, 0.75);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_ada', '2026-09-01 00:00:00+00', 1, 10, 10, 10, '2026-09-01 00:00:00+00', 58, 10);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_ada', '2026-09-01 02:01:00+00', 1, 12, 12, 12, '2026-09-01 02:01:00+00', 59, 12);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_ada', '2026-09-01 04:02:00+00', 1, 11.5, 11.5, 11.5, '2026-09-01 04:02:00+00', 60, 11.5);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 00:00:00+00', 1, 1, 1, 1, '2026-09-01 00:00:00+00', 61, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 02:01:00+00', 1, 1, 1, 1, '2026-09-01 02:01:00+00', 62, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 04:02:00+00', 1, 1, 1, 1, '2026-09-01 04:02:00+00', 63, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 06:03:00+00', 1, 1, 1, 1, '2026-09-01 06:03:00+00', 64, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 08:04:00+00', 1, 1, 1, 1, '2026-09-01 08:04:00+00', 65, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-09-01 10:05:00+00', 1, 1, 1, 1, '2026-09-01 10:05:00+00', 66, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 00:00:00+00', 1, 1, 1, 1, '2026-10-01 00:00:00+00', 67, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 02:01:00+00', 1, 1, 1, 1, '2026-10-01 02:01:00+00', 68, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 04:02:00+00', 1, 1, 1, 1, '2026-10-01 04:02:00+00', 69, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 06:03:00+00', 1, 1, 1, 1, '2026-10-01 06:03:00+00', 70, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 08:04:00+00', 1, 1, 1, 1, '2026-10-01 08:04:00+00', 71, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 10:05:00+00', 1, 1, 1, 1, '2026-10-01 10:05:00+00', 72, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 12:06:00+00', 1, 1, 1, 1, '2026-10-01 12:06:00+00', 73, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 14:07:00+00', 1, 1, 1, 1, '2026-10-01 14:07:00+00', 74, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 16:08:00+00', 1, 1, 1, 1, '2026-10-01 16:08:00+00', 75, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 18:09:00+00', 1, 1, 1, 1, '2026-10-01 18:09:00+00', 76, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 20:10:00+00', 1, 1, 1, 1, '2026-10-01 20:10:00+00', 77, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-01 22:11:00+00', 1, 1, 1, 1, '2026-10-01 22:11:00+00', 78, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-02 00:12:00+00', 1, 1, 1, 1, '2026-10-02 00:12:00+00', 79, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-02 02:13:00+00', 1, 1, 1, 1, '2026-10-02 02:13:00+00', 80, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-02 04:14:00+00', 1, 1, 1, 1, '2026-10-02 04:14:00+00', 81, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_ada', '2026-10-02 06:15:00+00', 1, 1, 1, 1, '2026-10-02 06:15:00+00', 82, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-10-01 00:00:00+00', 1, 400, 400, 400, '2026-10-01 00:00:00+00', 83, 400);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-10-01 02:01:00+00', 1, 475, 475, 475, '2026-10-01 02:01:00+00', 84, 475);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-10-01 04:02:00+00', 1, 550, 550, 550, '2026-10-01 04:02:00+00', 85, 550);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-10-01 06:03:00+00', 1, 625, 625, 625, '2026-10-01 06:03:00+00', 86, 625);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-10-01 08:04:00+00', 1, 700, 700, 700, '2026-10-01 08:04:00+00', 87, 700);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-10-01 10:05:00+00', 1, 775, 775, 775, '2026-10-01 10:05:00+00', 88, 775);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-10-01 12:06:00+00', 1, 850, 850, 850, '2026-10-01 12:06:00+00', 89, 850);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_ada', '2026-10-01 14:07:00+00', 1, 925, 925, 925, '2026-10-01 14:07:00+00', 90, 925);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_ada', '2026-10-01 00:00:00+00', 1, 3, 3, 3, '2026-10-01 00:00:00+00', 91, 3);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_ada', '2026-10-01 02:01:00+00', 1, 5, 5, 5, '2026-10-01 02:01:00+00', 92, 5);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_ada', '2026-10-01 04:02:00+00', 1, 4, 4, 4, '2026-10-01 04:02:00+00', 93, 4);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_ada', '2026-10-01 06:03:00+00', 1, 2, 2, 2, '2026-10-01 06:03:00+00', 94, 2);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_ada', '2026-10-01 00:00:00+00', 1, 120, 120, 120, '2026-10-01 00:00:00+00', 95, 120);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_ada', '2026-10-01 02:01:00+00', 1, 113, 113, 113, '2026-10-01 02:01:00+00', 96, 113);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_ada', '2026-10-01 04:02:00+00', 1, 106, 106, 106, '2026-10-01 04:02:00+00', 97, 106);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_ada', '2026-10-01 06:03:00+00', 1, 99, 99, 99, '2026-10-01 06:03:00+00', 98, 99);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_ada', '2026-10-01 00:00:00+00', 1, 0.5, 0.5, 0.5, '2026-10-01 00:00:00+00', 99, 0.5);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_ada', '2026-10-01 02:01:00+00', 1, 1.25, 1.25, 1.25, '2026-10-01 02:01:00+00', 100, 1.25);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_ada', '2026-10-01 04:02:00+00', 1, 2, 2, 2, '2026-10-01 04:02:00+00', 101, 2);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_ada', '2026-10-01 06:03:00+00', 1, 0.75, 0.75, 0.75, '2026-10-01 06:03:00+00', 102, 0.75);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_ada', '2026-10-01 00:00:00+00', 1, 10, 10, 10, '2026-10-01 00:00:00+00', 103, 10);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_ada', '2026-10-01 02:01:00+00', 1, 12, 12, 12, '2026-10-01 02:01:00+00', 104, 12);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_ada', '2026-10-01 04:02:00+00', 1, 11.5, 11.5, 11.5, '2026-10-01 04:02:00+00', 105, 11.5);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 00:00:00+00', 1, 1, 1, 1, '2026-10-01 00:00:00+00', 106, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 02:01:00+00', 1, 1, 1, 1, '2026-10-01 02:01:00+00', 107, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 04:02:00+00', 1, 1, 1, 1, '2026-10-01 04:02:00+00', 108, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 06:03:00+00', 1, 1, 1, 1, '2026-10-01 06:03:00+00', 109, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 08:04:00+00', 1, 1, 1, 1, '2026-10-01 08:04:00+00', 110, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_ada', '2026-10-01 10:05:00+00', 1, 1, 1, 1, '2026-10-01 10:05:00+00', 111, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 00:00:00+00', 1, 1, 1, 1, '2026-10-01 00:00:00+00', 112, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 02:01:00+00', 1, 1, 1, 1, '2026-10-01 02:01:00+00', 113, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 04:02:00+00', 1, 1, 1, 1, '2026-10-01 04:02:00+00', 114, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 06:03:00+00', 1, 1, 1, 1, '2026-10-01 06:03:00+00', 115, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 08:04:00+00', 1, 1, 1, 1, '2026-10-01 08:04:00+00', 116, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 10:05:00+00', 1, 1, 1, 1, '2026-10-01 10:05:00+00', 117, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 12:06:00+00', 1, 1, 1, 1, '2026-10-01 12:06:00+00', 118, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 14:07:00+00', 1, 1, 1, 1, '2026-10-01 14:07:00+00', 119, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 16:08:00+00', 1, 1, 1, 1, '2026-10-01 16:08:00+00', 120, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 18:09:00+00', 1, 1, 1, 1, '2026-10-01 18:09:00+00', 121, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 20:10:00+00', 1, 1, 1, 1, '2026-10-01 20:10:00+00', 122, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-01 22:11:00+00', 1, 1, 1, 1, '2026-10-01 22:11:00+00', 123, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-02 00:12:00+00', 1, 1, 1, 1, '2026-10-02 00:12:00+00', 124, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-02 02:13:00+00', 1, 1, 1, 1, '2026-10-02 02:13:00+00', 125, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-02 04:14:00+00', 1, 1, 1, 1, '2026-10-02 04:14:00+00', 126, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_cy', '2026-10-02 06:15:00+00', 1, 1, 1, 1, '2026-10-02 06:15:00+00', 127, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_cy', '2026-10-01 00:00:00+00', 1, 400, 400, 400, '2026-10-01 00:00:00+00', 128, 400);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_cy', '2026-10-01 02:01:00+00', 1, 475, 475, 475, '2026-10-01 02:01:00+00', 129, 475);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_cy', '2026-10-01 04:02:00+00', 1, 550, 550, 550, '2026-10-01 04:02:00+00', 130, 550);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_cy', '2026-10-01 06:03:00+00', 1, 625, 625, 625, '2026-10-01 06:03:00+00', 131, 625);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_cy', '2026-10-01 08:04:00+00', 1, 700, 700, 700, '2026-10-01 08:04:00+00', 132, 700);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_cy', '2026-10-01 10:05:00+00', 1, 775, 775, 775, '2026-10-01 10:05:00+00', 133, 775);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_cy', '2026-10-01 12:06:00+00', 1, 850, 850, 850, '2026-10-01 12:06:00+00', 134, 850);
INSERT INTO tally_golden_store.meter_usage VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 'cus_cy', '2026-10-01 14:07:00+00', 1, 925, 925, 925, '2026-10-01 14:07:00+00', 135, 925);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_cy', '2026-10-01 00:00:00+00', 1, 3, 3, 3, '2026-10-01 00:00:00+00', 136, 3);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_cy', '2026-10-01 02:01:00+00', 1, 5, 5, 5, '2026-10-01 02:01:00+00', 137, 5);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_cy', '2026-10-01 04:02:00+00', 1, 4, 4, 4, '2026-10-01 04:02:00+00', 138, 4);
INSERT INTO tally_golden_store.meter_usage VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 'cus_cy', '2026-10-01 06:03:00+00', 1, 2, 2, 2, '2026-10-01 06:03:00+00', 139, 2);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_cy', '2026-10-01 00:00:00+00', 1, 120, 120, 120, '2026-10-01 00:00:00+00', 140, 120);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_cy', '2026-10-01 02:01:00+00', 1, 113, 113, 113, '2026-10-01 02:01:00+00', 141, 113);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_cy', '2026-10-01 04:02:00+00', 1, 106, 106, 106, '2026-10-01 04:02:00+00', 142, 106);
INSERT INTO tally_golden_store.meter_usage VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 'cus_cy', '2026-10-01 06:03:00+00', 1, 99, 99, 99, '2026-10-01 06:03:00+00', 143, 99);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_cy', '2026-10-01 00:00:00+00', 1, 0.5, 0.5, 0.5, '2026-10-01 00:00:00+00', 144, 0.5);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_cy', '2026-10-01 02:01:00+00', 1, 1.25, 1.25, 1.25, '2026-10-01 02:01:00+00', 145, 1.25);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_cy', '2026-10-01 04:02:00+00', 1, 2, 2, 2, '2026-10-01 04:02:00+00', 146, 2);
INSERT INTO tally_golden_store.meter_usage VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 'cus_cy', '2026-10-01 06:03:00+00', 1, 0.75, 0.75, 0.75, '2026-10-01 06:03:00+00', 147, 0.75);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_cy', '2026-10-01 00:00:00+00', 1, 10, 10, 10, '2026-10-01 00:00:00+00', 148, 10);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_cy', '2026-10-01 02:01:00+00', 1, 12, 12, 12, '2026-10-01 02:01:00+00', 149, 12);
INSERT INTO tally_golden_store.meter_usage VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 'cus_cy', '2026-10-01 04:02:00+00', 1, 11.5, 11.5, 11.5, '2026-10-01 04:02:00+00', 150, 11.5);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 00:00:00+00', 1, 1, 1, 1, '2026-10-01 00:00:00+00', 151, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 02:01:00+00', 1, 1, 1, 1, '2026-10-01 02:01:00+00', 152, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 04:02:00+00', 1, 1, 1, 1, '2026-10-01 04:02:00+00', 153, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 06:03:00+00', 1, 1, 1, 1, '2026-10-01 06:03:00+00', 154, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 08:04:00+00', 1, 1, 1, 1, '2026-10-01 08:04:00+00', 155, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 'cus_cy', '2026-10-01 10:05:00+00', 1, 1, 1, 1, '2026-10-01 10:05:00+00', 156, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 00:00:00+00', 1, 1, 1, 1, '2026-09-01 00:00:00+00', 157, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 02:01:00+00', 1, 1, 1, 1, '2026-09-01 02:01:00+00', 158, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 04:02:00+00', 1, 1, 1, 1, '2026-09-01 04:02:00+00', 159, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 06:03:00+00', 1, 1, 1, 1, '2026-09-01 06:03:00+00', 160, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 08:04:00+00', 1, 1, 1, 1, '2026-09-01 08:04:00+00', 161, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 10:05:00+00', 1, 1, 1, 1, '2026-09-01 10:05:00+00', 162, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 12:06:00+00', 1, 1, 1, 1, '2026-09-01 12:06:00+00', 163, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 14:07:00+00', 1, 1, 1, 1, '2026-09-01 14:07:00+00', 164, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 16:08:00+00', 1, 1, 1, 1, '2026-09-01 16:08:00+00', 165, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 18:09:00+00', 1, 1, 1, 1, '2026-09-01 18:09:00+00', 166, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 20:10:00+00', 1, 1, 1, 1, '2026-09-01 20:10:00+00', 167, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-01 22:11:00+00', 1, 1, 1, 1, '2026-09-01 22:11:00+00', 168, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-02 00:12:00+00', 1, 1, 1, 1, '2026-09-02 00:12:00+00', 169, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-09-02 02:13:00+00', 1, 1, 1, 1, '2026-09-02 02:13:00+00', 170, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 00:00:00+00', 1, 1, 1, 1, '2026-10-01 00:00:00+00', 171, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 02:01:00+00', 1, 1, 1, 1, '2026-10-01 02:01:00+00', 172, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 04:02:00+00', 1, 1, 1, 1, '2026-10-01 04:02:00+00', 173, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 06:03:00+00', 1, 1, 1, 1, '2026-10-01 06:03:00+00', 174, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 08:04:00+00', 1, 1, 1, 1, '2026-10-01 08:04:00+00', 175, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 10:05:00+00', 1, 1, 1, 1, '2026-10-01 10:05:00+00', 176, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 12:06:00+00', 1, 1, 1, 1, '2026-10-01 12:06:00+00', 177, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 14:07:00+00', 1, 1, 1, 1, '2026-10-01 14:07:00+00', 178, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 16:08:00+00', 1, 1, 1, 1, '2026-10-01 16:08:00+00', 179, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 18:09:00+00', 1, 1, 1, 1, '2026-10-01 18:09:00+00', 180, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 20:10:00+00', 1, 1, 1, 1, '2026-10-01 20:10:00+00', 181, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-01 22:11:00+00', 1, 1, 1, 1, '2026-10-01 22:11:00+00', 182, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-02 00:12:00+00', 1, 1, 1, 1, '2026-10-02 00:12:00+00', 183, 1);
INSERT INTO tally_golden_store.meter_usage VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 'cus_bo', '2026-10-02 02:13:00+00', 1, 1, 1, 1, '2026-10-02 02:13:00+00', 184, 1);

INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-09-01 00:00:00+00', 1, 1, 1, 1, '2026-09-01 00:00:00+00', 61, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-09-01 02:00:00+00', 1, 1, 1, 1, '2026-09-01 02:01:00+00', 62, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-09-01 04:00:00+00', 1, 1, 1, 1, '2026-09-01 04:02:00+00', 63, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-09-01 06:00:00+00', 1, 1, 1, 1, '2026-09-01 06:03:00+00', 64, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-09-01 08:00:00+00', 1, 1, 1, 1, '2026-09-01 08:04:00+00', 65, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-09-01 10:00:00+00', 1, 1, 1, 1, '2026-09-01 10:05:00+00', 66, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-09-01 00:00:00+00', 1, 400, 400, 400, '2026-09-01 00:00:00+00', 38, 400);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-09-01 02:00:00+00', 1, 475, 475, 475, '2026-09-01 02:01:00+00', 39, 475);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-09-01 04:00:00+00', 1, 550, 550, 550, '2026-09-01 04:02:00+00', 40, 550);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-09-01 06:00:00+00', 1, 625, 625, 625, '2026-09-01 06:03:00+00', 41, 625);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-09-01 08:00:00+00', 1, 700, 700, 700, '2026-09-01 08:04:00+00', 42, 700);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-09-01 10:00:00+00', 1, 775, 775, 775, '2026-09-01 10:05:00+00', 43, 775);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-09-01 12:00:00+00', 1, 850, 850, 850, '2026-09-01 12:06:00+00', 44, 850);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-09-01 14:00:00+00', 1, 925, 925, 925, '2026-09-01 14:07:00+00', 45, 925);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '2026-09-01 00:00:00+00', 1, 3, 3, 3, '2026-09-01 00:00:00+00', 46, 3);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '2026-09-01 02:00:00+00', 1, 5, 5, 5, '2026-09-01 02:01:00+00', 47, 5);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '2026-09-01 04:00:00+00', 1, 4, 4, 4, '2026-09-01 04:02:00+00', 48, 4);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '2026-09-01 06:00:00+00', 1, 2, 2, 2, '2026-09-01 06:03:00+00', 49, 2);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '2026-09-01 00:00:00+00', 1, 0.5, 0.5, 0.5, '2026-09-01 00:00:00+00', 54, 0.5);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '2026-09-01 02:00:00+00', 1, 1.25, 1.25, 1.25, '2026-09-01 02:01:00+00', 55, 1.25);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '2026-09-01 04:00:00+00', 1, 2, 2, 2, '2026-09-01 04:02:00+00', 56, 2);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '2026-09-01 06:00:00+00', 1, 0.75, 0.75, 0.75, '2026-09-01 06:03:00+00', 57, 0.75);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '2026-09-01 00:00:00+00', 1, 120, 120, 120, '2026-09-01 00:00:00+00', 50, 120);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '2026-09-01 02:00:00+00', 1, 113, 113, 113, '2026-09-01 02:01:00+00', 51, 113);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '2026-09-01 04:00:00+00', 1, 106, 106, 106, '2026-09-01 04:02:00+00', 52, 106);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '2026-09-01 06:00:00+00', 1, 99, 99, 99, '2026-09-01 06:03:00+00', 53, 99);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-02 04:00:00+00', 1, 1, 1, 1, '2026-09-02 04:14:00+00', 36, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-02 06:00:00+00', 1, 1, 1, 1, '2026-09-02 06:15:00+00', 37, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', '2026-09-01 00:00:00+00', 1, 10, 10, 10, '2026-09-01 00:00:00+00', 58, 10);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', '2026-09-01 02:00:00+00', 1, 12, 12, 12, '2026-09-01 02:01:00+00', 59, 12);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', '2026-09-01 04:00:00+00', 1, 11.5, 11.5, 11.5, '2026-09-01 04:02:00+00', 60, 11.5);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-10-01 00:00:00+00', 2, 800, 400, 400, '2026-10-01 00:00:00+00', 128, 400);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-10-01 02:00:00+00', 2, 950, 475, 475, '2026-10-01 02:01:00+00', 129, 475);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-10-01 04:00:00+00', 2, 1100, 550, 550, '2026-10-01 04:02:00+00', 130, 550);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-10-01 06:00:00+00', 2, 1250, 625, 625, '2026-10-01 06:03:00+00', 131, 625);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-10-01 08:00:00+00', 2, 1400, 700, 700, '2026-10-01 08:04:00+00', 132, 700);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-10-01 10:00:00+00', 2, 1550, 775, 775, '2026-10-01 10:05:00+00', 133, 775);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-10-01 12:00:00+00', 2, 1700, 850, 850, '2026-10-01 12:06:00+00', 134, 850);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '2026-10-01 14:00:00+00', 2, 1850, 925, 925, '2026-10-01 14:07:00+00', 135, 925);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '2026-10-01 00:00:00+00', 2, 6, 3, 3, '2026-10-01 00:00:00+00', 136, 3);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '2026-10-01 02:00:00+00', 2, 10, 5, 5, '2026-10-01 02:01:00+00', 137, 5);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '2026-10-01 04:00:00+00', 2, 8, 4, 4, '2026-10-01 04:02:00+00', 138, 4);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '2026-10-01 06:00:00+00', 2, 4, 2, 2, '2026-10-01 06:03:00+00', 139, 2);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '2026-10-01 00:00:00+00', 2, 1.0, 0.5, 0.5, '2026-10-01 00:00:00+00', 144, 0.5);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '2026-10-01 02:00:00+00', 2, 2.50, 1.25, 1.25, '2026-10-01 02:01:00+00', 145, 1.25);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '2026-10-01 04:00:00+00', 2, 4, 2, 2, '2026-10-01 04:02:00+00', 146, 2);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '2026-10-01 06:00:00+00', 2, 1.50, 0.75, 0.75, '2026-10-01 06:03:00+00', 147, 0.75);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '2026-10-01 00:00:00+00', 2, 240, 120, 120, '2026-10-01 00:00:00+00', 140, 120);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '2026-10-01 02:00:00+00', 2, 226, 113, 113, '2026-10-01 02:01:00+00', 141, 113);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '2026-10-01 04:00:00+00', 2, 212, 106, 106, '2026-10-01 04:02:00+00', 142, 106);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '2026-10-01 06:00:00+00', 2, 198, 99, 99, '2026-10-01 06:03:00+00', 143, 99);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-02 04:00:00+00', 2, 2, 1, 1, '2026-10-02 04:14:00+00', 126, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-02 06:00:00+00', 2, 2, 1, 1, '2026-10-02 06:15:00+00', 127, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', '2026-10-01 00:00:00+00', 2, 20, 10, 10, '2026-10-01 00:00:00+00', 148, 10);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', '2026-10-01 02:00:00+00', 2, 24, 12, 12, '2026-10-01 02:01:00+00', 149, 12);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', '2026-10-01 04:00:00+00', 2, 23.0, 11.5, 11.5, '2026-10-01 04:02:00+00', 150, 11.5);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-10-01 00:00:00+00', 2, 2, 1, 1, '2026-10-01 00:00:00+00', 151, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-10-01 02:00:00+00', 2, 2, 1, 1, '2026-10-01 02:01:00+00', 152, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-10-01 04:00:00+00', 2, 2, 1, 1, '2026-10-01 04:02:00+00', 153, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-10-01 06:00:00+00', 2, 2, 1, 1, '2026-10-01 06:03:00+00', 154, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-10-01 08:00:00+00', 2, 2, 1, 1, '2026-10-01 08:04:00+00', 155, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '2026-10-01 10:00:00+00', 2, 2, 1, 1, '2026-10-01 10:05:00+00', 156, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 00:00:00+00', 2, 2, 1, 1, '2026-09-01 00:00:00+00', 157, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 02:00:00+00', 2, 2, 1, 1, '2026-09-01 02:01:00+00', 158, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 04:00:00+00', 2, 2, 1, 1, '2026-09-01 04:02:00+00', 159, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 06:00:00+00', 2, 2, 1, 1, '2026-09-01 06:03:00+00', 160, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 08:00:00+00', 2, 2, 1, 1, '2026-09-01 08:04:00+00', 161, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 10:00:00+00', 2, 2, 1, 1, '2026-09-01 10:05:00+00', 162, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 12:00:00+00', 2, 2, 1, 1, '2026-09-01 12:06:00+00', 163, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 14:00:00+00', 2, 2, 1, 1, '2026-09-01 14:07:00+00', 164, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 16:00:00+00', 2, 2, 1, 1, '2026-09-01 16:08:00+00', 165, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 18:00:00+00', 2, 2, 1, 1, '2026-09-01 18:09:00+00', 166, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 20:00:00+00', 2, 2, 1, 1, '2026-09-01 20:10:00+00', 167, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-01 22:00:00+00', 2, 2, 1, 1, '2026-09-01 22:11:00+00', 168, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-02 00:00:00+00', 2, 2, 1, 1, '2026-09-02 00:12:00+00', 169, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-09-02 02:00:00+00', 2, 2, 1, 1, '2026-09-02 02:13:00+00', 170, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 00:00:00+00', 3, 3, 1, 1, '2026-10-01 00:00:00+00', 171, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 02:00:00+00', 3, 3, 1, 1, '2026-10-01 02:01:00+00', 172, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 04:00:00+00', 3, 3, 1, 1, '2026-10-01 04:02:00+00', 173, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 06:00:00+00', 3, 3, 1, 1, '2026-10-01 06:03:00+00', 174, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 08:00:00+00', 3, 3, 1, 1, '2026-10-01 08:04:00+00', 175, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 10:00:00+00', 3, 3, 1, 1, '2026-10-01 10:05:00+00', 176, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 12:00:00+00', 3, 3, 1, 1, '2026-10-01 12:06:00+00', 177, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 14:00:00+00', 3, 3, 1, 1, '2026-10-01 14:07:00+00', 178, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 16:00:00+00', 3, 3, 1, 1, '2026-10-01 16:08:00+00', 179, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 18:00:00+00', 3, 3, 1, 1, '2026-10-01 18:09:00+00', 180, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 20:00:00+00', 3, 3, 1, 1, '2026-10-01 20:10:00+00', 181, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-01 22:00:00+00', 3, 3, 1, 1, '2026-10-01 22:11:00+00', 182, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-02 00:00:00+00', 3, 3, 1, 1, '2026-10-02 00:12:00+00', 183, 1);
INSERT INTO tally_golden_store.meter_usage_hours VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '2026-10-02 02:00:00+00', 3, 3, 1, 1, '2026-10-02 02:13:00+00', 184, 1);

INSERT INTO tally_golden_store.meters VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '7a066d33-787b-5c7b-8153-8a608495b540', 'count meter', 'api.call', 'count', NULL, NULL, NULL, NULL, false, '2026-12-07 08:38:46.224685+00', 6, 0, 6, 6, '2026-12-07 08:38:46.224685+00');
INSERT INTO tally_golden_store.meters VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '7a066d33-787b-5c7b-8153-8a608495b540', 'sum meter', 'llm', 'sum', 'tokens', NULL, NULL, NULL, false, '2026-12-07 08:38:46.226076+00', 7, 0, 7, 7, '2026-12-07 08:38:46.226076+00');
INSERT INTO tally_golden_store.meters VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '7a066d33-787b-5c7b-8153-8a608495b540', 'max meter', 'seats', 'max', 'seats', NULL, NULL, NULL, false, '2026-12-07 08:38:46.2278+00', 8, 0, 8, 8, '2026-12-07 08:38:46.2278+00');
INSERT INTO tally_golden_store.meters VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '7a066d33-787b-5c7b-8153-8a608495b540', 'min meter', 'latency', 'min', 'ms', NULL, NULL, NULL, false, '2026-12-07 08:38:46.229595+00', 9, 0, 9, 9, '2026-12-07 08:38:46.229595+00');
INSERT INTO tally_golden_store.meters VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '7a066d33-787b-5c7b-8153-8a608495b540', 'avg meter', 'cpu', 'avg', 'load', NULL, NULL, NULL, false, '2026-12-07 08:38:46.230977+00', 10, 0, 10, 10, '2026-12-07 08:38:46.230977+00');
INSERT INTO tally_golden_store.meters VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', '7a066d33-787b-5c7b-8153-8a608495b540', 'last meter', 'storage', 'last', 'gb', NULL, NULL, NULL, false, '2026-12-07 08:38:46.233716+00', 11, 0, 11, 11, '2026-12-07 08:38:46.233716+00');
INSERT INTO tally_golden_store.meters VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '7a066d33-787b-5c7b-8153-8a608495b540', 'unique_count meter', 'login', 'unique_count', 'user', NULL, NULL, NULL, false, '2026-12-07 08:38:46.235319+00', 12, 0, 12, 12, '2026-12-07 08:38:46.235319+00');

INSERT INTO tally_golden_store.products VALUES ('66309416-43d1-46ca-9bd0-7c5919c1a7df', '7a066d33-787b-5c7b-8153-8a608495b540', 'Basic', 'USD', 10.00, 'month', 1, '{"11ebc0f4-a4cb-470c-a93b-e3d2070d748f": {"credits": null, "meter_id": "11ebc0f4-a4cb-470c-a93b-e3d2070d748f", "unit_price": "1.10", "free_threshold": "0"}, "325084e1-c36c-4120-aaf8-f5bb5e9caf40": {"credits": null, "meter_id": "325084e1-c36c-4120-aaf8-f5bb5e9caf40", "unit_price": "0.001", "free_threshold": "1000"}, "7bd4a9ef-7252-4b44-a66c-90ca59ea6d04": {"credits": null, "meter_id": "7bd4a9ef-7252-4b44-a66c-90ca59ea6d04", "unit_price": "2.50", "free_threshold": "0"}, "c57cd14a-b320-4a54-b2e1-85cc5ace2823": {"model": "graduated", "tiers": [{"up_to": "5", "flat_price": "0", "unit_price": "0.10"}, {"up_to": "12", "flat_price": "1.00", "unit_price": "0.05"}, {"up_to": null, "flat_price": "0", "unit_price": "0.02"}], "credits": null, "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "unit_price": "0", "free_threshold": "2"}, "e0e292fa-01bc-40b3-acc1-4659082560be": {"credits": null, "meter_id": "e0e292fa-01bc-40b3-acc1-4659082560be", "unit_price": "0.25", "free_threshold": "0"}}', '[]', false, '2026-12-07 08:38:46.248134+00', 14);
INSERT INTO tally_golden_store.products VALUES ('1fe6c739-2f58-4309-9507-77cb9d7f0543', '7a066d33-787b-5c7b-8153-8a608495b540', 'Pro', 'USD', 30.00, 'month', 1, '{"325084e1-c36c-4120-aaf8-f5bb5e9caf40": {"credits": null, "meter_id": "325084e1-c36c-4120-aaf8-f5bb5e9caf40", "unit_price": "0.0005", "free_threshold": "0"}, "7f468d7f-4673-4f93-9d5d-f0dcc500ec5d": {"credits": null, "meter_id": "7f468d7f-4673-4f93-9d5d-f0dcc500ec5d", "unit_price": "1.5", "free_threshold": "0"}, "b6ca1bbd-ec63-4a83-af99-2068e67eb3a8": {"credits": null, "meter_id": "b6ca1bbd-ec63-4a83-af99-2068e67eb3a8", "unit_price": "0.01", "free_threshold": "0"}, "c57cd14a-b320-4a54-b2e1-85cc5ace2823": {"credits": null, "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "unit_price": "0.03", "free_threshold": "10"}}', '[]', false, '2026-12-07 08:38:46.259426+00', 15);
INSERT INTO tally_golden_store.products VALUES ('b98cc87a-f291-46f2-8ab1-d4e1fcec596a', '7a066d33-787b-5c7b-8153-8a608495b540', 'Credits', 'USD', 0, 'month', 1, '{"c57cd14a-b320-4a54-b2e1-85cc5ace2823": {"credits": null, "meter_id": "c57cd14a-b320-4a54-b2e1-85cc5ace2823", "unit_price": "0", "free_threshold": "0", "credit_entitlement_id": "23e2b83e-2f22-41cc-9084-8dae1981137d", "meter_units_per_credit": "1"}}', '[{"overrides": {}, "credits_amount": "10", "credit_entitlement_id": "23e2b83e-2f22-41cc-9084-8dae1981137d"}]', false, '2026-12-07 08:38:46.268659+00', 16);

INSERT INTO tally_golden_store.projection_tracking VALUES ('usage', 199);
INSERT INTO tally_golden_store.projection_tracking VALUES ('customers', 199);
INSERT INTO tally_golden_store.projection_tracking VALUES ('charges', 199);
INSERT INTO tally_golden_store.projection_tracking VALUES ('invoices', 199);
INSERT INTO tally_golden_store.projection_tracking VALUES ('balances', 199);
INSERT INTO tally_golden_store.projection_tracking VALUES ('webhooks', 199);
INSERT INTO tally_golden_store.projection_tracking VALUES ('simulations', 199);

INSERT INTO tally_golden_store.tally_events VALUES ('7a066d33-787b-5c7b-8153-8a608495b540', 1, 'domain.business:Business.Registered', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.198170+00:00"},"originator_topic":"domain.business:Business","name":"golden"}', 'UTF8'), 1);
INSERT INTO tally_golden_store.tally_events VALUES ('7a066d33-787b-5c7b-8153-8a608495b540', 2, 'domain.business:Business.ApiKeyIssued', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.208331+00:00"},"key_hash":"4957451f8dcb628fddfe316ddcccfb259d9ed3b720e1dd755fb9541f63e9e7e0"}', 'UTF8'), 2);
INSERT INTO tally_golden_store.tally_events VALUES ('0d41c840-edd8-5bb2-a6bc-346651332ad4', 1, 'domain.customer:Customer.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.212923+00:00"},"originator_topic":"domain.customer:Customer","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"external_id":"cus_ada","name":"Ada","email":"cus_ada@example.com","phone_number":null,"metadata":{},"class_version":2}', 'UTF8'), 3);
INSERT INTO tally_golden_store.tally_events VALUES ('1ba5bcf8-afcb-5d10-9379-6d9a924495ae', 1, 'domain.customer:Customer.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.218620+00:00"},"originator_topic":"domain.customer:Customer","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"external_id":"cus_bo","name":"Bo","email":"cus_bo@example.com","phone_number":null,"metadata":{},"class_version":2}', 'UTF8'), 4);
INSERT INTO tally_golden_store.tally_events VALUES ('25224d84-0866-5f38-97d5-76d953a39a4b', 1, 'domain.customer:Customer.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.222098+00:00"},"originator_topic":"domain.customer:Customer","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"external_id":"cus_cy","name":null,"email":"cus_cy@example.com","phone_number":null,"metadata":{},"class_version":2}', 'UTF8'), 5);
INSERT INTO tally_golden_store.tally_events VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', 1, 'domain.meter:Meter.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.224685+00:00"},"originator_topic":"domain.meter:Meter","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"count meter","event_name":"api.call","aggregation":{"type":"count","key":null},"filter":null,"measurement_unit":null,"description":null}', 'UTF8'), 6);
INSERT INTO tally_golden_store.tally_events VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', 1, 'domain.meter:Meter.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.226076+00:00"},"originator_topic":"domain.meter:Meter","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"sum meter","event_name":"llm","aggregation":{"type":"sum","key":"tokens"},"filter":null,"measurement_unit":null,"description":null}', 'UTF8'), 7);
INSERT INTO tally_golden_store.tally_events VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', 1, 'domain.meter:Meter.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.227800+00:00"},"originator_topic":"domain.meter:Meter","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"max meter","event_name":"seats","aggregation":{"type":"max","key":"seats"},"filter":null,"measurement_unit":null,"description":null}', 'UTF8'), 8);
INSERT INTO tally_golden_store.tally_events VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', 1, 'domain.meter:Meter.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.229595+00:00"},"originator_topic":"domain.meter:Meter","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"min meter","event_name":"latency","aggregation":{"type":"min","key":"ms"},"filter":null,"measurement_unit":null,"description":null}', 'UTF8'), 9);
INSERT INTO tally_golden_store.tally_events VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', 1, 'domain.meter:Meter.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.230977+00:00"},"originator_topic":"domain.meter:Meter","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"avg meter","event_name":"cpu","aggregation":{"type":"avg","key":"load"},"filter":null,"measurement_unit":null,"description":null}', 'UTF8'), 10);
INSERT INTO tally_golden_store.tally_events VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', 1, 'domain.meter:Meter.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.233716+00:00"},"originator_topic":"domain.meter:Meter","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"last meter","event_name":"storage","aggregation":{"type":"last","key":"gb"},"filter":null,"measurement_unit":null,"description":null}', 'UTF8'), 11);
INSERT INTO tally_golden_store.tally_events VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', 1, 'domain.meter:Meter.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.235319+00:00"},"originator_topic":"domain.meter:Meter","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"unique_count meter","event_name":"login","aggregation":{"type":"unique_count","key":"user"},"filter":null,"measurement_unit":null,"description":null}', 'UTF8'), 12);
INSERT INTO tally_golden_store.tally_events VALUES ('23e2b83e-2f22-41cc-9084-8dae1981137d', 1, 'domain.credit_entitlement:CreditEntitlement.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.237000+00:00"},"originator_topic":"domain.credit_entitlement:CreditEntitlement","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"terms":{"name":"API credits","unit":"credits","precision":0,"rollover_enabled":false,"overage_enabled":true,"overage_behavior":"invoice_at_billing","description":null,"expires_after_days":null,"rollover_percentage":null,"max_rollover_count":null,"rollover_timeframe_count":null,"rollover_timeframe_interval":null,"overage_limit":null,"price_per_unit":{"_type_":"decimal_str","_data_":"0.05"},"currency":"USD","low_balance_threshold_percent":null}}', 'UTF8'), 13);
INSERT INTO tally_golden_store.tally_events VALUES ('66309416-43d1-46ca-9bd0-7c5919c1a7df', 1, 'domain.product:Product.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.248134+00:00"},"originator_topic":"domain.product:Product","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"Basic","currency":"USD","price":{"_type_":"decimal_str","_data_":"10.00"},"billing_interval":"month","interval_count":1,"usage_prices":{"c57cd14a-b320-4a54-b2e1-85cc5ace2823":{"meter_id":"c57cd14a-b320-4a54-b2e1-85cc5ace2823","unit_price":{"_type_":"decimal_str","_data_":"0"},"free_threshold":{"_type_":"decimal_str","_data_":"2"},"credits":null,"model":"graduated","tiers":[{"up_to":{"_type_":"decimal_str","_data_":"5"},"unit_price":{"_type_":"decimal_str","_data_":"0.10"},"flat_price":{"_type_":"decimal_str","_data_":"0"}},{"up_to":{"_type_":"decimal_str","_data_":"12"},"unit_price":{"_type_":"decimal_str","_data_":"0.05"},"flat_price":{"_type_":"decimal_str","_data_":"1.00"}},{"up_to":null,"unit_price":{"_type_":"decimal_str","_data_":"0.02"},"flat_price":{"_type_":"decimal_str","_data_":"0"}}]},"325084e1-c36c-4120-aaf8-f5bb5e9caf40":{"meter_id":"325084e1-c36c-4120-aaf8-f5bb5e9caf40","unit_price":{"_type_":"decimal_str","_data_":"0.001"},"free_threshold":{"_type_":"decimal_str","_data_":"1000"},"credits":null},"7bd4a9ef-7252-4b44-a66c-90ca59ea6d04":{"meter_id":"7bd4a9ef-7252-4b44-a66c-90ca59ea6d04","unit_price":{"_type_":"decimal_str","_data_":"2.50"},"free_threshold":{"_type_":"decimal_str","_data_":"0"},"credits":null},"e0e292fa-01bc-40b3-acc1-4659082560be":{"meter_id":"e0e292fa-01bc-40b3-acc1-4659082560be","unit_price":{"_type_":"decimal_str","_data_":"0.25"},"free_threshold":{"_type_":"decimal_str","_data_":"0"},"credits":null},"11ebc0f4-a4cb-470c-a93b-e3d2070d748f":{"meter_id":"11ebc0f4-a4cb-470c-a93b-e3d2070d748f","unit_price":{"_type_":"decimal_str","_data_":"1.10"},"free_threshold":{"_type_":"decimal_str","_data_":"0"},"credits":null}},"credit_entitlements":null,"details":null}', 'UTF8'), 14);
INSERT INTO tally_golden_store.tally_events VALUES ('1fe6c739-2f58-4309-9507-77cb9d7f0543', 1, 'domain.product:Product.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.259426+00:00"},"originator_topic":"domain.product:Product","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"Pro","currency":"USD","price":{"_type_":"decimal_str","_data_":"30.00"},"billing_interval":"month","interval_count":1,"usage_prices":{"c57cd14a-b320-4a54-b2e1-85cc5ace2823":{"meter_id":"c57cd14a-b320-4a54-b2e1-85cc5ace2823","unit_price":{"_type_":"decimal_str","_data_":"0.03"},"free_threshold":{"_type_":"decimal_str","_data_":"10"},"credits":null},"b6ca1bbd-ec63-4a83-af99-2068e67eb3a8":{"meter_id":"b6ca1bbd-ec63-4a83-af99-2068e67eb3a8","unit_price":{"_type_":"decimal_str","_data_":"0.01"},"free_threshold":{"_type_":"decimal_str","_data_":"0"},"credits":null},"7f468d7f-4673-4f93-9d5d-f0dcc500ec5d":{"meter_id":"7f468d7f-4673-4f93-9d5d-f0dcc500ec5d","unit_price":{"_type_":"decimal_str","_data_":"1.5"},"free_threshold":{"_type_":"decimal_str","_data_":"0"},"credits":null},"325084e1-c36c-4120-aaf8-f5bb5e9caf40":{"meter_id":"325084e1-c36c-4120-aaf8-f5bb5e9caf40","unit_price":{"_type_":"decimal_str","_data_":"0.0005"},"free_threshold":{"_type_":"decimal_str","_data_":"0"},"credits":null}},"credit_entitlements":null,"details":null}', 'UTF8'), 15);
INSERT INTO tally_golden_store.tally_events VALUES ('0d8293a3-4e27-4c00-b8c3-f5c6ad45c792', 1, 'domain.subscription:Subscription.Started', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.285099+00:00"},"originator_topic":"domain.subscription:Subscription","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"customer_id":"cus_cy","product_id":{"_type_":"uuid_hex","_data_":"6630941643d146ca9bd07c5919c1a7df"},"anchor":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"billing_interval":"month","interval_count":1,"quantity":1,"trial_period_days":0,"metadata":{},"billing":null}', 'UTF8'), 21);
INSERT INTO tally_golden_store.tally_events VALUES ('0a964317-3c0c-54a7-88e4-b190672e309d', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.291481+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-llm-0","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"metadata":{"tokens":400}}', 'UTF8'), 38);
INSERT INTO tally_golden_store.tally_events VALUES ('891cc884-50dc-5cf8-af4f-14c84d25a851', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.291481+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-llm-1","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T02:01:00+00:00"},"metadata":{"tokens":475}}', 'UTF8'), 39);
INSERT INTO tally_golden_store.tally_events VALUES ('74a5bff9-55d7-5baa-8722-18bce86a4448', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.291481+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-llm-2","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T04:02:00+00:00"},"metadata":{"tokens":550}}', 'UTF8'), 40);
INSERT INTO tally_golden_store.tally_events VALUES ('cc284323-d094-5980-a1f0-beea6faa8e3f', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.291481+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-llm-3","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T06:03:00+00:00"},"metadata":{"tokens":625}}', 'UTF8'), 41);
INSERT INTO tally_golden_store.tally_events VALUES ('dcdf734a-448a-5fa7-a827-28fec9314174', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.291481+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-llm-4","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T08:04:00+00:00"},"metadata":{"tokens":700}}', 'UTF8'), 42);
INSERT INTO tally_golden_store.tally_events VALUES ('5dccf98c-4ca7-5717-8afd-543cbc9bdff7', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.291481+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-llm-5","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T10:05:00+00:00"},"metadata":{"tokens":775}}', 'UTF8'), 43);
INSERT INTO tally_golden_store.tally_events VALUES ('4dfca0b6-84b9-5d4c-8e7c-5d02d14eb4ac', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.291481+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-llm-6","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T12:06:00+00:00"},"metadata":{"tokens":850}}', 'UTF8'), 44);
INSERT INTO tally_golden_store.tally_events VALUES ('28219f1f-2857-595a-a913-f3ba9efb2da0', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.291481+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-llm-7","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T14:07:00+00:00"},"metadata":{"tokens":925}}', 'UTF8'), 45);
INSERT INTO tally_golden_store.tally_events VALUES ('9eff6372-bbe1-5221-9701-bfa38f6f675b', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.301330+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-gb-0","customer_id":"cus_ada","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"metadata":{"gb":10}}', 'UTF8'), 58);
INSERT INTO tally_golden_store.tally_events VALUES ('f20db16a-517d-5665-b597-f866e5f6622c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.301330+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-gb-1","customer_id":"cus_ada","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T02:01:00+00:00"},"metadata":{"gb":12}}', 'UTF8'), 59);
INSERT INTO tally_golden_store.tally_events VALUES ('6a5520f8-799c-5b02-b0ac-a235e3e43b13', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.301330+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-gb-2","customer_id":"cus_ada","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T04:02:00+00:00"},"metadata":{"gb":"11.5"}}', 'UTF8'), 60);
INSERT INTO tally_golden_store.tally_events VALUES ('6b37ce41-dba2-5893-8e54-71e36437f907', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-0","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{}}', 'UTF8'), 67);
INSERT INTO tally_golden_store.tally_events VALUES ('b98cc87a-f291-46f2-8ab1-d4e1fcec596a', 1, 'domain.product:Product.Created', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.268659+00:00"},"originator_topic":"domain.product:Product","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"name":"Credits","currency":"USD","price":{"_type_":"decimal_str","_data_":"0"},"billing_interval":"month","interval_count":1,"usage_prices":{"c57cd14a-b320-4a54-b2e1-85cc5ace2823":{"meter_id":"c57cd14a-b320-4a54-b2e1-85cc5ace2823","unit_price":{"_type_":"decimal_str","_data_":"0"},"free_threshold":{"_type_":"decimal_str","_data_":"0"},"credits":null,"credit_entitlement_id":"23e2b83e-2f22-41cc-9084-8dae1981137d","meter_units_per_credit":{"_type_":"decimal_str","_data_":"1"}}},"credit_entitlements":[{"credit_entitlement_id":"23e2b83e-2f22-41cc-9084-8dae1981137d","credits_amount":{"_type_":"decimal_str","_data_":"10"},"overrides":{}}],"details":null}', 'UTF8'), 16);
INSERT INTO tally_golden_store.tally_events VALUES ('9bc8b2b6-c5d9-5506-8a5a-3220dc695f92', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.296959+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-ms-0","customer_id":"cus_ada","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"metadata":{"ms":120}}', 'UTF8'), 50);
INSERT INTO tally_golden_store.tally_events VALUES ('ef4f3608-b839-51f0-af48-bc37a06a9c19', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.296959+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-ms-1","customer_id":"cus_ada","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T02:01:00+00:00"},"metadata":{"ms":113}}', 'UTF8'), 51);
INSERT INTO tally_golden_store.tally_events VALUES ('81ae62aa-55c8-52cd-88bc-befdfe3fc15e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.296959+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-ms-2","customer_id":"cus_ada","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T04:02:00+00:00"},"metadata":{"ms":106}}', 'UTF8'), 52);
INSERT INTO tally_golden_store.tally_events VALUES ('f65972af-8983-53bc-8983-ceab29a0977f', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.296959+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-ms-3","customer_id":"cus_ada","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T06:03:00+00:00"},"metadata":{"ms":99}}', 'UTF8'), 53);
INSERT INTO tally_golden_store.tally_events VALUES ('f6e24240-035c-560a-8a27-ad849fd9840e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.303688+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-login-0","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"metadata":{"user":"u0"}}', 'UTF8'), 61);
INSERT INTO tally_golden_store.tally_events VALUES ('befcb63a-c832-5275-9082-55d81ba69179', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.303688+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-login-1","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T02:01:00+00:00"},"metadata":{"user":"u1"}}', 'UTF8'), 62);
INSERT INTO tally_golden_store.tally_events VALUES ('891e0d34-8e06-5274-ad1f-67842dfa21c3', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.303688+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-login-2","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T04:02:00+00:00"},"metadata":{"user":"u2"}}', 'UTF8'), 63);
INSERT INTO tally_golden_store.tally_events VALUES ('c6830b43-4696-5456-a5c9-0b848ca1c050', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.303688+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-login-3","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T06:03:00+00:00"},"metadata":{"user":"u3"}}', 'UTF8'), 64);
INSERT INTO tally_golden_store.tally_events VALUES ('6f3fd1d8-4686-5dbf-b713-150455849bad', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.303688+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-login-4","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T08:04:00+00:00"},"metadata":{"user":"u0"}}', 'UTF8'), 65);
INSERT INTO tally_golden_store.tally_events VALUES ('27feab94-3c41-599a-a492-6f7564b6fd81', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.303688+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-login-5","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T10:05:00+00:00"},"metadata":{"user":"u1"}}', 'UTF8'), 66);
INSERT INTO tally_golden_store.tally_events VALUES ('4474650f-7acc-58be-8678-3e1b87b2b62a', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.312325+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-ms-0","customer_id":"cus_ada","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"ms":120}}', 'UTF8'), 95);
INSERT INTO tally_golden_store.tally_events VALUES ('1dcda437-d851-51be-94f1-43ebc9bf6e6a', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.312325+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-ms-1","customer_id":"cus_ada","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"ms":113}}', 'UTF8'), 96);
INSERT INTO tally_golden_store.tally_events VALUES ('65d5d5ff-c34d-5ae1-b98f-f835bee7929c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.312325+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-ms-2","customer_id":"cus_ada","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"ms":106}}', 'UTF8'), 97);
INSERT INTO tally_golden_store.tally_events VALUES ('26a3c87d-c9e5-5fc3-9b30-fa7ca4482421', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.312325+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-ms-3","customer_id":"cus_ada","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"ms":99}}', 'UTF8'), 98);
INSERT INTO tally_golden_store.tally_events VALUES ('69566684-605d-43b2-ac0c-ada3d1db15bc', 1, 'domain.subscription:Subscription.Started', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.273518+00:00"},"originator_topic":"domain.subscription:Subscription","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"customer_id":"cus_ada","product_id":{"_type_":"uuid_hex","_data_":"6630941643d146ca9bd07c5919c1a7df"},"anchor":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"billing_interval":"month","interval_count":1,"quantity":1,"trial_period_days":0,"metadata":{},"billing":null}', 'UTF8'), 17);
INSERT INTO tally_golden_store.tally_events VALUES ('27624a03-ccb3-4cab-aa63-c39aa8c5e7aa', 1, 'domain.subscription:Subscription.Started', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.277929+00:00"},"originator_topic":"domain.subscription:Subscription","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"customer_id":"cus_bo","product_id":{"_type_":"uuid_hex","_data_":"b98cc87af29146f28ab1d4e1fcec596a"},"anchor":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"billing_interval":"month","interval_count":1,"quantity":1,"trial_period_days":0,"metadata":{},"billing":null}', 'UTF8'), 18);
INSERT INTO tally_golden_store.tally_events VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 1, 'domain.credit_wallet:CreditWallet.Opened', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.279811+00:00"},"originator_topic":"domain.credit_wallet:CreditWallet","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"customer":{"_type_":"uuid_hex","_data_":"1ba5bcf8afcb5d1093796d9a924495ae"},"customer_id":"cus_bo","entitlement_id":"23e2b83e-2f22-41cc-9084-8dae1981137d"}', 'UTF8'), 19);
INSERT INTO tally_golden_store.tally_events VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 2, 'domain.credit_wallet:CreditWallet.CreditsGranted', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.279927+00:00"},"grant_id":"cycle:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:0:entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d","amount":{"_type_":"decimal_str","_data_":"10"},"source":"cycle","expires_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"reference":"subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-09-01T00:00:00+00:00"}', 'UTF8'), 20);
INSERT INTO tally_golden_store.tally_events VALUES ('7d556ff5-6cf1-5089-ae32-8e0c1e15bd40', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.328531+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-login-0","customer_id":"cus_cy","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"user":"u0"}}', 'UTF8'), 151);
INSERT INTO tally_golden_store.tally_events VALUES ('00ad00cb-694a-5b7b-b6da-e4c0a3a75d03', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.328531+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-login-1","customer_id":"cus_cy","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"user":"u1"}}', 'UTF8'), 152);
INSERT INTO tally_golden_store.tally_events VALUES ('d685cce7-fc96-5b46-a4a5-984e4a23bbc8', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.328531+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-login-2","customer_id":"cus_cy","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"user":"u2"}}', 'UTF8'), 153);
INSERT INTO tally_golden_store.tally_events VALUES ('0baa4ba2-4600-5d80-b9dc-d36e0b55a775', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.328531+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-login-3","customer_id":"cus_cy","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"user":"u3"}}', 'UTF8'), 154);
INSERT INTO tally_golden_store.tally_events VALUES ('d69ac85b-b26a-5711-81ec-d59a135e63ff', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.328531+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-login-4","customer_id":"cus_cy","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T08:04:00+00:00"},"metadata":{"user":"u0"}}', 'UTF8'), 155);
INSERT INTO tally_golden_store.tally_events VALUES ('d42b1c0b-037d-59f3-9496-332a14f4a153', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.328531+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-login-5","customer_id":"cus_cy","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T10:05:00+00:00"},"metadata":{"user":"u1"}}', 'UTF8'), 156);
INSERT INTO tally_golden_store.tally_events VALUES ('69566684-605d-43b2-ac0c-ada3d1db15bc', 2, 'domain.subscription:Subscription.PlanChanged', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.376701+00:00"},"product_id":{"_type_":"uuid_hex","_data_":"1fe6c7392f584309950777cb9d7f0543"},"quantity":1,"effective_at":{"_type_":"datetime_iso","_data_":"2026-09-16T00:00:00+00:00"},"proration_billing_mode":"prorated_immediately","billing_interval":"month","interval_count":1,"cycles_from":null,"cycles_anchor":null}', 'UTF8'), 185);
INSERT INTO tally_golden_store.tally_events VALUES ('69566684-605d-43b2-ac0c-ada3d1db15bc', 3, 'domain.subscription:Subscription.PartBilled', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.388812+00:00"},"index":0,"start":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"end":{"_type_":"datetime_iso","_data_":"2026-09-16T00:00:00+00:00"},"invoice_id":{"_type_":"uuid_hex","_data_":"e164ed2bd1505b1d807eb1f97fbfedf5"},"usage_position":184}', 'UTF8'), 186);
INSERT INTO tally_golden_store.tally_events VALUES ('e164ed2b-d150-5b1d-807e-b1f97fbfedf5', 1, 'domain.invoice:Invoice.Issued', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.388632+00:00"},"originator_topic":"domain.invoice:Invoice","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"customer_id":"cus_ada","subscription_id":{"_type_":"uuid_hex","_data_":"69566684605d43b2ac0cada3d1db15bc"},"product_id":{"_type_":"uuid_hex","_data_":"6630941643d146ca9bd07c5919c1a7df"},"cycle_start":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"cycle_end":{"_type_":"datetime_iso","_data_":"2026-09-16T00:00:00+00:00"},"currency":"USD","price":{"_type_":"decimal_str","_data_":"5.00"},"lines":[{"meter_id":"11ebc0f4-a4cb-470c-a93b-e3d2070d748f","meter_name":"unique_count meter","quantity":{"_type_":"decimal_str","_data_":"4"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"4"},"unit_price":{"_type_":"decimal_str","_data_":"1.10"},"amount":{"_type_":"decimal_str","_data_":"4.40"},"late":false,"model":"per_unit","group":null},{"meter_id":"325084e1-c36c-4120-aaf8-f5bb5e9caf40","meter_name":"sum meter","quantity":{"_type_":"decimal_str","_data_":"5300"},"free":{"_type_":"decimal_str","_data_":"500"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"4800"},"unit_price":{"_type_":"decimal_str","_data_":"0.001"},"amount":{"_type_":"decimal_str","_data_":"4.80"},"late":false,"model":"per_unit","group":null},{"meter_id":"7bd4a9ef-7252-4b44-a66c-90ca59ea6d04","meter_name":"max meter","quantity":{"_type_":"decimal_str","_data_":"5"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"5"},"unit_price":{"_type_":"decimal_str","_data_":"2.50"},"amount":{"_type_":"decimal_str","_data_":"12.50"},"late":false,"model":"per_unit","group":null},{"meter_id":"c57cd14a-b320-4a54-b2e1-85cc5ace2823","meter_name":"count meter","quantity":{"_type_":"decimal_str","_data_":"16"},"free":{"_type_":"decimal_str","_data_":"1"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"15"},"unit_price":{"_type_":"decimal_str","_data_":"0"},"amount":{"_type_":"decimal_str","_data_":"1.91"},"late":false,"model":"graduated","group":null},{"meter_id":"e0e292fa-01bc-40b3-acc1-4659082560be","meter_name":"last meter","quantity":{"_type_":"decimal_str","_data_":"11.5"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"11.5"},"unit_price":{"_type_":"decimal_str","_data_":"0.25"},"amount":{"_type_":"decimal_str","_data_":"2.88"},"late":false,"model":"per_unit","group":null}],"total":{"_type_":"decimal_str","_data_":"31.49"},"issued_at":{"_type_":"datetime_iso","_data_":"2026-10-02T00:00:00+00:00"},"number":"INV-000001","bill_to":{"legal_name":null,"email":null,"tax_id":null,"address":null},"segments":[{"start":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"end":{"_type_":"datetime_iso","_data_":"2026-09-16T00:00:00+00:00"},"product_id":"66309416-43d1-46ca-9bd0-7c5919c1a7df","quantity":1,"share":[1,2],"fixed":"prorated","trial":false,"price":{"_type_":"decimal_str","_data_":"10.00"},"amount":{"_type_":"decimal_str","_data_":"5.00"}}]}', 'UTF8'), 187);
INSERT INTO tally_golden_store.tally_events VALUES ('bcd74e50-07ba-5cc6-8fb3-7611dde73ddb', 1, 'domain.invoice_numbering:InvoiceNumbering.Started', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.387498+00:00"},"originator_topic":"domain.invoice_numbering:InvoiceNumbering","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"prefix":"INV"}', 'UTF8'), 188);
INSERT INTO tally_golden_store.tally_events VALUES ('bcd74e50-07ba-5cc6-8fb3-7611dde73ddb', 2, 'domain.invoice_numbering:InvoiceNumbering.NumbersTaken', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.387609+00:00"},"first":1,"invoice_ids":[{"_type_":"uuid_hex","_data_":"e164ed2bd1505b1d807eb1f97fbfedf5"}]}', 'UTF8'), 189);
INSERT INTO tally_golden_store.tally_events VALUES ('54dc569e-0c20-57f3-8d31-530d9ac18e13', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-0","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"metadata":{}}', 'UTF8'), 22);
INSERT INTO tally_golden_store.tally_events VALUES ('9489a897-e454-50ed-9f6e-acbbb8475a5f', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-1","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T02:01:00+00:00"},"metadata":{}}', 'UTF8'), 23);
INSERT INTO tally_golden_store.tally_events VALUES ('47e88b2c-e5de-5efe-96b6-c9282d3985dd', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-2","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T04:02:00+00:00"},"metadata":{}}', 'UTF8'), 24);
INSERT INTO tally_golden_store.tally_events VALUES ('630af5e4-c45c-51c4-afd2-a6ece6861fa2', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-3","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T06:03:00+00:00"},"metadata":{}}', 'UTF8'), 25);
INSERT INTO tally_golden_store.tally_events VALUES ('a66abef6-ee6f-5c06-b71e-e58d8d0e6579', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-4","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T08:04:00+00:00"},"metadata":{}}', 'UTF8'), 26);
INSERT INTO tally_golden_store.tally_events VALUES ('ac4212e5-b8c1-51b9-8bb9-154371237f79', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-5","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T10:05:00+00:00"},"metadata":{}}', 'UTF8'), 27);
INSERT INTO tally_golden_store.tally_events VALUES ('9a42f915-e137-5c04-936d-f8cbbddd5f0c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-6","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T12:06:00+00:00"},"metadata":{}}', 'UTF8'), 28);
INSERT INTO tally_golden_store.tally_events VALUES ('38aaf4b9-35cc-533a-a059-5fcfd45924d1', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-7","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T14:07:00+00:00"},"metadata":{}}', 'UTF8'), 29);
INSERT INTO tally_golden_store.tally_events VALUES ('440ec487-8148-550e-b3c7-4c285fe13d9c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-8","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T16:08:00+00:00"},"metadata":{}}', 'UTF8'), 30);
INSERT INTO tally_golden_store.tally_events VALUES ('ee160365-2b76-5f2f-8764-0e96916d84e9', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-9","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T18:09:00+00:00"},"metadata":{}}', 'UTF8'), 31);
INSERT INTO tally_golden_store.tally_events VALUES ('952a9963-9712-59b6-8c86-7fbb92ee7f8d', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-10","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T20:10:00+00:00"},"metadata":{}}', 'UTF8'), 32);
INSERT INTO tally_golden_store.tally_events VALUES ('7d97652c-a2e4-5ebb-83ee-f83de48c197e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-11","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T22:11:00+00:00"},"metadata":{}}', 'UTF8'), 33);
INSERT INTO tally_golden_store.tally_events VALUES ('c5e75147-d523-54bd-b229-0b8e6e67fab2', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-12","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-02T00:12:00+00:00"},"metadata":{}}', 'UTF8'), 34);
INSERT INTO tally_golden_store.tally_events VALUES ('7737adda-20c9-52f4-9105-2c0f0e5a791c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-13","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-02T02:13:00+00:00"},"metadata":{}}', 'UTF8'), 35);
INSERT INTO tally_golden_store.tally_events VALUES ('b808e1c5-0055-5814-a143-34ca354688df', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-14","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-02T04:14:00+00:00"},"metadata":{}}', 'UTF8'), 36);
INSERT INTO tally_golden_store.tally_events VALUES ('503526c4-180c-54ac-8189-1f8a50ecdc4d', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.288191+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-call-15","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-02T06:15:00+00:00"},"metadata":{}}', 'UTF8'), 37);
INSERT INTO tally_golden_store.tally_events VALUES ('3b709cc9-0e9e-5263-9538-ffe281f0df24', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.294331+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-seat-0","customer_id":"cus_ada","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"metadata":{"seats":3}}', 'UTF8'), 46);
INSERT INTO tally_golden_store.tally_events VALUES ('eda2b72a-1d69-5ad0-b578-09350b3f2b59', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.294331+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-seat-1","customer_id":"cus_ada","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T02:01:00+00:00"},"metadata":{"seats":5}}', 'UTF8'), 47);
INSERT INTO tally_golden_store.tally_events VALUES ('963bc386-492e-51a8-acc2-1a83e5a61a7d', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.294331+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-seat-2","customer_id":"cus_ada","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T04:02:00+00:00"},"metadata":{"seats":4}}', 'UTF8'), 48);
INSERT INTO tally_golden_store.tally_events VALUES ('1b2382a0-6334-5199-a382-0e3aa71eaa88', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.294331+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-seat-3","customer_id":"cus_ada","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T06:03:00+00:00"},"metadata":{"seats":2}}', 'UTF8'), 49);
INSERT INTO tally_golden_store.tally_events VALUES ('258971af-f18d-55c3-9feb-766b25b6357b', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.308615+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-llm-0","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"tokens":400}}', 'UTF8'), 83);
INSERT INTO tally_golden_store.tally_events VALUES ('4b074680-5a23-5825-a2b4-841ec0a9bbde', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.308615+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-llm-1","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"tokens":475}}', 'UTF8'), 84);
INSERT INTO tally_golden_store.tally_events VALUES ('33639217-8006-5f46-be7b-4c39caf2643e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.308615+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-llm-2","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"tokens":550}}', 'UTF8'), 85);
INSERT INTO tally_golden_store.tally_events VALUES ('50145db0-87c6-58df-8a21-968f0b56fe62', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.308615+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-llm-3","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"tokens":625}}', 'UTF8'), 86);
INSERT INTO tally_golden_store.tally_events VALUES ('5656a9f0-eb90-5cbf-a2d7-cfb37e363794', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.308615+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-llm-4","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T08:04:00+00:00"},"metadata":{"tokens":700}}', 'UTF8'), 87);
INSERT INTO tally_golden_store.tally_events VALUES ('f0c22db1-7e66-540a-8dcf-c84b683dfcaa', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.308615+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-llm-5","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T10:05:00+00:00"},"metadata":{"tokens":775}}', 'UTF8'), 88);
INSERT INTO tally_golden_store.tally_events VALUES ('494579ea-ddda-57a9-8b1a-ac9e68daf468', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.308615+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-llm-6","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T12:06:00+00:00"},"metadata":{"tokens":850}}', 'UTF8'), 89);
INSERT INTO tally_golden_store.tally_events VALUES ('fda9dbe7-bcfe-5c83-ab21-677af5f284ae', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.308615+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-llm-7","customer_id":"cus_ada","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T14:07:00+00:00"},"metadata":{"tokens":925}}', 'UTF8'), 90);
INSERT INTO tally_golden_store.tally_events VALUES ('f980fd7f-7d40-5f0c-88d0-11a99f91ff9a', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.315972+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-gb-0","customer_id":"cus_ada","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"gb":10}}', 'UTF8'), 103);
INSERT INTO tally_golden_store.tally_events VALUES ('811680c8-db19-56ba-a38d-f464c00cac51', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.315972+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-gb-1","customer_id":"cus_ada","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"gb":12}}', 'UTF8'), 104);
INSERT INTO tally_golden_store.tally_events VALUES ('a092f644-65ba-5b3c-a791-633399418cfc', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.315972+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-gb-2","customer_id":"cus_ada","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"gb":"11.5"}}', 'UTF8'), 105);
INSERT INTO tally_golden_store.tally_events VALUES ('7245ba83-5e68-5780-8273-318a73ff3fd8', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.318342+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-llm-0","customer_id":"cus_cy","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"tokens":400}}', 'UTF8'), 128);
INSERT INTO tally_golden_store.tally_events VALUES ('fd023e07-9edc-508b-9bee-455e843c6602', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.299788+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-cpu-0","customer_id":"cus_ada","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"metadata":{"load":"0.5"}}', 'UTF8'), 54);
INSERT INTO tally_golden_store.tally_events VALUES ('b3b90fa2-a61a-5c0f-ada1-b4d00565e3a9', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.299788+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-cpu-1","customer_id":"cus_ada","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T02:01:00+00:00"},"metadata":{"load":"1.25"}}', 'UTF8'), 55);
INSERT INTO tally_golden_store.tally_events VALUES ('5710c0bc-0b13-5e4a-aecb-c460de2a5512', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.299788+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-cpu-2","customer_id":"cus_ada","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T04:02:00+00:00"},"metadata":{"load":"2"}}', 'UTF8'), 56);
INSERT INTO tally_golden_store.tally_events VALUES ('7e0da7fb-e5fd-5640-b065-a30b5667fb3e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.299788+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-sep-cpu-3","customer_id":"cus_ada","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T06:03:00+00:00"},"metadata":{"load":"0.75"}}', 'UTF8'), 57);
INSERT INTO tally_golden_store.tally_events VALUES ('2d932964-c712-5295-80a8-c183d6a61886', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.311423+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-seat-0","customer_id":"cus_ada","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"seats":3}}', 'UTF8'), 91);
INSERT INTO tally_golden_store.tally_events VALUES ('3fde7284-b696-5f6d-93c8-0e24efb69923', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.311423+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-seat-1","customer_id":"cus_ada","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"seats":5}}', 'UTF8'), 92);
INSERT INTO tally_golden_store.tally_events VALUES ('0129e08d-68b0-564f-aa58-b134929ff37f', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.311423+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-seat-2","customer_id":"cus_ada","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"seats":4}}', 'UTF8'), 93);
INSERT INTO tally_golden_store.tally_events VALUES ('8d559de0-0a5b-514c-a3c9-c117de1f4d5c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.311423+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-seat-3","customer_id":"cus_ada","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"seats":2}}', 'UTF8'), 94);
INSERT INTO tally_golden_store.tally_events VALUES ('d42e0765-237f-5a51-9ecc-c2d675d0fec3', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.316539+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-login-0","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"user":"u0"}}', 'UTF8'), 106);
INSERT INTO tally_golden_store.tally_events VALUES ('c609d9b3-271d-547d-bf64-1595b7bd029f', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.316539+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-login-1","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"user":"u1"}}', 'UTF8'), 107);
INSERT INTO tally_golden_store.tally_events VALUES ('0583ef2b-0bf0-5159-94a3-fd560f42658e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.316539+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-login-2","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"user":"u2"}}', 'UTF8'), 108);
INSERT INTO tally_golden_store.tally_events VALUES ('d590af28-5fb1-50b4-a43e-f59a4c65fff6', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.316539+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-login-3","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"user":"u3"}}', 'UTF8'), 109);
INSERT INTO tally_golden_store.tally_events VALUES ('b8b92d3f-c650-5b19-899c-e1d5b0f98be7', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.316539+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-login-4","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T08:04:00+00:00"},"metadata":{"user":"u0"}}', 'UTF8'), 110);
INSERT INTO tally_golden_store.tally_events VALUES ('4dc2198f-5927-525c-9935-2b7bb3602175', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.316539+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-login-5","customer_id":"cus_ada","event_name":"login","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T10:05:00+00:00"},"metadata":{"user":"u1"}}', 'UTF8'), 111);
INSERT INTO tally_golden_store.tally_events VALUES ('670b61b9-ddc0-5b4b-a6ec-46bf33d2068b', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.321037+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-seat-0","customer_id":"cus_cy","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"seats":3}}', 'UTF8'), 136);
INSERT INTO tally_golden_store.tally_events VALUES ('c46459b0-6d3d-5f26-8d76-6e49049f22cd', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.321037+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-seat-1","customer_id":"cus_cy","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"seats":5}}', 'UTF8'), 137);
INSERT INTO tally_golden_store.tally_events VALUES ('78b7beae-83a5-50b9-95ae-56b338e2f599', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-1","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{}}', 'UTF8'), 68);
INSERT INTO tally_golden_store.tally_events VALUES ('d842cc01-0e58-56da-9ce3-2a4a306e6f2e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-2","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{}}', 'UTF8'), 69);
INSERT INTO tally_golden_store.tally_events VALUES ('49e4013e-2d71-5ce3-8bbb-1705468bf297', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-3","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{}}', 'UTF8'), 70);
INSERT INTO tally_golden_store.tally_events VALUES ('a6789f67-979a-5a98-bd3a-6380042a682e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-4","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T08:04:00+00:00"},"metadata":{}}', 'UTF8'), 71);
INSERT INTO tally_golden_store.tally_events VALUES ('7ecfaa09-9ffb-5d33-97db-361eb8906ede', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-5","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T10:05:00+00:00"},"metadata":{}}', 'UTF8'), 72);
INSERT INTO tally_golden_store.tally_events VALUES ('f29f162d-9736-5b85-8b34-c2c9f58befcf', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-6","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T12:06:00+00:00"},"metadata":{}}', 'UTF8'), 73);
INSERT INTO tally_golden_store.tally_events VALUES ('4a0bfbec-0aed-5f6a-9b5d-6db0156334d3', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-7","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T14:07:00+00:00"},"metadata":{}}', 'UTF8'), 74);
INSERT INTO tally_golden_store.tally_events VALUES ('73902214-5d9e-5328-ae15-c4d0b32c498a', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-8","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T16:08:00+00:00"},"metadata":{}}', 'UTF8'), 75);
INSERT INTO tally_golden_store.tally_events VALUES ('eba29ee4-7b21-5b84-a4a4-4a135b03d0a7', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-9","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T18:09:00+00:00"},"metadata":{}}', 'UTF8'), 76);
INSERT INTO tally_golden_store.tally_events VALUES ('fb98d407-446d-50c0-979b-4a3aec2c3af7', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-10","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T20:10:00+00:00"},"metadata":{}}', 'UTF8'), 77);
INSERT INTO tally_golden_store.tally_events VALUES ('b09e4411-8d3a-51b3-aa92-7241fe3e8f48', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-11","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T22:11:00+00:00"},"metadata":{}}', 'UTF8'), 78);
INSERT INTO tally_golden_store.tally_events VALUES ('7f358c0d-05e5-57e4-a664-02a7d54c33f4', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-12","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T00:12:00+00:00"},"metadata":{}}', 'UTF8'), 79);
INSERT INTO tally_golden_store.tally_events VALUES ('11a961de-e81c-5873-8f1d-803c8ea2dcae', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-13","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T02:13:00+00:00"},"metadata":{}}', 'UTF8'), 80);
INSERT INTO tally_golden_store.tally_events VALUES ('8dc85b47-85ad-57b2-bdda-835340091117', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-14","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T04:14:00+00:00"},"metadata":{}}', 'UTF8'), 81);
INSERT INTO tally_golden_store.tally_events VALUES ('f1a13a99-05df-5057-a56a-0547c2b857dd', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.305401+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-call-15","customer_id":"cus_ada","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T06:15:00+00:00"},"metadata":{}}', 'UTF8'), 82);
INSERT INTO tally_golden_store.tally_events VALUES ('34001e45-5894-5b50-b546-29258c563d33', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.315279+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-cpu-0","customer_id":"cus_ada","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"load":"0.5"}}', 'UTF8'), 99);
INSERT INTO tally_golden_store.tally_events VALUES ('a9d43643-ee6c-5c0b-bf3c-1ffafa43cbef', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.315279+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-cpu-1","customer_id":"cus_ada","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"load":"1.25"}}', 'UTF8'), 100);
INSERT INTO tally_golden_store.tally_events VALUES ('1c4933c6-4d32-5247-887b-d95c797a86f9', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.315279+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-cpu-2","customer_id":"cus_ada","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"load":"2"}}', 'UTF8'), 101);
INSERT INTO tally_golden_store.tally_events VALUES ('96e39f7d-c4e7-5abb-9049-13a2900e23ea', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.315279+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_ada-oct-cpu-3","customer_id":"cus_ada","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"load":"0.75"}}', 'UTF8'), 102);
INSERT INTO tally_golden_store.tally_events VALUES ('0fd9f533-5854-5fa1-83ff-7eec486afee5', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-0","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{}}', 'UTF8'), 112);
INSERT INTO tally_golden_store.tally_events VALUES ('79e9de3b-bd9d-503c-85dd-b2838756d4d0', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-1","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{}}', 'UTF8'), 113);
INSERT INTO tally_golden_store.tally_events VALUES ('ec7e299c-9bc0-59e4-8cf2-0d6631500dfa', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-2","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{}}', 'UTF8'), 114);
INSERT INTO tally_golden_store.tally_events VALUES ('da63ed9b-b71a-5062-b4a9-e18677e389aa', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-3","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{}}', 'UTF8'), 115);
INSERT INTO tally_golden_store.tally_events VALUES ('a17ebfe0-80b8-5492-a2cc-f61029542e3d', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-4","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T08:04:00+00:00"},"metadata":{}}', 'UTF8'), 116);
INSERT INTO tally_golden_store.tally_events VALUES ('f8a5de98-e3b8-5941-933a-bfe8cddca1b3', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-5","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T10:05:00+00:00"},"metadata":{}}', 'UTF8'), 117);
INSERT INTO tally_golden_store.tally_events VALUES ('227dae3b-eb22-5d2d-b755-f3bb07264e22', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-6","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T12:06:00+00:00"},"metadata":{}}', 'UTF8'), 118);
INSERT INTO tally_golden_store.tally_events VALUES ('9ab42626-f47f-5f24-bd71-b4e7c56293ca', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-7","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T14:07:00+00:00"},"metadata":{}}', 'UTF8'), 119);
INSERT INTO tally_golden_store.tally_events VALUES ('4ebb28a1-54a1-563c-94a4-995a5afc3409', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-8","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T16:08:00+00:00"},"metadata":{}}', 'UTF8'), 120);
INSERT INTO tally_golden_store.tally_events VALUES ('839db399-f2f9-5c2d-a397-e4db48447be8', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-9","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T18:09:00+00:00"},"metadata":{}}', 'UTF8'), 121);
INSERT INTO tally_golden_store.tally_events VALUES ('a19977aa-95ba-52a9-9a23-33e1b54c9452', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-10","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T20:10:00+00:00"},"metadata":{}}', 'UTF8'), 122);
INSERT INTO tally_golden_store.tally_events VALUES ('63eea27b-4118-552f-b5bb-6649a4ccccf1', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-11","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T22:11:00+00:00"},"metadata":{}}', 'UTF8'), 123);
INSERT INTO tally_golden_store.tally_events VALUES ('b901b611-c648-57ae-9492-7d17e61b7b4f', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-12","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T00:12:00+00:00"},"metadata":{}}', 'UTF8'), 124);
INSERT INTO tally_golden_store.tally_events VALUES ('b2d18248-287f-5459-86c7-d15674b92855', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-13","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T02:13:00+00:00"},"metadata":{}}', 'UTF8'), 125);
INSERT INTO tally_golden_store.tally_events VALUES ('b7bd978f-966d-5d93-8ad8-03c1abaac6e3', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-14","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T04:14:00+00:00"},"metadata":{}}', 'UTF8'), 126);
INSERT INTO tally_golden_store.tally_events VALUES ('5c0fa512-10d6-5351-9931-215e211a804d', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.317269+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-call-15","customer_id":"cus_cy","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T06:15:00+00:00"},"metadata":{}}', 'UTF8'), 127);
INSERT INTO tally_golden_store.tally_events VALUES ('e4153e77-3321-5299-bae5-d965a97f8baf', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.325633+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-cpu-0","customer_id":"cus_cy","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"load":"0.5"}}', 'UTF8'), 144);
INSERT INTO tally_golden_store.tally_events VALUES ('0b5a95c4-2220-53b0-b426-80d8a73d8424', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.325633+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-cpu-1","customer_id":"cus_cy","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"load":"1.25"}}', 'UTF8'), 145);
INSERT INTO tally_golden_store.tally_events VALUES ('47a3b4f4-dd8e-5bd6-bb1f-a3d4e21edb71', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.325633+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-cpu-2","customer_id":"cus_cy","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"load":"2"}}', 'UTF8'), 146);
INSERT INTO tally_golden_store.tally_events VALUES ('a9880e1c-9a41-59bc-a462-2e7bd2917b04', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.325633+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-cpu-3","customer_id":"cus_cy","event_name":"cpu","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"load":"0.75"}}', 'UTF8'), 147);
INSERT INTO tally_golden_store.tally_events VALUES ('52b9ec73-4625-5393-bca4-79a0d06c6524', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.318342+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-llm-1","customer_id":"cus_cy","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"tokens":475}}', 'UTF8'), 129);
INSERT INTO tally_golden_store.tally_events VALUES ('5f8a4edc-616a-554a-a516-0bfbba59b93b', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.318342+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-llm-2","customer_id":"cus_cy","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"tokens":550}}', 'UTF8'), 130);
INSERT INTO tally_golden_store.tally_events VALUES ('79e160fd-aa6b-55ed-8e7e-0ac284cfec8b', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.318342+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-llm-3","customer_id":"cus_cy","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"tokens":625}}', 'UTF8'), 131);
INSERT INTO tally_golden_store.tally_events VALUES ('a0516f5f-8861-5ab6-b44b-f4a30add6613', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.318342+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-llm-4","customer_id":"cus_cy","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T08:04:00+00:00"},"metadata":{"tokens":700}}', 'UTF8'), 132);
INSERT INTO tally_golden_store.tally_events VALUES ('461d9005-c947-5641-9b91-5f75c8c11b7a', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.318342+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-llm-5","customer_id":"cus_cy","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T10:05:00+00:00"},"metadata":{"tokens":775}}', 'UTF8'), 133);
INSERT INTO tally_golden_store.tally_events VALUES ('06a11cb9-cc26-57d0-b7d8-f3e01f8a81c6', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.318342+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-llm-6","customer_id":"cus_cy","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T12:06:00+00:00"},"metadata":{"tokens":850}}', 'UTF8'), 134);
INSERT INTO tally_golden_store.tally_events VALUES ('f015c534-cd0b-5666-bdce-1a80daadc5c6', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.318342+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-llm-7","customer_id":"cus_cy","event_name":"llm","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T14:07:00+00:00"},"metadata":{"tokens":925}}', 'UTF8'), 135);
INSERT INTO tally_golden_store.tally_events VALUES ('8735fde5-371b-500e-8d57-e5cd0b083d5b', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-0","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"metadata":{}}', 'UTF8'), 157);
INSERT INTO tally_golden_store.tally_events VALUES ('432f3a14-2475-5957-aaf2-e2a6bc4a2578', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-1","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T02:01:00+00:00"},"metadata":{}}', 'UTF8'), 158);
INSERT INTO tally_golden_store.tally_events VALUES ('7d3907fc-5e53-533d-9eb5-15fba7afd86e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-2","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T04:02:00+00:00"},"metadata":{}}', 'UTF8'), 159);
INSERT INTO tally_golden_store.tally_events VALUES ('72706531-dc30-5136-9718-8d4f17dbb482', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-3","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T06:03:00+00:00"},"metadata":{}}', 'UTF8'), 160);
INSERT INTO tally_golden_store.tally_events VALUES ('4f3737c8-4fb0-5a95-b43f-a8697fabf84b', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-4","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T08:04:00+00:00"},"metadata":{}}', 'UTF8'), 161);
INSERT INTO tally_golden_store.tally_events VALUES ('e09c923d-c489-50b9-89f2-a38921b35c76', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-5","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T10:05:00+00:00"},"metadata":{}}', 'UTF8'), 162);
INSERT INTO tally_golden_store.tally_events VALUES ('814fddbd-0230-5440-856e-bdd0d803bda0', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-6","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T12:06:00+00:00"},"metadata":{}}', 'UTF8'), 163);
INSERT INTO tally_golden_store.tally_events VALUES ('eddcbd85-6b8b-55a6-9d8c-290c016da953', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-7","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T14:07:00+00:00"},"metadata":{}}', 'UTF8'), 164);
INSERT INTO tally_golden_store.tally_events VALUES ('c756b42f-8712-5c08-8e61-278a83c8baf9', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-8","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T16:08:00+00:00"},"metadata":{}}', 'UTF8'), 165);
INSERT INTO tally_golden_store.tally_events VALUES ('c131269a-87f2-5c42-beb8-ec186670d6a5', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.321037+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-seat-2","customer_id":"cus_cy","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"seats":4}}', 'UTF8'), 138);
INSERT INTO tally_golden_store.tally_events VALUES ('45f1549c-8107-5f9d-ad85-8c67f7872a5c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.321037+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-seat-3","customer_id":"cus_cy","event_name":"seats","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"seats":2}}', 'UTF8'), 139);
INSERT INTO tally_golden_store.tally_events VALUES ('d6586587-e979-5ca0-bff1-33a9f5dcf47c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.327272+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-gb-0","customer_id":"cus_cy","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"gb":10}}', 'UTF8'), 148);
INSERT INTO tally_golden_store.tally_events VALUES ('12234306-1ecd-5b87-9501-801912eb2cc6', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.327272+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-gb-1","customer_id":"cus_cy","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"gb":12}}', 'UTF8'), 149);
INSERT INTO tally_golden_store.tally_events VALUES ('682b7293-18fc-5f83-bd32-c04092e3d6c6', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.327272+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-gb-2","customer_id":"cus_cy","event_name":"storage","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"gb":"11.5"}}', 'UTF8'), 150);
INSERT INTO tally_golden_store.tally_events VALUES ('6a712188-77b1-57ea-9f36-6768801e3606', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-0","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{}}', 'UTF8'), 171);
INSERT INTO tally_golden_store.tally_events VALUES ('ca86ef22-18d1-5299-8011-8bc47015e256', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-1","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{}}', 'UTF8'), 172);
INSERT INTO tally_golden_store.tally_events VALUES ('49e88931-4cb8-5571-8c64-b6dd78066cb3', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-2","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{}}', 'UTF8'), 173);
INSERT INTO tally_golden_store.tally_events VALUES ('1a05f359-d069-502b-a7eb-81f2ec6b1302', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-3","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{}}', 'UTF8'), 174);
INSERT INTO tally_golden_store.tally_events VALUES ('d9d93685-e749-5197-bfac-d3b61f345d94', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-4","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T08:04:00+00:00"},"metadata":{}}', 'UTF8'), 175);
INSERT INTO tally_golden_store.tally_events VALUES ('4f941f33-b842-523b-8663-6d3e26871272', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-5","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T10:05:00+00:00"},"metadata":{}}', 'UTF8'), 176);
INSERT INTO tally_golden_store.tally_events VALUES ('5aebd20b-127c-5d05-97bb-e081062947e5', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-6","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T12:06:00+00:00"},"metadata":{}}', 'UTF8'), 177);
INSERT INTO tally_golden_store.tally_events VALUES ('62cd2ec7-ff48-5cc7-8983-1a799b1796e0', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-7","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T14:07:00+00:00"},"metadata":{}}', 'UTF8'), 178);
INSERT INTO tally_golden_store.tally_events VALUES ('69ef6ee6-625b-5d4d-8b45-46068aa895b9', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-8","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T16:08:00+00:00"},"metadata":{}}', 'UTF8'), 179);
INSERT INTO tally_golden_store.tally_events VALUES ('5b075d09-9d14-5921-a4d5-2293171ef6db', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-9","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T18:09:00+00:00"},"metadata":{}}', 'UTF8'), 180);
INSERT INTO tally_golden_store.tally_events VALUES ('7f58c527-fea3-59b7-89a8-5b56911b80ce', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-10","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T20:10:00+00:00"},"metadata":{}}', 'UTF8'), 181);
INSERT INTO tally_golden_store.tally_events VALUES ('708704e0-9f09-5f9a-8dce-df78de7db38e', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.323171+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-ms-0","customer_id":"cus_cy","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"metadata":{"ms":120}}', 'UTF8'), 140);
INSERT INTO tally_golden_store.tally_events VALUES ('c20741c5-f7c0-5369-9765-2d98d66b15f4', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.323171+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-ms-1","customer_id":"cus_cy","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T02:01:00+00:00"},"metadata":{"ms":113}}', 'UTF8'), 141);
INSERT INTO tally_golden_store.tally_events VALUES ('6c202d1e-16d5-57bc-88f9-0f8cca602b32', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.323171+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-ms-2","customer_id":"cus_cy","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T04:02:00+00:00"},"metadata":{"ms":106}}', 'UTF8'), 142);
INSERT INTO tally_golden_store.tally_events VALUES ('5448775f-23ba-5ce2-ac9f-c2eac8e55083', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.323171+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_cy-oct-ms-3","customer_id":"cus_cy","event_name":"latency","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T06:03:00+00:00"},"metadata":{"ms":99}}', 'UTF8'), 143);
INSERT INTO tally_golden_store.tally_events VALUES ('27624a03-ccb3-4cab-aa63-c39aa8c5e7aa', 2, 'domain.subscription:Subscription.CycleClosed', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.533098+00:00"},"index":0,"cycle_start":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"cycle_end":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"invoice_id":{"_type_":"uuid_hex","_data_":"10e0ab6557585851a35e10dc9f238045"},"usage_position":192}', 'UTF8'), 193);
INSERT INTO tally_golden_store.tally_events VALUES ('10e0ab65-5758-5851-a35e-10dc9f238045', 1, 'domain.invoice:Invoice.Issued', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.533032+00:00"},"originator_topic":"domain.invoice:Invoice","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"customer_id":"cus_bo","subscription_id":{"_type_":"uuid_hex","_data_":"27624a03ccb34cabaa63c39aa8c5e7aa"},"product_id":{"_type_":"uuid_hex","_data_":"b98cc87af29146f28ab1d4e1fcec596a"},"cycle_start":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"cycle_end":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"currency":"USD","price":{"_type_":"decimal_str","_data_":"0.00"},"lines":[{"meter_id":"c57cd14a-b320-4a54-b2e1-85cc5ace2823","meter_name":"count meter","quantity":{"_type_":"decimal_str","_data_":"14"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"14"},"credits_used":{"_type_":"decimal_str","_data_":"14"},"billable":{"_type_":"decimal_str","_data_":"0"},"unit_price":{"_type_":"decimal_str","_data_":"0"},"amount":{"_type_":"decimal_str","_data_":"0.00"},"late":false,"model":"per_unit","group":null},{"meter_id":"credit_entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d","meter_name":"API credits overage (credits)","quantity":{"_type_":"decimal_str","_data_":"4"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"4"},"unit_price":{"_type_":"decimal_str","_data_":"0.05"},"amount":{"_type_":"decimal_str","_data_":"0.20"},"late":false,"model":"per_unit","group":null}],"total":{"_type_":"decimal_str","_data_":"0.20"},"issued_at":{"_type_":"datetime_iso","_data_":"2026-10-02T00:00:00+00:00"},"number":"INV-000003","bill_to":{"legal_name":null,"email":null,"tax_id":null,"address":null},"segments":[{"start":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"end":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"product_id":"b98cc87a-f291-46f2-8ab1-d4e1fcec596a","quantity":1,"share":[1,1],"fixed":"whole","trial":false,"price":{"_type_":"decimal_str","_data_":"0"},"amount":{"_type_":"decimal_str","_data_":"0.00"}}]}', 'UTF8'), 194);
INSERT INTO tally_golden_store.tally_events VALUES ('bcd74e50-07ba-5cc6-8fb3-7611dde73ddb', 4, 'domain.invoice_numbering:InvoiceNumbering.NumbersTaken', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.530671+00:00"},"first":3,"invoice_ids":[{"_type_":"uuid_hex","_data_":"10e0ab6557585851a35e10dc9f238045"}]}', 'UTF8'), 195);
INSERT INTO tally_golden_store.tally_events VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 3, 'domain.credit_wallet:CreditWallet.CreditsDebited', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.533323+00:00"},"amount":{"_type_":"decimal_str","_data_":"14"},"cycle":"subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-09-01T00:00:00+00:00","meter_id":"c57cd14a-b320-4a54-b2e1-85cc5ace2823","reason":"usage","reference":"invoice:10e0ab65-5758-5851-a35e-10dc9f238045","allocations":[{"grant_id":"cycle:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:0:entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d","amount":{"_type_":"decimal_str","_data_":"10"}}],"overage":{"_type_":"decimal_str","_data_":"4"}}', 'UTF8'), 196);
INSERT INTO tally_golden_store.tally_events VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 4, 'domain.credit_wallet:CreditWallet.OverageCharged', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.533394+00:00"},"amount":{"_type_":"decimal_str","_data_":"4"},"price_per_unit":{"_type_":"decimal_str","_data_":"0.05"},"charge":{"_type_":"decimal_str","_data_":"0.20"},"currency":"USD","invoice_id":"10e0ab65-5758-5851-a35e-10dc9f238045","reference":"subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-09-01T00:00:00+00:00"}', 'UTF8'), 197);
INSERT INTO tally_golden_store.tally_events VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', 5, 'domain.credit_wallet:CreditWallet.CreditsGranted', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.533452+00:00"},"grant_id":"cycle:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:1:entitlement:23e2b83e-2f22-41cc-9084-8dae1981137d","amount":{"_type_":"decimal_str","_data_":"10"},"source":"cycle","expires_at":{"_type_":"datetime_iso","_data_":"2026-11-01T00:00:00+00:00"},"reference":"subscription:27624a03-ccb3-4cab-aa63-c39aa8c5e7aa:cycle:2026-10-01T00:00:00+00:00"}', 'UTF8'), 198);
INSERT INTO tally_golden_store.tally_events VALUES ('5590c90c-eebb-5458-8f2b-90ab1250e3c4', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-9","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T18:09:00+00:00"},"metadata":{}}', 'UTF8'), 166);
INSERT INTO tally_golden_store.tally_events VALUES ('a6d09c0d-bc9d-51a5-bdf6-ed1ea9d7d247', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-10","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T20:10:00+00:00"},"metadata":{}}', 'UTF8'), 167);
INSERT INTO tally_golden_store.tally_events VALUES ('f669bdd9-b947-513b-861d-49f39928895c', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-11","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-01T22:11:00+00:00"},"metadata":{}}', 'UTF8'), 168);
INSERT INTO tally_golden_store.tally_events VALUES ('2be2b9cd-f39f-50aa-84b6-6f26bdc51eed', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-12","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-02T00:12:00+00:00"},"metadata":{}}', 'UTF8'), 169);
INSERT INTO tally_golden_store.tally_events VALUES ('0a91f98f-d072-5111-9f76-478ce54d5bcf', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.333239+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-sep-call-13","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-09-02T02:13:00+00:00"},"metadata":{}}', 'UTF8'), 170);
INSERT INTO tally_golden_store.tally_events VALUES ('7a066d33-787b-5c7b-8153-8a608495b540', 3, 'domain.business:Business.ApiKeyIssued', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.556917+00:00"},"key_hash":"1c19a413ea4273ba9d44f507fa1f501c0f1d2364d639c656577bf56c7d6fea0a"}', 'UTF8'), 199);
INSERT INTO tally_golden_store.tally_events VALUES ('eddff1ca-07c2-5bc1-a847-b6a879155d4a', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-11","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-01T22:11:00+00:00"},"metadata":{}}', 'UTF8'), 182);
INSERT INTO tally_golden_store.tally_events VALUES ('3154a4e3-99d3-509f-91c3-d456ce5485ec', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-12","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T00:12:00+00:00"},"metadata":{}}', 'UTF8'), 183);
INSERT INTO tally_golden_store.tally_events VALUES ('4396c673-f089-5e9e-92ee-786a7960f6ee', 1, 'domain.usage_event:UsageEvent.Recorded', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.337442+00:00"},"originator_topic":"domain.usage_event:UsageEvent","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"event_id":"cus_bo-oct-call-13","customer_id":"cus_bo","event_name":"api.call","occurred_at":{"_type_":"datetime_iso","_data_":"2026-10-02T02:13:00+00:00"},"metadata":{}}', 'UTF8'), 184);
INSERT INTO tally_golden_store.tally_events VALUES ('69566684-605d-43b2-ac0c-ada3d1db15bc', 4, 'domain.subscription:Subscription.CycleClosed', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.431304+00:00"},"index":0,"cycle_start":{"_type_":"datetime_iso","_data_":"2026-09-01T00:00:00+00:00"},"cycle_end":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"invoice_id":{"_type_":"uuid_hex","_data_":"ba7fe22398975a13b08f22080b36f0ec"},"usage_position":189}', 'UTF8'), 190);
INSERT INTO tally_golden_store.tally_events VALUES ('ba7fe223-9897-5a13-b08f-22080b36f0ec', 1, 'domain.invoice:Invoice.Issued', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.431161+00:00"},"originator_topic":"domain.invoice:Invoice","business_id":{"_type_":"uuid_hex","_data_":"7a066d33787b5c7b81538a608495b540"},"customer_id":"cus_ada","subscription_id":{"_type_":"uuid_hex","_data_":"69566684605d43b2ac0cada3d1db15bc"},"product_id":{"_type_":"uuid_hex","_data_":"1fe6c7392f584309950777cb9d7f0543"},"cycle_start":{"_type_":"datetime_iso","_data_":"2026-09-16T00:00:00+00:00"},"cycle_end":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"currency":"USD","price":{"_type_":"decimal_str","_data_":"15.00"},"lines":[{"meter_id":"325084e1-c36c-4120-aaf8-f5bb5e9caf40","meter_name":"sum meter","quantity":{"_type_":"decimal_str","_data_":"0"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"0"},"unit_price":{"_type_":"decimal_str","_data_":"0.0005"},"amount":{"_type_":"decimal_str","_data_":"0.00"},"late":false,"model":"per_unit","group":null},{"meter_id":"7f468d7f-4673-4f93-9d5d-f0dcc500ec5d","meter_name":"avg meter","quantity":{"_type_":"decimal_str","_data_":"0"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"0"},"unit_price":{"_type_":"decimal_str","_data_":"1.5"},"amount":{"_type_":"decimal_str","_data_":"0.00"},"late":false,"model":"per_unit","group":null},{"meter_id":"b6ca1bbd-ec63-4a83-af99-2068e67eb3a8","meter_name":"min meter","quantity":{"_type_":"decimal_str","_data_":"0"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"0"},"unit_price":{"_type_":"decimal_str","_data_":"0.01"},"amount":{"_type_":"decimal_str","_data_":"0.00"},"late":false,"model":"per_unit","group":null},{"meter_id":"c57cd14a-b320-4a54-b2e1-85cc5ace2823","meter_name":"count meter","quantity":{"_type_":"decimal_str","_data_":"0"},"free":{"_type_":"decimal_str","_data_":"0"},"credited":{"_type_":"decimal_str","_data_":"0"},"credits_used":{"_type_":"decimal_str","_data_":"0"},"billable":{"_type_":"decimal_str","_data_":"0"},"unit_price":{"_type_":"decimal_str","_data_":"0.03"},"amount":{"_type_":"decimal_str","_data_":"0.00"},"late":false,"model":"per_unit","group":null}],"total":{"_type_":"decimal_str","_data_":"15.00"},"issued_at":{"_type_":"datetime_iso","_data_":"2026-10-02T00:00:00+00:00"},"number":"INV-000002","bill_to":{"legal_name":null,"email":null,"tax_id":null,"address":null},"segments":[{"start":{"_type_":"datetime_iso","_data_":"2026-09-16T00:00:00+00:00"},"end":{"_type_":"datetime_iso","_data_":"2026-10-01T00:00:00+00:00"},"product_id":"1fe6c739-2f58-4309-9507-77cb9d7f0543","quantity":1,"share":[1,2],"fixed":"prorated","trial":false,"price":{"_type_":"decimal_str","_data_":"30.00"},"amount":{"_type_":"decimal_str","_data_":"15.00"}}]}', 'UTF8'), 191);
INSERT INTO tally_golden_store.tally_events VALUES ('bcd74e50-07ba-5cc6-8fb3-7611dde73ddb', 3, 'domain.invoice_numbering:InvoiceNumbering.NumbersTaken', convert_to('{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-07T08:38:46.428325+00:00"},"first":2,"invoice_ids":[{"_type_":"uuid_hex","_data_":"ba7fe22398975a13b08f22080b36f0ec"}]}', 'UTF8'), 192);

INSERT INTO tally_golden_store.usage_events VALUES (22, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-0', 'cus_ada', 'api.call', '2026-09-01 00:00:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (23, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-1', 'cus_ada', 'api.call', '2026-09-01 02:01:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (24, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-2', 'cus_ada', 'api.call', '2026-09-01 04:02:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (25, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-3', 'cus_ada', 'api.call', '2026-09-01 06:03:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (26, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-4', 'cus_ada', 'api.call', '2026-09-01 08:04:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (27, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-5', 'cus_ada', 'api.call', '2026-09-01 10:05:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (28, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-6', 'cus_ada', 'api.call', '2026-09-01 12:06:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (29, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-7', 'cus_ada', 'api.call', '2026-09-01 14:07:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (30, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-8', 'cus_ada', 'api.call', '2026-09-01 16:08:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (31, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-9', 'cus_ada', 'api.call', '2026-09-01 18:09:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (32, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-10', 'cus_ada', 'api.call', '2026-09-01 20:10:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (33, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-11', 'cus_ada', 'api.call', '2026-09-01 22:11:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (34, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-12', 'cus_ada', 'api.call', '2026-09-02 00:12:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (35, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-13', 'cus_ada', 'api.call', '2026-09-02 02:13:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (36, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-14', 'cus_ada', 'api.call', '2026-09-02 04:14:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (37, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-call-15', 'cus_ada', 'api.call', '2026-09-02 06:15:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (38, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-llm-0', 'cus_ada', 'llm', '2026-09-01 00:00:00+00', '{"tokens": 400}');
INSERT INTO tally_golden_store.usage_events VALUES (39, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-llm-1', 'cus_ada', 'llm', '2026-09-01 02:01:00+00', '{"tokens": 475}');
INSERT INTO tally_golden_store.usage_events VALUES (40, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-llm-2', 'cus_ada', 'llm', '2026-09-01 04:02:00+00', '{"tokens": 550}');
INSERT INTO tally_golden_store.usage_events VALUES (41, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-llm-3', 'cus_ada', 'llm', '2026-09-01 06:03:00+00', '{"tokens": 625}');
INSERT INTO tally_golden_store.usage_events VALUES (42, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-llm-4', 'cus_ada', 'llm', '2026-09-01 08:04:00+00', '{"tokens": 700}');
INSERT INTO tally_golden_store.usage_events VALUES (43, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-llm-5', 'cus_ada', 'llm', '2026-09-01 10:05:00+00', '{"tokens": 775}');
INSERT INTO tally_golden_store.usage_events VALUES (44, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-llm-6', 'cus_ada', 'llm', '2026-09-01 12:06:00+00', '{"tokens": 850}');
INSERT INTO tally_golden_store.usage_events VALUES (45, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-llm-7', 'cus_ada', 'llm', '2026-09-01 14:07:00+00', '{"tokens": 925}');
INSERT INTO tally_golden_store.usage_events VALUES (46, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-seat-0', 'cus_ada', 'seats', '2026-09-01 00:00:00+00', '{"seats": 3}');
INSERT INTO tally_golden_store.usage_events VALUES (47, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-seat-1', 'cus_ada', 'seats', '2026-09-01 02:01:00+00', '{"seats": 5}');
INSERT INTO tally_golden_store.usage_events VALUES (48, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-seat-2', 'cus_ada', 'seats', '2026-09-01 04:02:00+00', '{"seats": 4}');
INSERT INTO tally_golden_store.usage_events VALUES (49, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-seat-3', 'cus_ada', 'seats', '2026-09-01 06:03:00+00', '{"seats": 2}');
INSERT INTO tally_golden_store.usage_events VALUES (50, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-ms-0', 'cus_ada', 'latency', '2026-09-01 00:00:00+00', '{"ms": 120}');
INSERT INTO tally_golden_store.usage_events VALUES (51, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-ms-1', 'cus_ada', 'latency', '2026-09-01 02:01:00+00', '{"ms": 113}');
INSERT INTO tally_golden_store.usage_events VALUES (52, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-ms-2', 'cus_ada', 'latency', '2026-09-01 04:02:00+00', '{"ms": 106}');
INSERT INTO tally_golden_store.usage_events VALUES (53, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-ms-3', 'cus_ada', 'latency', '2026-09-01 06:03:00+00', '{"ms": 99}');
INSERT INTO tally_golden_store.usage_events VALUES (54, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-cpu-0', 'cus_ada', 'cpu', '2026-09-01 00:00:00+00', '{"load": "0.5"}');
INSERT INTO tally_golden_store.usage_events VALUES (55, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-cpu-1', 'cus_ada', 'cpu', '2026-09-01 02:01:00+00', '{"load": "1.25"}');
INSERT INTO tally_golden_store.usage_events VALUES (56, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-cpu-2', 'cus_ada', 'cpu', '2026-09-01 04:02:00+00', '{"load": "2"}');
INSERT INTO tally_golden_store.usage_events VALUES (57, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-cpu-3', 'cus_ada', 'cpu', '2026-09-01 06:03:00+00', '{"load": "0.75"}');
INSERT INTO tally_golden_store.usage_events VALUES (58, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-gb-0', 'cus_ada', 'storage', '2026-09-01 00:00:00+00', '{"gb": 10}');
INSERT INTO tally_golden_store.usage_events VALUES (59, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-gb-1', 'cus_ada', 'storage', '2026-09-01 02:01:00+00', '{"gb": 12}');
INSERT INTO tally_golden_store.usage_events VALUES (60, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-gb-2', 'cus_ada', 'storage', '2026-09-01 04:02:00+00', '{"gb": "11.5"}');
INSERT INTO tally_golden_store.usage_events VALUES (61, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-login-0', 'cus_ada', 'login', '2026-09-01 00:00:00+00', '{"user": "u0"}');
INSERT INTO tally_golden_store.usage_events VALUES (62, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-login-1', 'cus_ada', 'login', '2026-09-01 02:01:00+00', '{"user": "u1"}');
INSERT INTO tally_golden_store.usage_events VALUES (63, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-login-2', 'cus_ada', 'login', '2026-09-01 04:02:00+00', '{"user": "u2"}');
INSERT INTO tally_golden_store.usage_events VALUES (64, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-login-3', 'cus_ada', 'login', '2026-09-01 06:03:00+00', '{"user": "u3"}');
INSERT INTO tally_golden_store.usage_events VALUES (65, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-login-4', 'cus_ada', 'login', '2026-09-01 08:04:00+00', '{"user": "u0"}');
INSERT INTO tally_golden_store.usage_events VALUES (66, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-sep-login-5', 'cus_ada', 'login', '2026-09-01 10:05:00+00', '{"user": "u1"}');
INSERT INTO tally_golden_store.usage_events VALUES (67, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-0', 'cus_ada', 'api.call', '2026-10-01 00:00:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (68, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-1', 'cus_ada', 'api.call', '2026-10-01 02:01:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (69, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-2', 'cus_ada', 'api.call', '2026-10-01 04:02:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (70, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-3', 'cus_ada', 'api.call', '2026-10-01 06:03:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (71, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-4', 'cus_ada', 'api.call', '2026-10-01 08:04:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (72, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-5', 'cus_ada', 'api.call', '2026-10-01 10:05:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (73, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-6', 'cus_ada', 'api.call', '2026-10-01 12:06:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (74, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-7', 'cus_ada', 'api.call', '2026-10-01 14:07:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (75, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-8', 'cus_ada', 'api.call', '2026-10-01 16:08:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (76, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-9', 'cus_ada', 'api.call', '2026-10-01 18:09:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (77, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-10', 'cus_ada', 'api.call', '2026-10-01 20:10:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (78, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-11', 'cus_ada', 'api.call', '2026-10-01 22:11:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (79, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-12', 'cus_ada', 'api.call', '2026-10-02 00:12:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (80, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-13', 'cus_ada', 'api.call', '2026-10-02 02:13:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (81, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-14', 'cus_ada', 'api.call', '2026-10-02 04:14:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (82, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-call-15', 'cus_ada', 'api.call', '2026-10-02 06:15:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (83, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-llm-0', 'cus_ada', 'llm', '2026-10-01 00:00:00+00', '{"tokens": 400}');
INSERT INTO tally_golden_store.usage_events VALUES (84, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-llm-1', 'cus_ada', 'llm', '2026-10-01 02:01:00+00', '{"tokens": 475}');
INSERT INTO tally_golden_store.usage_events VALUES (85, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-llm-2', 'cus_ada', 'llm', '2026-10-01 04:02:00+00', '{"tokens": 550}');
INSERT INTO tally_golden_store.usage_events VALUES (86, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-llm-3', 'cus_ada', 'llm', '2026-10-01 06:03:00+00', '{"tokens": 625}');
INSERT INTO tally_golden_store.usage_events VALUES (87, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-llm-4', 'cus_ada', 'llm', '2026-10-01 08:04:00+00', '{"tokens": 700}');
INSERT INTO tally_golden_store.usage_events VALUES (88, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-llm-5', 'cus_ada', 'llm', '2026-10-01 10:05:00+00', '{"tokens": 775}');
INSERT INTO tally_golden_store.usage_events VALUES (89, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-llm-6', 'cus_ada', 'llm', '2026-10-01 12:06:00+00', '{"tokens": 850}');
INSERT INTO tally_golden_store.usage_events VALUES (90, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-llm-7', 'cus_ada', 'llm', '2026-10-01 14:07:00+00', '{"tokens": 925}');
INSERT INTO tally_golden_store.usage_events VALUES (91, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-seat-0', 'cus_ada', 'seats', '2026-10-01 00:00:00+00', '{"seats": 3}');
INSERT INTO tally_golden_store.usage_events VALUES (92, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-seat-1', 'cus_ada', 'seats', '2026-10-01 02:01:00+00', '{"seats": 5}');
INSERT INTO tally_golden_store.usage_events VALUES (93, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-seat-2', 'cus_ada', 'seats', '2026-10-01 04:02:00+00', '{"seats": 4}');
INSERT INTO tally_golden_store.usage_events VALUES (94, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-seat-3', 'cus_ada', 'seats', '2026-10-01 06:03:00+00', '{"seats": 2}');
INSERT INTO tally_golden_store.usage_events VALUES (95, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-ms-0', 'cus_ada', 'latency', '2026-10-01 00:00:00+00', '{"ms": 120}');
INSERT INTO tally_golden_store.usage_events VALUES (96, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-ms-1', 'cus_ada', 'latency', '2026-10-01 02:01:00+00', '{"ms": 113}');
INSERT INTO tally_golden_store.usage_events VALUES (97, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-ms-2', 'cus_ada', 'latency', '2026-10-01 04:02:00+00', '{"ms": 106}');
INSERT INTO tally_golden_store.usage_events VALUES (98, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-ms-3', 'cus_ada', 'latency', '2026-10-01 06:03:00+00', '{"ms": 99}');
INSERT INTO tally_golden_store.usage_events VALUES (99, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-cpu-0', 'cus_ada', 'cpu', '2026-10-01 00:00:00+00', '{"load": "0.5"}');
INSERT INTO tally_golden_store.usage_events VALUES (100, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-cpu-1', 'cus_ada', 'cpu', '2026-10-01 02:01:00+00', '{"load": "1.25"}');
INSERT INTO tally_golden_store.usage_events VALUES (101, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-cpu-2', 'cus_ada', 'cpu', '2026-10-01 04:02:00+00', '{"load": "2"}');
INSERT INTO tally_golden_store.usage_events VALUES (102, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-cpu-3', 'cus_ada', 'cpu', '2026-10-01 06:03:00+00', '{"load": "0.75"}');
INSERT INTO tally_golden_store.usage_events VALUES (103, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-gb-0', 'cus_ada', 'storage', '2026-10-01 00:00:00+00', '{"gb": 10}');
INSERT INTO tally_golden_store.usage_events VALUES (104, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-gb-1', 'cus_ada', 'storage', '2026-10-01 02:01:00+00', '{"gb": 12}');
INSERT INTO tally_golden_store.usage_events VALUES (105, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-gb-2', 'cus_ada', 'storage', '2026-10-01 04:02:00+00', '{"gb": "11.5"}');
INSERT INTO tally_golden_store.usage_events VALUES (106, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-login-0', 'cus_ada', 'login', '2026-10-01 00:00:00+00', '{"user": "u0"}');
INSERT INTO tally_golden_store.usage_events VALUES (107, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-login-1', 'cus_ada', 'login', '2026-10-01 02:01:00+00', '{"user": "u1"}');
INSERT INTO tally_golden_store.usage_events VALUES (108, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-login-2', 'cus_ada', 'login', '2026-10-01 04:02:00+00', '{"user": "u2"}');
INSERT INTO tally_golden_store.usage_events VALUES (109, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-login-3', 'cus_ada', 'login', '2026-10-01 06:03:00+00', '{"user": "u3"}');
INSERT INTO tally_golden_store.usage_events VALUES (110, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-login-4', 'cus_ada', 'login', '2026-10-01 08:04:00+00', '{"user": "u0"}');
INSERT INTO tally_golden_store.usage_events VALUES (111, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_ada-oct-login-5', 'cus_ada', 'login', '2026-10-01 10:05:00+00', '{"user": "u1"}');
INSERT INTO tally_golden_store.usage_events VALUES (112, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-0', 'cus_cy', 'api.call', '2026-10-01 00:00:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (113, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-1', 'cus_cy', 'api.call', '2026-10-01 02:01:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (114, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-2', 'cus_cy', 'api.call', '2026-10-01 04:02:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (115, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-3', 'cus_cy', 'api.call', '2026-10-01 06:03:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (116, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-4', 'cus_cy', 'api.call', '2026-10-01 08:04:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (117, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-5', 'cus_cy', 'api.call', '2026-10-01 10:05:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (118, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-6', 'cus_cy', 'api.call', '2026-10-01 12:06:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (119, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-7', 'cus_cy', 'api.call', '2026-10-01 14:07:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (120, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-8', 'cus_cy', 'api.call', '2026-10-01 16:08:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (121, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-9', 'cus_cy', 'api.call', '2026-10-01 18:09:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (122, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-10', 'cus_cy', 'api.call', '2026-10-01 20:10:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (123, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-11', 'cus_cy', 'api.call', '2026-10-01 22:11:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (124, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-12', 'cus_cy', 'api.call', '2026-10-02 00:12:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (125, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-13', 'cus_cy', 'api.call', '2026-10-02 02:13:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (126, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-14', 'cus_cy', 'api.call', '2026-10-02 04:14:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (127, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-call-15', 'cus_cy', 'api.call', '2026-10-02 06:15:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (128, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-llm-0', 'cus_cy', 'llm', '2026-10-01 00:00:00+00', '{"tokens": 400}');
INSERT INTO tally_golden_store.usage_events VALUES (129, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-llm-1', 'cus_cy', 'llm', '2026-10-01 02:01:00+00', '{"tokens": 475}');
INSERT INTO tally_golden_store.usage_events VALUES (130, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-llm-2', 'cus_cy', 'llm', '2026-10-01 04:02:00+00', '{"tokens": 550}');
INSERT INTO tally_golden_store.usage_events VALUES (131, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-llm-3', 'cus_cy', 'llm', '2026-10-01 06:03:00+00', '{"tokens": 625}');
INSERT INTO tally_golden_store.usage_events VALUES (132, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-llm-4', 'cus_cy', 'llm', '2026-10-01 08:04:00+00', '{"tokens": 700}');
INSERT INTO tally_golden_store.usage_events VALUES (133, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-llm-5', 'cus_cy', 'llm', '2026-10-01 10:05:00+00', '{"tokens": 775}');
INSERT INTO tally_golden_store.usage_events VALUES (134, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-llm-6', 'cus_cy', 'llm', '2026-10-01 12:06:00+00', '{"tokens": 850}');
INSERT INTO tally_golden_store.usage_events VALUES (135, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-llm-7', 'cus_cy', 'llm', '2026-10-01 14:07:00+00', '{"tokens": 925}');
INSERT INTO tally_golden_store.usage_events VALUES (136, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-seat-0', 'cus_cy', 'seats', '2026-10-01 00:00:00+00', '{"seats": 3}');
INSERT INTO tally_golden_store.usage_events VALUES (137, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-seat-1', 'cus_cy', 'seats', '2026-10-01 02:01:00+00', '{"seats": 5}');
INSERT INTO tally_golden_store.usage_events VALUES (138, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-seat-2', 'cus_cy', 'seats', '2026-10-01 04:02:00+00', '{"seats": 4}');
INSERT INTO tally_golden_store.usage_events VALUES (139, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-seat-3', 'cus_cy', 'seats', '2026-10-01 06:03:00+00', '{"seats": 2}');
INSERT INTO tally_golden_store.usage_events VALUES (140, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-ms-0', 'cus_cy', 'latency', '2026-10-01 00:00:00+00', '{"ms": 120}');
INSERT INTO tally_golden_store.usage_events VALUES (141, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-ms-1', 'cus_cy', 'latency', '2026-10-01 02:01:00+00', '{"ms": 113}');
INSERT INTO tally_golden_store.usage_events VALUES (142, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-ms-2', 'cus_cy', 'latency', '2026-10-01 04:02:00+00', '{"ms": 106}');
INSERT INTO tally_golden_store.usage_events VALUES (143, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-ms-3', 'cus_cy', 'latency', '2026-10-01 06:03:00+00', '{"ms": 99}');
INSERT INTO tally_golden_store.usage_events VALUES (144, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-cpu-0', 'cus_cy', 'cpu', '2026-10-01 00:00:00+00', '{"load": "0.5"}');
INSERT INTO tally_golden_store.usage_events VALUES (145, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-cpu-1', 'cus_cy', 'cpu', '2026-10-01 02:01:00+00', '{"load": "1.25"}');
INSERT INTO tally_golden_store.usage_events VALUES (146, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-cpu-2', 'cus_cy', 'cpu', '2026-10-01 04:02:00+00', '{"load": "2"}');
INSERT INTO tally_golden_store.usage_events VALUES (147, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-cpu-3', 'cus_cy', 'cpu', '2026-10-01 06:03:00+00', '{"load": "0.75"}');
INSERT INTO tally_golden_store.usage_events VALUES (148, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-gb-0', 'cus_cy', 'storage', '2026-10-01 00:00:00+00', '{"gb": 10}');
INSERT INTO tally_golden_store.usage_events VALUES (149, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-gb-1', 'cus_cy', 'storage', '2026-10-01 02:01:00+00', '{"gb": 12}');
INSERT INTO tally_golden_store.usage_events VALUES (150, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-gb-2', 'cus_cy', 'storage', '2026-10-01 04:02:00+00', '{"gb": "11.5"}');
INSERT INTO tally_golden_store.usage_events VALUES (151, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-login-0', 'cus_cy', 'login', '2026-10-01 00:00:00+00', '{"user": "u0"}');
INSERT INTO tally_golden_store.usage_events VALUES (152, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-login-1', 'cus_cy', 'login', '2026-10-01 02:01:00+00', '{"user": "u1"}');
INSERT INTO tally_golden_store.usage_events VALUES (153, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-login-2', 'cus_cy', 'login', '2026-10-01 04:02:00+00', '{"user": "u2"}');
INSERT INTO tally_golden_store.usage_events VALUES (154, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-login-3', 'cus_cy', 'login', '2026-10-01 06:03:00+00', '{"user": "u3"}');
INSERT INTO tally_golden_store.usage_events VALUES (155, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-login-4', 'cus_cy', 'login', '2026-10-01 08:04:00+00', '{"user": "u0"}');
INSERT INTO tally_golden_store.usage_events VALUES (156, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_cy-oct-login-5', 'cus_cy', 'login', '2026-10-01 10:05:00+00', '{"user": "u1"}');
INSERT INTO tally_golden_store.usage_events VALUES (157, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-0', 'cus_bo', 'api.call', '2026-09-01 00:00:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (158, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-1', 'cus_bo', 'api.call', '2026-09-01 02:01:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (159, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-2', 'cus_bo', 'api.call', '2026-09-01 04:02:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (160, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-3', 'cus_bo', 'api.call', '2026-09-01 06:03:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (161, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-4', 'cus_bo', 'api.call', '2026-09-01 08:04:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (162, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-5', 'cus_bo', 'api.call', '2026-09-01 10:05:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (163, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-6', 'cus_bo', 'api.call', '2026-09-01 12:06:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (164, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-7', 'cus_bo', 'api.call', '2026-09-01 14:07:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (165, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-8', 'cus_bo', 'api.call', '2026-09-01 16:08:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (166, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-9', 'cus_bo', 'api.call', '2026-09-01 18:09:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (167, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-10', 'cus_bo', 'api.call', '2026-09-01 20:10:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (168, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-11', 'cus_bo', 'api.call', '2026-09-01 22:11:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (169, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-12', 'cus_bo', 'api.call', '2026-09-02 00:12:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (170, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-sep-call-13', 'cus_bo', 'api.call', '2026-09-02 02:13:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (171, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-0', 'cus_bo', 'api.call', '2026-10-01 00:00:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (172, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-1', 'cus_bo', 'api.call', '2026-10-01 02:01:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (173, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-2', 'cus_bo', 'api.call', '2026-10-01 04:02:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (174, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-3', 'cus_bo', 'api.call', '2026-10-01 06:03:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (175, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-4', 'cus_bo', 'api.call', '2026-10-01 08:04:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (176, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-5', 'cus_bo', 'api.call', '2026-10-01 10:05:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (177, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-6', 'cus_bo', 'api.call', '2026-10-01 12:06:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (178, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-7', 'cus_bo', 'api.call', '2026-10-01 14:07:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (179, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-8', 'cus_bo', 'api.call', '2026-10-01 16:08:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (180, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-9', 'cus_bo', 'api.call', '2026-10-01 18:09:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (181, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-10', 'cus_bo', 'api.call', '2026-10-01 20:10:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (182, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-11', 'cus_bo', 'api.call', '2026-10-01 22:11:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (183, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-12', 'cus_bo', 'api.call', '2026-10-02 00:12:00+00', '{}');
INSERT INTO tally_golden_store.usage_events VALUES (184, '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo-oct-call-13', 'cus_bo', 'api.call', '2026-10-02 02:13:00+00', '{}');

INSERT INTO tally_golden_store.wallets VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', '7a066d33-787b-5c7b-8153-8a608495b540', 'cus_bo', '23e2b83e-2f22-41cc-9084-8dae1981137d', 10, 0, '2026-12-07 08:38:46.279811+00', '2026-12-07 08:38:46.533452+00', 198);

INSERT INTO tally_golden_store.webhook_subjects VALUES ('c57cd14a-b320-4a54-b2e1-85cc5ace2823', '{"name": "count meter", "announced": false, "event_name": "api.call", "aggregation": {"key": null, "type": "count"}, "business_id": "7a066d33-787b-5c7b-8153-8a608495b540"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('325084e1-c36c-4120-aaf8-f5bb5e9caf40', '{"name": "sum meter", "announced": false, "event_name": "llm", "aggregation": {"key": "tokens", "type": "sum"}, "business_id": "7a066d33-787b-5c7b-8153-8a608495b540"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('7bd4a9ef-7252-4b44-a66c-90ca59ea6d04', '{"name": "max meter", "announced": false, "event_name": "seats", "aggregation": {"key": "seats", "type": "max"}, "business_id": "7a066d33-787b-5c7b-8153-8a608495b540"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('b6ca1bbd-ec63-4a83-af99-2068e67eb3a8', '{"name": "min meter", "announced": false, "event_name": "latency", "aggregation": {"key": "ms", "type": "min"}, "business_id": "7a066d33-787b-5c7b-8153-8a608495b540"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('7f468d7f-4673-4f93-9d5d-f0dcc500ec5d', '{"name": "avg meter", "announced": false, "event_name": "cpu", "aggregation": {"key": "load", "type": "avg"}, "business_id": "7a066d33-787b-5c7b-8153-8a608495b540"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('e0e292fa-01bc-40b3-acc1-4659082560be', '{"name": "last meter", "announced": false, "event_name": "storage", "aggregation": {"key": "gb", "type": "last"}, "business_id": "7a066d33-787b-5c7b-8153-8a608495b540"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('11ebc0f4-a4cb-470c-a93b-e3d2070d748f', '{"name": "unique_count meter", "announced": false, "event_name": "login", "aggregation": {"key": "user", "type": "unique_count"}, "business_id": "7a066d33-787b-5c7b-8153-8a608495b540"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('0d8293a3-4e27-4c00-b8c3-f5c6ad45c792', '{"count": 1, "anchor": "2026-10-01T00:00:00+00:00", "closed": 0, "ends_at": null, "interval": "month", "metadata": {}, "quantity": 1, "timeline": {"epochs": [{"count": 1, "first": 0, "anchor": "2026-10-01T00:00:00Z", "interval": "month"}], "changes": [{"at": "2026-10-01T00:00:00Z", "mode": "do_not_bill", "quantity": 1, "product_id": "66309416-43d1-46ca-9bd0-7c5919c1a7df"}], "trial_ends_at": null}, "created_at": "2026-12-07T08:38:46.285099Z", "product_id": "66309416-43d1-46ca-9bd0-7c5919c1a7df", "business_id": "7a066d33-787b-5c7b-8153-8a608495b540", "customer_id": "cus_cy"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('e164ed2b-d150-5b1d-807e-b1f97fbfedf5', '{"total": "31.49", "number": "INV-000001", "currency": "USD", "business_id": "7a066d33-787b-5c7b-8153-8a608495b540", "customer_id": "cus_ada"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('69566684-605d-43b2-ac0c-ada3d1db15bc', '{"count": 1, "anchor": "2026-09-01T00:00:00+00:00", "closed": 1, "ends_at": null, "interval": "month", "metadata": {}, "quantity": 1, "timeline": {"epochs": [{"count": 1, "first": 0, "anchor": "2026-09-01T00:00:00Z", "interval": "month"}], "changes": [{"at": "2026-09-01T00:00:00Z", "mode": "do_not_bill", "quantity": 1, "product_id": "66309416-43d1-46ca-9bd0-7c5919c1a7df"}, {"at": "2026-09-16T00:00:00Z", "mode": "prorated_immediately", "quantity": 1, "product_id": "1fe6c739-2f58-4309-9507-77cb9d7f0543"}], "trial_ends_at": null}, "created_at": "2026-12-07T08:38:46.273518Z", "product_id": "1fe6c739-2f58-4309-9507-77cb9d7f0543", "business_id": "7a066d33-787b-5c7b-8153-8a608495b540", "customer_id": "cus_ada"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('ba7fe223-9897-5a13-b08f-22080b36f0ec', '{"total": "15.00", "number": "INV-000002", "currency": "USD", "business_id": "7a066d33-787b-5c7b-8153-8a608495b540", "customer_id": "cus_ada"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('27624a03-ccb3-4cab-aa63-c39aa8c5e7aa', '{"count": 1, "anchor": "2026-09-01T00:00:00+00:00", "closed": 1, "ends_at": null, "interval": "month", "metadata": {}, "quantity": 1, "timeline": {"epochs": [{"count": 1, "first": 0, "anchor": "2026-09-01T00:00:00Z", "interval": "month"}], "changes": [{"at": "2026-09-01T00:00:00Z", "mode": "do_not_bill", "quantity": 1, "product_id": "b98cc87a-f291-46f2-8ab1-d4e1fcec596a"}], "trial_ends_at": null}, "created_at": "2026-12-07T08:38:46.277929Z", "product_id": "b98cc87a-f291-46f2-8ab1-d4e1fcec596a", "business_id": "7a066d33-787b-5c7b-8153-8a608495b540", "customer_id": "cus_bo"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('10e0ab65-5758-5851-a35e-10dc9f238045', '{"total": "0.20", "number": "INV-000003", "currency": "USD", "business_id": "7a066d33-787b-5c7b-8153-8a608495b540", "customer_id": "cus_bo"}');
INSERT INTO tally_golden_store.webhook_subjects VALUES ('0a89a877-8255-52f6-b7eb-5357af55bef5', '{"balance": "10", "overage": "0", "business_id": "7a066d33-787b-5c7b-8153-8a608495b540", "customer_id": "cus_bo", "entitlement_id": "23e2b83e-2f22-41cc-9084-8dae1981137d"}');

INSERT INTO tally_golden_store.worker_beats VALUES ('all', 25768, 'vm', '2026-12-07 08:38:46.212232+00');

SELECT pg_catalog.setval('tally_golden_store.tally_events_notification_id_seq', 199, true);

ALTER TABLE ONLY tally_golden_store.alerts
    ADD CONSTRAINT alerts_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.charges
    ADD CONSTRAINT charges_pkey PRIMARY KEY (subscription_id);

ALTER TABLE ONLY tally_golden_store.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.entitlements
    ADD CONSTRAINT entitlements_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.grants
    ADD CONSTRAINT grants_pkey PRIMARY KEY (wallet_id, grant_id);

ALTER TABLE ONLY tally_golden_store.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.ledger
    ADD CONSTRAINT ledger_pkey PRIMARY KEY (wallet_id, "position");

ALTER TABLE ONLY tally_golden_store.meter_uniques
    ADD CONSTRAINT meter_uniques_pkey PRIMARY KEY (meter_id, customer_id, minute, value);

ALTER TABLE ONLY tally_golden_store.meter_usage_hours
    ADD CONSTRAINT meter_usage_hours_pkey PRIMARY KEY (meter_id, hour);

ALTER TABLE ONLY tally_golden_store.meter_usage
    ADD CONSTRAINT meter_usage_pkey PRIMARY KEY (meter_id, customer_id, minute);

ALTER TABLE ONLY tally_golden_store.meters
    ADD CONSTRAINT meters_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.products
    ADD CONSTRAINT products_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.projection_parked
    ADD CONSTRAINT projection_parked_pkey PRIMARY KEY (projection, "position");

ALTER TABLE ONLY tally_golden_store.projection_tracking
    ADD CONSTRAINT projection_tracking_pkey PRIMARY KEY (name);

ALTER TABLE ONLY tally_golden_store.simulation_rows
    ADD CONSTRAINT simulation_rows_pkey PRIMARY KEY (simulation_id, scenario, subscription_id, cycle_start);

ALTER TABLE ONLY tally_golden_store.simulations
    ADD CONSTRAINT simulations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.tally_events
    ADD CONSTRAINT tally_events_pkey PRIMARY KEY (originator_id, originator_version);

ALTER TABLE ONLY tally_golden_store.tally_snapshots
    ADD CONSTRAINT tally_snapshots_pkey PRIMARY KEY (originator_id, originator_version);

ALTER TABLE ONLY tally_golden_store.usage_events
    ADD CONSTRAINT usage_events_pkey PRIMARY KEY ("position");

ALTER TABLE ONLY tally_golden_store.wallets
    ADD CONSTRAINT wallets_business_id_customer_id_entitlement_id_key UNIQUE NULLS NOT DISTINCT (business_id, customer_id, entitlement_id);

ALTER TABLE ONLY tally_golden_store.wallets
    ADD CONSTRAINT wallets_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.webhook_sends
    ADD CONSTRAINT webhook_sends_pkey PRIMARY KEY (delivery_id);

ALTER TABLE ONLY tally_golden_store.webhook_subjects
    ADD CONSTRAINT webhook_subjects_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tally_golden_store.worker_beats
    ADD CONSTRAINT worker_beats_pkey PRIMARY KEY (worker);

CREATE INDEX alerts_business_id_created_at_idx ON tally_golden_store.alerts USING btree (business_id, created_at);

CREATE INDEX charges_business_id_customer_id_idx ON tally_golden_store.charges USING btree (business_id, customer_id);

CREATE INDEX charges_cycle_end_idx ON tally_golden_store.charges USING btree (cycle_end);

CREATE INDEX charges_product_id_idx ON tally_golden_store.charges USING btree (product_id);

CREATE INDEX customers_business_id_created_at_idx ON tally_golden_store.customers USING btree (business_id, created_at);

CREATE INDEX entitlements_business_id_created_at_idx ON tally_golden_store.entitlements USING btree (business_id, created_at);

CREATE INDEX grants_expires_at_idx ON tally_golden_store.grants USING btree (expires_at) WHERE (remaining > (0)::numeric);

CREATE INDEX invoices_business_id_customer_id_position_idx ON tally_golden_store.invoices USING btree (business_id, customer_id, "position");

CREATE INDEX invoices_business_id_issued_at_idx ON tally_golden_store.invoices USING btree (business_id, issued_at);

CREATE INDEX invoices_business_id_position_idx ON tally_golden_store.invoices USING btree (business_id, "position");

CREATE INDEX ledger_wallet_id_entry_id_idx ON tally_golden_store.ledger USING btree (wallet_id, entry_id) WHERE (entry_id IS NOT NULL);

CREATE INDEX meter_uniques_meter_id_minute_idx ON tally_golden_store.meter_uniques USING btree (meter_id, minute);

CREATE INDEX meter_usage_meter_id_minute_idx ON tally_golden_store.meter_usage USING btree (meter_id, minute);

CREATE INDEX meters_business_id_created_at_idx ON tally_golden_store.meters USING btree (business_id, created_at);

CREATE INDEX products_business_id_created_at_idx ON tally_golden_store.products USING btree (business_id, created_at);

CREATE INDEX simulation_rows_simulation_id_customer_id_idx ON tally_golden_store.simulation_rows USING btree (simulation_id, customer_id);

CREATE INDEX simulations_business_id_position_idx ON tally_golden_store.simulations USING btree (business_id, "position");

CREATE INDEX simulations_position_idx ON tally_golden_store.simulations USING btree ("position") WHERE (status = ANY (ARRAY['pending'::text, 'running'::text]));

CREATE UNIQUE INDEX tally_events_notification_id_idx ON tally_golden_store.tally_events USING btree (notification_id);

CREATE INDEX usage_events_business_id_customer_id_occurred_at_idx ON tally_golden_store.usage_events USING btree (business_id, customer_id, occurred_at);

CREATE INDEX usage_events_business_id_occurred_at_idx ON tally_golden_store.usage_events USING btree (business_id, occurred_at);

CREATE INDEX wallets_business_id_entitlement_id_created_at_idx ON tally_golden_store.wallets USING btree (business_id, entitlement_id, created_at);

CREATE INDEX webhook_deliveries_endpoint_id_position_idx ON tally_golden_store.webhook_deliveries USING btree (endpoint_id, "position");

CREATE INDEX webhook_endpoints_business_id_created_at_idx ON tally_golden_store.webhook_endpoints USING btree (business_id, created_at);

CREATE INDEX webhook_sends_due ON tally_golden_store.webhook_sends USING btree (next_at) WHERE (status = 'pending'::text);
