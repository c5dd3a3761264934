"""The dashboard's webhook pages: endpoints, deliveries with their status, a retry button, and the secret
only once asked for."""

from __future__ import annotations

from tests.cli.processes import eventually
from tests.interfaces.dashboard.test_pages_http import sign_in


def test_the_webhook_page_lists_deliveries_with_a_retry_button_and_reveals_the_secret_on_click(
    client, auth, key, receiver, sender, make_customer
):
    webhook = client.post("/webhooks", json={"url": receiver.url("/dash"), "description": "shop"}, headers=auth).json()
    secret = client.get(f"/webhooks/{webhook['id']}/secret", headers=auth).json()["secret"]
    client.post(f"/customers/{make_customer('cus_dash')}/credits", json={"amount": "4"}, headers=auth)
    eventually(lambda: receiver.answered("/dash"), 30, "delivered")
    sign_in(client, key)
    assert receiver.url("/dash") in client.get("/dashboard/webhooks").text
    page = client.get(f"/dashboard/webhooks/{webhook['id']}")
    delivery = client.get(f"/webhooks/{webhook['id']}/deliveries", headers=auth).json()["items"][0]
    assert page.status_code == 200 and secret not in page.text and "Reveal secret" in page.text
    assert delivery["id"] in page.text and "credit.manual_adjustment" in page.text and "delivered" in page.text
    assert secret in client.get(f"/dashboard/webhooks/{webhook['id']}?reveal=true").text
    answer = client.post(
        f"/dashboard/webhooks/{webhook['id']}/deliveries/{delivery['id']}/retry", follow_redirects=False
    )
    assert answer.status_code == 303
    eventually(lambda: len(receiver.answered("/dash")) == 2, 30, "sent again from the dashboard")
    assert {r.headers["webhook-id"] for r in receiver.at("/dash")} == {delivery["id"]}
