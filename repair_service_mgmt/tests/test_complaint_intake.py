# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util

from odoo import http
from odoo.tests import tagged
from odoo.tools import SQL
from odoo.tools.misc import file_path

from .common import M, OutletHttpCase
from .test_complaint import ComplaintCase

EMAIL = """Return-Path: <li.na@example.com>
From: Li Na <li.na@example.com>
To: complaints@example.com
Subject: Washing machine leaks again
Message-ID: <complaint-1@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XX"

--XX
Content-Type: text/plain; charset="utf-8"

The repaired washing machine leaks again, the floor is ruined.
--XX
Content-Type: image/png; name="floor.png"
Content-Disposition: attachment; filename="floor.png"
Content-Transfer-Encoding: base64

iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
--XX--
"""

REPLY = """From: Li Na <li.na@example.com>
To: complaints@example.com
Subject: Re: Washing machine leaks again
Message-ID: <complaint-2@example.com>
In-Reply-To: {parent}
References: {parent}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

I am at home tomorrow morning.
"""


@tagged("post_install", "-at_install")
class TestComplaintIntake(ComplaintCase):
    def test_r30_intake_order_of_type_complaint(self):
        """R-02, R-30: a request of type Complaint taken at the intake is
        recorded as a complaint (the intake order is cancelled and listed)."""
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .with_context(default_intake_channel="phone")
            .create(
                {
                    "request_type": "complaint",
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "fault_description": "Nobody came for the visit.",
                }
            )
        )
        complaint = self.env["repair.service.complaint"].search(
            [("repair_ids", "in", order.ids)]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.channel, "phone")
        self.assertEqual(complaint.taker_id, self.agent)
        self.assertEqual(complaint.description, "Nobody came for the visit.")
        self.assertEqual(order.state, "cancel")
        action = order.with_user(self.agent).action_record_complaint()
        self.assertEqual(
            (action["res_model"], action["res_id"]), (complaint._name, complaint.id)
        )
        self.assertEqual(
            self.env["repair.service.complaint"].search_count(
                [("repair_ids", "in", order.ids)]
            ),
            1,
        )

    def test_r30_intake_from_email(self):
        """R-30: a mail to the complaint mailbox becomes a complaint of its
        sender with the attachments as evidence; the reply lands in its
        chatter."""
        Complaint = self.env["repair.service.complaint"]
        thread_id = self.env["mail.thread"].message_process(Complaint._name, EMAIL)
        complaint = Complaint.browse(thread_id)
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.partner_id.email, "li.na@example.com")
        self.assertIn("leaks again", complaint.description)
        self.assertEqual(complaint.evidence_ids.mapped("name"), ["floor.png"])
        self.assertEqual(complaint.state, "new")
        self.assertFalse(complaint.taker_id)
        parent = complaint.message_ids[-1].message_id
        self.env["mail.thread"].message_process(
            Complaint._name, REPLY.format(parent=parent)
        )
        self.assertEqual(
            Complaint.search_count([("partner_id.email", "=", "li.na@example.com")]), 1
        )
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "home tomorrow" in (m.body or ""))
        )

    def test_r30_migration_of_complaint_orders(self):
        """R-30: a complaint order of before, raised on a follow-up call,
        moves to a complaint record linked to the call and both orders; a
        second run changes nothing."""
        cr = self.env.cr
        order = self.env["repair.order"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id}
        )
        order.action_validate()
        order.action_repair_start()
        order.action_repair_end()
        old = self.env["repair.order"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "fault_description": "Charged for an in-warranty repair",
            }
        )
        followup = self.env["repair.service.followup"].create({"repair_id": order.id})
        # as the data was before: the order's type, the call's link
        cr.execute(
            SQL(
                "ALTER TABLE repair_service_followup "
                "ADD COLUMN IF NOT EXISTS complaint_repair_id integer"
            )
        )
        cr.execute(
            SQL(
                "UPDATE repair_order SET request_type = 'complaint' WHERE id = %s",
                old.id,
            )
        )
        cr.execute(
            SQL(
                "UPDATE repair_service_followup SET complaint_repair_id = %s "
                "WHERE id = %s",
                old.id,
                followup.id,
            )
        )
        self.env.invalidate_all()
        Complaint = self.env["repair.service.complaint"]
        complaint = Complaint._migrate_complaint_orders()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.repair_ids, old | order)
        self.assertEqual(complaint.followup_id, followup)
        self.assertEqual(followup.complaint_id, complaint)
        self.assertEqual(complaint.description, "Charged for an in-warranty repair")
        self.assertEqual(old.state, "cancel")
        self.assertEqual(complaint.state, "new")
        self.assertFalse(Complaint._migrate_complaint_orders())
        # the upgrade's script runs the same, and finds nothing left
        path = file_path(f"{M}/migrations/18.0.1.1.0/post-migration.py")
        spec = importlib.util.spec_from_file_location("complaint_migration", path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        script.migrate(cr, "18.0.1.0.0")
        self.assertEqual(Complaint.search_count([("repair_ids", "in", old.ids)]), 1)


@tagged("post_install", "-at_install")
class TestComplaintPortal(OutletHttpCase):
    def test_r30_portal_customer_files_and_follows(self):
        """R-30: a logged-in customer files a complaint on the portal and
        follows it; another customer cannot open it."""
        from odoo.tests import new_test_user

        alice = new_test_user(
            self.env,
            "t_portal_alice",
            groups="base.group_portal",
            password="t_portal_alice",
        )
        new_test_user(
            self.env,
            "t_portal_bob",
            groups="base.group_portal",
            password="t_portal_bob",
        )
        self.authenticate("t_portal_alice", "t_portal_alice")
        page = self.url_open("/my/complaints/new")
        self.assertEqual(page.status_code, 200)
        response = self.url_open(
            "/my/complaints/new",
            data={
                "description": "The technician never came.",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.env["repair.service.complaint"].search(
            [("partner_id", "=", alice.partner_id.id)]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.description, "The technician never came.")
        self.assertIn(f"/my/complaints/{complaint.id}", response.url)
        listing = self.url_open("/my/complaints")
        self.assertIn(complaint.name, listing.text)
        self.assertIn("The technician never came.", self.url_open(response.url).text)
        # the customer writes in the complaint's chatter from the page
        self.assertIn(complaint.access_token, self.url_open(response.url).text)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": complaint._name,
                "thread_id": complaint.id,
                "post_data": {"body": "Any news?", "message_type": "comment"},
                "token": complaint.access_token,
            },
        )
        posted = complaint.message_ids.filtered(lambda m: "Any news?" in (m.body or ""))
        self.assertEqual(posted.author_id, alice.partner_id)
        self.authenticate("t_portal_bob", "t_portal_bob")
        self.assertEqual(
            self.url_open(f"/my/complaints/{complaint.id}").status_code, 404
        )
        self.assertNotIn(complaint.name, self.url_open("/my/complaints").text)
