# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
from datetime import datetime, timedelta

from freezegun import freeze_time
from markupsafe import Markup

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import M, OutletCase, OutletHttpCase

SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
)
# visits are planned after their order was taken
START = (datetime.now() + timedelta(days=1)).replace(
    hour=9, minute=0, second=0, microsecond=0
)
KEPT = "kept for the audit trail"
EDIT_MINUTES = f"{M}.message_edit_minutes"


class AuditFixtures:
    """An outlet with its people, a billing user, a service administrator and
    the steps that build service records the way users do."""

    @classmethod
    def _setup_audit_fixtures(cls):
        user = lambda login, groups: new_test_user(
            cls.env, login, groups=groups, email=f"{login}@example.com"
        )
        cls.outlet_manager = user("t_outlet_mgr", f"{M}.group_outlet_manager")
        cls.admin = user("t_service_admin", f"{M}.group_service_admin")
        cls.billing = user(
            "t_audit_billing", "account.group_account_invoice,base.group_user"
        )
        cls.system = user("t_audit_system", "base.group_system")
        cls.outlet = cls._approved_outlet(
            "Audit Outlet",
            technicians=cls.tech_a,
            staff=cls.staff_a | cls.outlet_manager,
            manager_id=cls.outlet_manager.id,
        )
        cls.customer = cls.env["res.partner"].create({"name": "Audit Customer"})
        cls.product = cls.env["product.product"].create(
            {"name": "Audit washer", "type": "consu"}
        )
        cls.labour = cls.env["product.product"].create(
            {
                "name": "Audit labour",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.symptom = cls.env.ref(f"{M}.fault_symptom_noise")
        cls.cause = cls.env.ref(f"{M}.fault_cause_fan_motor")

    @classmethod
    def _order(cls, **values):
        """An order taken by the CS agent, dispatched to the outlet's
        technician, who called the customer."""
        order = (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "fault_description": "Noisy",
                    **values,
                }
            )
        )
        # as in the web client: taken in one request, dispatched in another
        cls._flush_tracking()
        order._dispatch(cls.outlet, cls.tech_a)
        order.with_user(cls.tech_a).action_customer_contacted()
        return order.with_env(cls.env)

    @classmethod
    def _consented_order(cls):
        order = cls._order().with_user(cls.tech_a)
        order.write(
            {
                "symptom_id": cls.symptom.id,
                "cause_id": cls.cause.id,
                "diagnosis": "Fan bearing worn",
                "repair_plan": "Replace the fan motor",
            }
        )
        order.action_record_consent("Audit Customer", "signature", signature=SIGNATURE)
        return order.with_env(cls.env)

    @classmethod
    def _visit(cls, order):
        return (
            cls.env["repair.service.visit"]
            .with_user(cls.agent)
            .create(
                {
                    "repair_id": order.id,
                    "planned_start": START,
                    "planned_stop": START + timedelta(hours=2),
                }
            )
            .with_env(cls.env)
        )

    @classmethod
    def _under_repair_with_visit(cls):
        """The order of the audit finding: under repair, with the customer's
        signed consent and a visit the technician checked in to."""
        order = cls._consented_order()
        visit = cls._visit(order)
        visit.with_user(cls.tech_a).action_check_in()
        order.with_user(cls.tech_a).action_validate()
        order.with_user(cls.tech_a).action_repair_start()
        return order, visit

    @classmethod
    def _invoiced_order(cls, price=100.0):
        order = cls._order()
        cls._invoice(order, cls.labour, price)
        return order

    @classmethod
    def _handed_in_cash(cls):
        order = cls._invoiced_order()
        collection = (
            cls.env["repair.service.cash.collection"]
            .with_user(cls.tech_a)
            .create({"repair_id": order.id, "amount": 100.0})
        )
        cls._flush_tracking()
        collection.with_user(cls.billing).action_hand_in()
        return collection.with_env(cls.env)

    @classmethod
    def _completed_order(cls):
        """A plain order repaired and completed (the outlet's steps apply to
        orders with an outlet), then attributed to the outlet."""
        order = (
            cls.env["repair.order"]
            .with_user(cls.agent)
            .create({"partner_id": cls.customer.id, "product_id": cls.product.id})
            .with_env(cls.env)
        )
        order.action_validate()
        order.action_repair_start()
        order.action_repair_end()
        order.write({"outlet_id": cls.outlet.id, "technician_id": cls.tech_a.id})
        return order

    @classmethod
    def _violation(cls, penalty="warning", amount=0.0):
        return (
            cls.env["repair.service.violation"]
            .with_user(cls.supervisor)
            .create(
                {
                    "outlet_id": cls.outlet.id,
                    "violation_type": "overcharge",
                    "description": "Charged above the price list",
                    "penalty": penalty,
                    "fine_amount": amount,
                }
            )
            .with_env(cls.env)
        )

    @classmethod
    def _flush_tracking(cls):
        """Tracked changes are written when the transaction ends."""
        cls.env.flush_all()
        cls.env.cr.flush()
        cls.env.invalidate_all()

    def _deadlines(self, records):
        return self.env["repair.service.sla.line"].search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        )


