"""What the API answers, one module per resource. Views a read model builds itself
(CustomerView, EventView, MeterView, InvoiceView, CreditsView) stay in projections/,
which must not import interfaces; the answers here extend or wrap them."""
