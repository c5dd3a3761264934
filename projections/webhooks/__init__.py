"""The webhooks read model: endpoints, alerts and the delivery outbox (writer), which facts become webhooks, and the outbox the sender drains."""
