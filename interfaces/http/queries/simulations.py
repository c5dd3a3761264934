"""Simulation queries."""

from __future__ import annotations

import uuid

from litestar import get

from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.reads.pages import PageOf
from projections.reads.queries import Queries
from projections.simulations.queries import SimulationSummaryView, SimulationView


class SimulationQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListSimulations", sync_to_thread=True)
    def simulations(
        self,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[SimulationSummaryView]:
        """Simulations, newest first, with their status and progress."""
        return queries.simulations(business, page_number, page_size)

    @get("/{simulation_id:uuid}", operation_id="GetSimulation", sync_to_thread=True)
    def simulation(
        self,
        simulation_id: uuid.UUID,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        page_size: PageSize = 100,
        page_number: PageNumber = 0,
    ) -> SimulationView:
        """Status and progress; then totals per scenario (issued, simulated, difference), revenue per cycle,
        the customers who move most, and a page of customers with each closed cycle line by line."""
        return queries.simulation(business, simulation_id, page_number, page_size)
