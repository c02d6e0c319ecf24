# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two dispatchers on one order at the same moment: the second transaction
fails to serialize (which Odoo retries) instead of creating the same
deadline twice (a unique-key error, which no retry mends)."""

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name

M = "repair_service_mgmt"


@tagged("post_install", "-at_install")
class TestConcurrentSteps(BaseCase):
    """Runs on committed demo data with cursors of its own, and removes what
    it made."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(get_db_name())
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            order = (
                env["repair.order"]
                .with_user(env.ref("base.user_demo"))
                .create(
                    {
                        "partner_id": env.ref(f"{M}.partner_customer_sun_demo").id,
                        "product_id": env.ref(f"{M}.product_air_conditioner_demo").id,
                    }
                )
            )
            self.order_id = order.id
        # (the cursor commits as its block ends)
        self.addCleanup(self._remove_order)

    def _remove_order(self):
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            order = env["repair.order"].browse(self.order_id)
            env["repair.service.sla.line"].search(
                [("res_model", "=", "repair.order"), ("res_id", "=", order.id)]
            ).unlink()
            order.activity_ids.unlink()
            order.unlink()

    def _dispatch(self, cr):
        env = api.Environment(cr, SUPERUSER_ID, {})
        agent = env.ref("base.user_demo")
        order = env["repair.order"].with_user(agent).browse(self.order_id)
        order._dispatch(
            env.ref(f"{M}.outlet_pudong_demo"), env.ref(f"{M}.user_technician_demo")
        )
        env.flush_all()

    def test_concurrent_dispatch_serializes(self):
        with self.db.cursor() as second:
            second.execute("SELECT 1")  # the second request has begun
            with self.db.cursor() as first:
                self._dispatch(first)
            # the first request is committed
            with self.assertRaises(SerializationFailure):
                self._dispatch(second)
            second.rollback()
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM repair_service_sla_line "
                "WHERE res_model = 'repair.order' AND res_id = %s",
                [self.order_id],
            )
            self.assertEqual(cr.fetchone()[0], 1, "one deadline, from the first")