@tagged("post_install", "-at_install")
class TestAuditTrailRecords(AuditFixtures, OutletCase):
    """Service records are cancelled or archived, never deleted, except by
    the service administrator while nothing an audit needs is attached."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_audit_fixtures()
        cls.non_admins = (
            cls.tech_a | cls.outlet_manager | cls.agent | cls.supervisor | cls.manager
        )

    def _assert_kept(self, records, users, regex=KEPT):
        """Each of ``users`` is refused the deletion, by the access rights
        (no right to delete) or with the audit trail's message; the records
        stay."""
        for user in users:
            with self.subTest(user=user.login):
                with self.assertRaises(UserError) as caught:
                    records.with_user(user).unlink()
                if not isinstance(caught.exception, AccessError):
                    self.assertRegex(str(caught.exception), regex)
                self.assertEqual(records.exists(), records)

    def test_orders_kept_from_every_role(self):
        """The finding: an under-repair order with consent and a checked-in
        visit deleted by an outlet user. Every role is refused, the order
        keeps its visit, chatter and deadlines, and is not cancelled by the
        attempt (the check runs before core cancels the order)."""
        order, visit = self._under_repair_with_visit()
        self._flush_tracking()
        lines = self._deadlines(order)
        messages = order.message_ids
        self.assertTrue(lines and messages)
        self._assert_kept(order, self.non_admins, regex="Cancel the order instead")
        self.assertEqual(order.state, "under_repair")
        self.assertEqual(visit.exists(), visit)
        self.assertEqual(self._deadlines(order), lines)
        self.assertEqual(order.message_ids, messages)
        with self.assertRaisesRegex(UserError, "not even by the service administrator"):
            order.with_user(self.admin).unlink()
        self.assertEqual(order.state, "under_repair")
        # a bare order too: nobody but the administrator deletes it
        self._assert_kept(self._order(), self.non_admins)

    def test_admin_deletes_bare_draft_order_with_its_deadlines(self):
        """A bare draft order (dispatched, nothing signed, no money) is the
        administrator's to delete: its deadlines go with it."""
        order = self._order(priority="1")
        lines = self._deadlines(order)
        self.assertGreaterEqual(len(lines), 2, "R-06 and R-07 deadlines")
        order.with_user(self.admin).unlink()
        self.assertFalse(order.exists())
        self.assertFalse(lines.exists())
        self.assertFalse(self._deadlines(order))

    def test_admin_cannot_delete_what_carries_a_signature_or_money(self):
        signed = self._consented_order()
        with self.assertRaisesRegex(UserError, "the customer signed it"):
            signed.with_user(self.admin).unlink()
        invoiced = self._invoiced_order()
        with self.assertRaisesRegex(UserError, "quotation, sale order or invoice"):
            invoiced.with_user(self.admin).unlink()
        collection = (
            self.env["repair.service.cash.collection"]
            .with_user(self.tech_a)
            .create({"repair_id": invoiced.id, "amount": 40.0})
        )
        with self.assertRaisesRegex(UserError, "cash was collected for it"):
            invoiced.with_user(self.admin).unlink()
        # cash collections are never deleted, not even by the administrator
        self._assert_kept(collection, self.non_admins | self.admin)
        with self.assertRaisesRegex(UserError, "cash collected from a customer"):
            collection.with_user(self.admin)._unlink_except_audit_kept()
        self.assertEqual(
            collection.with_user(self.tech_a).action_cancel("Counted twice"), True
        )
        self.assertEqual(collection.state, "cancelled")
        answered = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "request_type": "consultation",
                    "consultation_answer": "Descale it monthly",
                }
            )
        )
        answered.action_close_consultation()
        with self.assertRaisesRegex(UserError, "closed as answered or declined"):
            answered.with_user(self.admin).unlink()

    def test_visits(self):
        """Visits are cancelled; the administrator deletes a planned one (and
        its deadline), never one the technician checked in to."""
        order = self._order()
        planned = self._visit(order)
        self._assert_kept(planned, self.non_admins)
        lines = self._deadlines(planned)
        self.assertTrue(lines, "R-05: re-confirm the appointment")
        planned.with_user(self.admin).unlink()
        self.assertFalse(planned.exists())
        self.assertFalse(lines.exists())
        checked_in = self._visit(order)
        checked_in.with_user(self.tech_a).action_check_in()
        with self.assertRaisesRegex(UserError, "checked in"):
            checked_in.with_user(self.admin).unlink()
        with self.assertRaisesRegex(UserError, "has visits"):
            order.with_user(self.admin).unlink()

    def test_followups_are_archived(self):
        """Follow-up calls are archived; an archived call is not made again
        by the scheduled action; a made call is kept even from the
        administrator."""
        order = self._completed_order()
        Followup = self.env["repair.service.followup"]
        Followup._cron_create_followups()
        followup = order.followup_ids
        self.assertEqual(len(followup), 1)
        self._assert_kept(followup, self.non_admins)
        with self.assertRaisesRegex(UserError, "it has a follow-up call"):
            order.with_user(self.admin).unlink()
        followup.with_user(self.agent).action_archive()
        self.assertFalse(followup.active)
        self._flush_tracking()
        self.assertTrue(
            followup.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "active"
            ),
            "archiving is tracked",
        )
        self.assertFalse(Followup._cron_create_followups())
        followup.with_user(self.agent).action_unarchive()
        followup.with_user(self.agent).action_unreachable()
        with self.assertRaisesRegex(UserError, "unanswered calls are recorded"):
            followup.with_user(self.admin).unlink()
        # one call per order: a bare call of another order
        fresh = Followup.with_user(self.agent).create(
            {"repair_id": self._completed_order().id}
        )
        fresh.with_user(self.admin).unlink()
        self.assertFalse(fresh.exists())

    def test_violations(self):
        draft = self._violation()
        self._assert_kept(draft, self.non_admins)
        draft.with_user(self.admin).unlink()
        self.assertFalse(draft.exists())
        fined = self._violation("fine", 200.0)
        fined.with_user(self.manager).action_confirm()
        self.assertTrue(fined.invoice_id)
        with self.assertRaisesRegex(UserError, "a fine invoice is attached"):
            fined.with_user(self.admin).unlink()
        self.assertEqual(fined.exists(), fined)

    def test_applications_are_archived(self):
        draft = self._application(name="Audit Draft Outlet")
        self._assert_kept(draft, self.non_admins)
        draft.with_user(self.agent).action_archive()
        self.assertFalse(draft.active)
        draft.with_user(self.admin).unlink()
        self.assertFalse(draft.exists())
        decided = self.outlet.application_ids
        self.assertEqual(decided.state, "approved")
        with self.assertRaisesRegex(UserError, "it was decided"):
            decided.with_user(self.admin).unlink()


