# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-33: two reviewers of one step approving at the same moment end with one
approval recorded and no lost update; the second is told clearly (or, when
the first already committed, fails to serialize, which Odoo retries, and the
retry tells them the step was answered)."""

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, new_test_user, tagged
from odoo.tests.common import get_db_name

M = "repair_service_mgmt"
COMPLAINT = "repair.service.complaint"


@tagged("post_install", "-at_install")
class TestComplaintApprovalConcurrency(BaseCase):
    """Runs on committed demo data with cursors of its own, and removes what
    it made."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(get_db_name())
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.user_ids = [
                new_test_user(
                    env,
                    f"t_conc_{self._testMethodName[-12:]}_{n}",
                    groups=f"{M}.group_commercial_office",
                ).id
                for n in (1, 2)
            ]
            agent = env.ref("base.user_demo")
            complaint = (
                env[COMPLAINT]
                .with_user(agent)
                .create(
                    {
                        "partner_id": env.ref(f"{M}.partner_customer_sun_demo").id,
                        "complainant_type": "dealer",
                        "kind": "dealer",
                        "description": "A dealer claims the freight of a return.",
                        "compensation_kind": "payment",
                        "compensation_amount": 150.0,
                    }
                )
            )
            complaint.write({"cause": "Late pickup", "responsibility": "Logistics"})
            complaint.action_analyse()
            complaint.resolution = "Freight paid back"
            complaint.action_submit_approval()
            self.complaint_id = complaint.id
        self.addCleanup(self._remove)

    def _remove(self):
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            complaint = env[COMPLAINT].browse(self.complaint_id)
            env["repair.service.sla.line"].search(
                [("res_model", "=", COMPLAINT), ("res_id", "=", complaint.id)]
            ).unlink()
            complaint.activity_ids.unlink()
            complaint.unlink()
            env["res.users"].browse(self.user_ids).write({"active": False})

    def _approve(self, cr, user_id):
        env = api.Environment(cr, SUPERUSER_ID, {})
        complaint = env[COMPLAINT].browse(self.complaint_id).with_user(user_id)
        action = complaint.validate_tier()
        wizard = (
            env["comment.wizard"]
            .with_user(user_id)
            .with_context(**action["context"])
            .create({"comment": f"approved by {user_id}"})
        )
        wizard.add_comment()
        env.flush_all()

    def _first_step(self):
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT status, done_by, comment FROM tier_review "
                "WHERE model = %s AND res_id = %s ORDER BY sequence",
                [COMPLAINT, self.complaint_id],
            )
            return cr.fetchall()

    def test_r33_same_moment_the_second_is_told(self):
        first_user, second_user = self.user_ids
        with self.db.cursor() as first:
            self._approve(first, first_user)
            with self.db.cursor() as second:
                with self.assertRaisesRegex(UserError, "another reviewer"):
                    self._approve(second, second_user)
                second.rollback()
        # the first committed as its block ended
        rows = self._first_step()
        self.assertEqual(rows[0], ("approved", first_user, f"approved by {first_user}"))
        self.assertEqual([row[0] for row in rows[1:]], ["pending", "waiting"])

    def test_r33_after_the_first_committed_the_retry_is_told(self):
        first_user, second_user = self.user_ids
        with self.db.cursor() as second:
            second.execute("SELECT 1")  # the second request has begun
            with self.db.cursor() as first:
                self._approve(first, first_user)
            # the first is committed: the second fails to serialize (no
            # lost update), which Odoo retries
            with self.assertRaises(SerializationFailure):
                self._approve(second, second_user)
            second.rollback()
        with self.db.cursor() as retry:
            with self.assertRaisesRegex(UserError, "already answered"):
                self._approve(retry, second_user)
            retry.rollback()
        rows = self._first_step()
        self.assertEqual(rows[0][:2], ("approved", first_user))
        self.assertEqual([row[0] for row in rows[1:]], ["pending", "waiting"])
