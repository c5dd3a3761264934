"""What the API and the dashboard share, one module per resource: the request bodies both decode (a form is
read with the API's own struct, so a page refuses what the API refuses, in its words), the views both show and
the reads both make. Neither interface imports the other's handlers; both import these.

Views a read model builds itself (CustomerView, EventView, MeterView, InvoiceView, CreditsView) stay in
projections/, which must not import interfaces; the views here extend or wrap them. `freshness` is the one
read-your-writes wait every read makes; `paging` the bounds of every list."""