@tagged("post_install", "-at_install")
class TestAuditTrailMessages(AuditFixtures, OutletCase):
    """Messages, notes and tracked changes of service records are kept; a
    user's own comment may change within the window of the settings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_audit_fixtures()
        cls.collection = cls._handed_in_cash()
        cls._flush_tracking()
        messages = cls.collection.message_ids
        cls.note = messages.filtered(lambda m: "Cash handed in" in (m.body or ""))
        cls.tracking = messages.filtered("tracking_value_ids")[:1]
        cls.order = cls.collection.repair_id

    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].set_param(EDIT_MINUTES, 0)

    def _comment(self, record, user, body="My comment", **kwargs):
        return (
            record.with_user(user)
            .message_post(
                body=Markup("<p>%s</p>") % body,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                **kwargs,
            )
            .with_env(self.env)
        )

    def test_notes_and_tracking_are_kept(self):
        """The finding: the technician rewrote the billing user's hand-in
        note and deleted the tracking of the hand-in."""
        self.assertEqual(len(self.note), 1)
        self.assertTrue(self.tracking)
        body = self.note.body
        tech_note = self.note.with_user(self.tech_a)
        with self.assertRaisesRegex(UserError, KEPT):
            tech_note.write({"body": "<p>Cash handed in: 50</p>"})
        with self.assertRaisesRegex(UserError, KEPT):
            tech_note.unlink()
        with self.assertRaisesRegex(UserError, KEPT):
            self.tracking.with_user(self.tech_a).unlink()
        # not by their author nor by the administrators either
        with self.assertRaisesRegex(UserError, KEPT):
            self.note.with_user(self.billing).write({"body": "<p>Rewritten</p>"})
        with self.assertRaisesRegex(UserError, KEPT):
            self.tracking.with_user(self.system).unlink()
        values = self.tracking.tracking_value_ids.with_user(self.system)
        with self.assertRaisesRegex(UserError, KEPT):
            values.write({"new_value_char": "Collected"})
        with self.assertRaisesRegex(UserError, KEPT):
            values.unlink()
        self.assertEqual(self.note.body, body)
        self.assertTrue(self.tracking.exists() and values.exists())
        # and nobody writes tracked changes by hand
        with self.assertRaisesRegex(UserError, "cannot be written by hand"):
            self.env["mail.message"].with_user(self.system).create(
                {
                    "model": self.order._name,
                    "res_id": self.order.id,
                    "message_type": "notification",
                    "body": "",
                    "tracking_value_ids": [
                        Command.create(
                            {
                                "field_id": self.env["ir.model.fields"]
                                ._get(self.order._name, "state")
                                .id,
                                "old_value_char": "Draft",
                                "new_value_char": "Repaired",
                            }
                        )
                    ],
                }
            )

    def test_order_tracking_kept(self):
        tracking = self.order.message_ids.filtered("tracking_value_ids")
        self.assertTrue(tracking)
        for user in (self.tech_a, self.agent, self.admin):
            with self.assertRaisesRegex(UserError, KEPT):
                tracking.with_user(user).unlink()
        self.assertEqual(tracking.exists(), tracking)

    def test_web_client_edit_and_delete(self):
        """The chatter's edit and delete (``_message_update_content``) follow
        the same rules, with a clear message."""
        comment = self._comment(self.order, self.tech_a)
        thread = self.order.with_user(self.tech_a)
        with self.assertRaisesRegex(UserError, "nobody can change or delete them"):
            thread._message_update_content(comment.sudo(), body="")
        with self.assertRaisesRegex(UserError, KEPT):
            thread._message_update_content(
                comment.sudo(), body=Markup("<p>Edited</p>"), attachment_ids=[]
            )
        self.assertIn("My comment", comment.body)
        self.env["ir.config_parameter"].set_param(EDIT_MINUTES, 5)
        with freeze_time(comment.create_date + timedelta(minutes=4)):
            thread._message_update_content(comment.sudo(), body=Markup("<p>Edited</p>"))
            self.assertIn("Edited", comment.body)
        with (
            freeze_time(comment.create_date + timedelta(minutes=6)),
            self.assertRaisesRegex(UserError, "only shortly after posting it"),
        ):
            thread._message_update_content(comment.sudo(), body="")
        self.assertIn("Edited", comment.body)
        # the administrator edits nobody else's messages
        with freeze_time(comment.create_date + timedelta(minutes=1)):
            with self.assertRaisesRegex(UserError, KEPT):
                self.order.with_user(self.admin)._message_update_content(
                    comment.sudo(), body=""
                )
            thread._message_update_content(comment.sudo(), body="", attachment_ids=[])
        self.assertNotIn("Edited", comment.body, "deleted by its author in time")

    def test_own_comment_window(self):
        """Own comments: never by default; within the window when the settings
        allow it, then kept; only the text, attachments and recipients."""
        comment = self._comment(self.collection, self.tech_a)
        own = comment.with_user(self.tech_a)
        with self.assertRaisesRegex(UserError, KEPT):
            own.write({"body": "<p>Changed</p>"})
        self.env["ir.config_parameter"].set_param(EDIT_MINUTES, 10)
        with freeze_time(comment.create_date + timedelta(minutes=9)):
            own.write({"body": "<p>Changed</p>"})
            with self.assertRaisesRegex(UserError, "can still be changed"):
                own.write({"author_id": self.billing.partner_id.id})
            with self.assertRaisesRegex(UserError, KEPT):
                comment.with_user(self.agent).write({"body": "<p>Not mine</p>"})
        self.assertIn("Changed", comment.body)
        self.assertEqual(comment.author_id, self.tech_a.partner_id)
        with freeze_time(comment.create_date + timedelta(minutes=11)):
            with self.assertRaisesRegex(UserError, "only shortly after posting it"):
                own.write({"body": "<p>Too late</p>"})
            with self.assertRaisesRegex(UserError, "only shortly after posting it"):
                own.unlink()
        with freeze_time(comment.create_date + timedelta(minutes=2)):
            own.unlink()
        self.assertFalse(comment.exists())

    def test_message_attachments_kept(self):
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.tech_a)
            .create(
                {
                    "name": "receipt.png",
                    "datas": SIGNATURE,
                    "res_model": self.order._name,
                    "res_id": self.order.id,
                }
            )
        )
        comment = self._comment(
            self.order, self.tech_a, "The receipt", attachment_ids=attachment.ids
        )
        self.assertEqual(comment.attachment_ids, attachment)
        with self.assertRaisesRegex(UserError, KEPT):
            attachment.unlink()
        with self.assertRaisesRegex(UserError, KEPT):
            attachment.write({"datas": base64.b64encode(b"forged")})
        # bookkeeping Odoo does on it keeps working
        attachment.generate_access_token()
        self.assertTrue(attachment.access_token)
        self.assertEqual(comment.attachment_ids.exists(), attachment)

    def test_odoo_keeps_working_on_kept_messages(self):
        """Stars, reactions, notifications, posting with attachments, and
        superuser code."""
        message = self._comment(self.order, self.agent, "Please call back")
        message.with_user(self.tech_a).toggle_message_starred()
        self.assertIn(self.tech_a.partner_id, message.starred_partner_ids)
        message.with_user(self.tech_a).write({"pinned_at": datetime.now()})
        message.with_user(self.tech_a).set_message_done()
        self.order.with_user(self.tech_a).message_post(body="Noted")
        message.sudo().write({"body": "<p>Rewritten by the system</p>"})
        self.assertIn("system", message.body)
        self.order.with_user(self.agent).message_subscribe(
            partner_ids=self.tech_a.partner_id.ids
        )
        self.order.with_user(self.agent).message_post(
            body="For the technician",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.tech_a.partner_id.ids,
        )


@tagged("post_install", "-at_install")
class TestAuditTrailWebClient(OutletHttpCase):
    """The web client's edit and delete of a message, through its route."""

    def _update_content(self, message, body):
        response = self.url_open(
            "/mail/message/update_content",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "message_id": message.id,
                        "body": body,
                        "attachment_ids": [],
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        return response.json()

    def test_delete_through_the_chatter(self):
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.env["res.partner"].create({"name": "W"}).id,
                    "product_id": self.env["product.product"].create({"name": "P"}).id,
                }
            )
        )
        comment = order.message_post(
            body=Markup("<p>Called the customer</p>"),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.authenticate(self.agent.login, self.agent.login)
        with mute_logger("odoo.http"):
            answer = self._update_content(comment, "")
        self.assertIn(KEPT, answer["error"]["data"]["message"])
        comment.invalidate_recordset()
        self.assertIn("Called the customer", comment.body)
        self.env["ir.config_parameter"].set_param(EDIT_MINUTES, 60)
        self.assertNotIn("error", self._update_content(comment, ""))
        comment.invalidate_recordset()
        self.assertNotIn("Called the customer", comment.body)
