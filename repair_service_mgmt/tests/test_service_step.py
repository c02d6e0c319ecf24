# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import re

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import OutletCase, OutletHttpCase

SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
)
IDENTIFIER = re.compile(r"\b([a-z_][a-z0-9_]*)\b")
KEYWORDS = {"and", "or", "not", "in", "is", "True", "False", "None", "uid"}


class ServiceStepMixin:
    @classmethod
    def _setup_service_order(cls):
        cls.outlet = cls._approved_outlet(
            "Step Outlet", technicians=cls.tech_a, staff=cls.staff_a
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Step Customer", "city": "Shanghai"}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Step washing machine", "type": "consu", "is_storable": True}
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.part, cls.outlet.location_id, 10
        )

    def _new_order(self, **values):
        return (
            self.env["repair.order"]
            .with_user(self.agent)
            .with_context(default_intake_channel="phone")
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "fault_description": "Does not spin",
                    **values,
                }
            )
        )

    def _dispatch(self, order):
        order.with_user(self.agent)._dispatch(
            self.outlet, self.tech_a, outside_area_reason="Authorised by the CS centre"
        )

    def _diagnose(self, order):
        order.with_user(self.tech_a).write(
            {
                "symptom_id": self.env.ref(
                    "repair_service_mgmt.fault_symptom_noise"
                ).id,
                "cause_id": self.env.ref(
                    "repair_service_mgmt.fault_cause_fan_motor"
                ).id,
                "repair_plan": "Replace the drum bearing",
                "estimated_hours": 1.5,
                "estimated_cost": 180.0,
            }
        )

    def _complete_evidence(self, order):
        photo = self.env["ir.attachment"].create(
            {"name": "done.png", "datas": SIGNATURE}
        )
        order.with_user(self.tech_a).write(
            {
                "function_test_done": True,
                "serial_scanned": "SN-STEP-1",
                "completion_photo_ids": [(4, photo.id)],
            }
        )


@tagged("post_install", "-at_install")
class TestServiceStep(ServiceStepMixin, OutletCase):
    """The service step (R-07…R-12) as status bar, board column and the one
    primary button of whoever opens the order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_service_order()

    # helpers -------------------------------------------------------------
    def _header_buttons(self, order, user):
        """The header buttons ``user`` sees on ``order``'s form: [(name,
        primary)], evaluated as the web client does (groups applied by the
        server, ``invisible`` on the record's values)."""
        order = order.with_user(user)
        order.invalidate_recordset()
        arch = order.get_views([(False, "form")])["views"]["form"]["arch"]
        header = etree.fromstring(arch).find(".//header")
        visible = []
        for button in header.iter("button"):
            invisible = button.get("invisible")
            if invisible and self._eval(invisible, order, user):
                continue
            classes = (button.get("class") or "").split()
            visible.append(
                (
                    button.get("name"),
                    "btn-primary" in classes or "oe_highlight" in classes,
                )
            )
        return visible

    def _eval(self, expression, order, user):
        values = {"uid": user.id}
        order = order.with_user(user)
        for name in set(IDENTIFIER.findall(expression)) - KEYWORDS:
            if name not in order._fields:
                continue
            value = order[name]
            field = order._fields[name]
            if field.type == "many2one":
                value = value.id
            elif field.type in ("one2many", "many2many"):
                value = value.ids
            values[name] = value
        return safe_eval(expression, values)

    def _primary(self, order, user):
        primary = [
            name for name, is_primary in self._header_buttons(order, user) if is_primary
        ]
        self.assertLessEqual(len(primary), 1, f"one primary button at most: {primary}")
        return primary[0] if primary else None

    def _names(self, order, user):
        return {name for name, _primary in self._header_buttons(order, user)}

    # the steps -----------------------------------------------------------
    def test_service_steps_follow_the_work(self):
        """R-07…R-12: to dispatch → dispatched → accepted → diagnosed →
        agreed → under repair → awaiting acceptance → done, each step with
        the one primary button of the user whose turn it is."""
        order = self._new_order(service_mode="carry_in")
        self.assertTrue(order.is_service_order)
        self.assertEqual(order.service_step, "to_dispatch")
        self.assertEqual(
            self._primary(order, self.agent), "action_open_dispatch_wizard"
        )

        self._dispatch(order)
        self.assertEqual(order.service_step, "dispatched")
        self.assertEqual(self._primary(order, self.tech_a), "action_accept_job")
        self.assertIn("action_decline_job", self._names(order, self.tech_a))
        self.assertIsNone(self._primary(order, self.agent))
        self.assertIn("action_open_dispatch_wizard", self._names(order, self.agent))

        order.with_user(self.tech_a).action_accept_job()
        self.assertEqual(order.service_step, "accepted")
        self.assertEqual(self._primary(order, self.tech_a), "action_customer_contacted")
        order.with_user(self.tech_a).action_customer_contacted()
        self.assertEqual(self._primary(order, self.tech_a), "action_open_diagnosis")
        action = order.with_user(self.tech_a).action_open_diagnosis()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("repair.order", order.id)
        )
        self.assertEqual(action["target"], "new")

        self._diagnose(order)
        self.assertEqual(order.service_step, "diagnosed")
        self.assertEqual(
            self._primary(order, self.tech_a), "action_open_consent_wizard"
        )

        order.with_user(self.tech_a).action_record_consent("Step Customer", "phone")
        self.assertEqual(order.service_step, "agreed")
        self.assertEqual(self._primary(order, self.tech_a), "action_repair_start")
        # no plain confirmation beside the service's start
        self.assertNotIn("action_validate", self._names(order, self.tech_a))
        self.assertNotIn("action_validate", self._names(order, self.agent))

        order.with_user(self.tech_a).action_repair_start()
        self.assertEqual(order.state, "under_repair")
        self.assertEqual(order.service_step, "under_repair")
        self.assertEqual(self._primary(order, self.tech_a), "action_open_completion")
        self.assertNotIn(
            "action_open_acceptance_wizard", self._names(order, self.tech_a)
        )
        self.assertNotIn("action_repair_end", self._names(order, self.tech_a))

        self._complete_evidence(order)
        self.assertEqual(order.service_step, "awaiting_acceptance")
        self.assertEqual(
            self._primary(order, self.tech_a), "action_open_acceptance_wizard"
        )
        order.with_user(self.tech_a).action_record_acceptance(
            "Step Customer", signature=SIGNATURE
        )
        self.assertEqual(order.service_step, "done")
        self.assertIsNone(self._primary(order, self.tech_a))
        self.assertIsNone(self._primary(order, self.agent))

    def test_on_site_visit_before_diagnosis(self):
        """R-08: on site, the visit comes before the diagnosis."""
        order = self._new_order(service_mode="on_site")
        self._dispatch(order)
        order.with_user(self.tech_a).action_customer_contacted()
        self.assertEqual(order.service_step, "accepted")
        self.assertEqual(self._primary(order, self.tech_a), "action_service_visit")
        action = order.with_user(self.tech_a).action_service_visit()
        self.assertEqual(action["res_model"], "repair.service.visit")
        # the dispatcher may plan the visit, not as the due step
        self.assertIsNone(self._primary(order, self.agent))
        self.assertIn("action_service_visit", self._names(order, self.agent))

    def test_rework_goes_back_to_repair(self):
        """R-12: a disputed result goes back to under repair."""
        order = self._new_order()
        self._dispatch(order)
        order.with_user(self.tech_a).action_customer_contacted()
        self._diagnose(order)
        order.with_user(self.tech_a).action_record_consent("Step Customer", "phone")
        order.with_user(self.tech_a).action_repair_start()
        self._complete_evidence(order)
        self.assertEqual(order.service_step, "awaiting_acceptance")
        order.with_user(self.tech_a).action_record_acceptance(
            "Step Customer", accepted=False, opinion="Still noisy"
        )
        self.assertEqual(order.service_step, "under_repair")
        self.assertEqual(self._primary(order, self.tech_a), "action_open_completion")

    def test_new_part_asks_consent_before_acceptance_r09_r12(self):
        """R-09, R-12: a part added after the consent makes the consent the
        due step again; the acceptance is not offered until it is given."""
        order = self._new_order()
        self._dispatch(order)
        order.with_user(self.tech_a).action_customer_contacted()
        self._diagnose(order)
        order.with_user(self.tech_a).action_record_consent("Step Customer", "phone")
        order.with_user(self.tech_a).action_repair_start()
        self._complete_evidence(order)
        self.assertEqual(
            self._primary(order, self.tech_a), "action_open_acceptance_wizard"
        )
        self.env["stock.move"].with_user(self.tech_a).create(
            {
                "repair_id": order.id,
                "repair_line_type": "add",
                "product_id": self.part.id,
                "product_uom_qty": 1,
            }
        )
        self.assertEqual(order.consent_state, "renew")
        self.assertEqual(
            self._primary(order, self.tech_a), "action_open_consent_wizard"
        )
        self.assertNotIn(
            "action_open_acceptance_wizard", self._names(order, self.tech_a)
        )
        order.with_user(self.tech_a).action_record_consent("Step Customer", "phone")
        self.assertEqual(
            self._primary(order, self.tech_a), "action_open_acceptance_wizard"
        )

    def test_cancelled_and_consultation(self):
        """A consultation is closed with its answer by the CS agent; a
        cancelled order has no next step."""
        consultation = self._new_order(request_type="consultation")
        self.assertEqual(
            self._primary(consultation, self.agent), "action_close_consultation"
        )
        consultation.with_user(self.agent).write({"consultation_answer": "Clean it"})
        consultation.with_user(self.agent).action_close_consultation()
        self.assertEqual(consultation.service_step, "cancel")
        self.assertIsNone(self._primary(consultation, self.agent))

    def test_plain_order_keeps_core_header(self):
        """A plain repair of the Repair app keeps core's status bar and
        Confirm Repair as its primary button."""
        order = (
            self.env["repair.order"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )
        self.assertFalse(order.is_service_order)
        self.assertEqual(self._primary(order, self.agent), "action_validate")
        arch = order.with_user(self.agent).get_views([(False, "form")])["views"]["form"]
        header = etree.fromstring(arch["arch"]).find(".//header")
        state_bar = header.find("field[@name='state']")
        step_bar = header.find("field[@name='service_step']")
        self.assertFalse(self._eval(state_bar.get("invisible"), order, self.agent))
        self.assertTrue(self._eval(step_bar.get("invisible"), order, self.agent))
        # once dispatched it is a service order
        self._dispatch(order)
        self.assertTrue(order.is_service_order)
        self.assertTrue(self._eval(state_bar.get("invisible"), order, self.agent))

    def test_service_order_confirms_from_the_outlet_stock(self):
        """R-11: confirming a service order never opens core's insufficient
        quantity dialog for the warehouse: its parts come from the outlet."""
        order = self._new_order()
        self._dispatch(order)
        order.with_user(self.tech_a).action_customer_contacted()
        self._diagnose(order)
        order.with_user(self.tech_a).action_record_consent("Step Customer", "phone")
        self.assertIs(order.with_user(self.tech_a).action_validate(), True)
        self.assertEqual(order.state, "confirmed")
        plain = self.env["repair.order"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id}
        )
        action = plain.action_validate()
        self.assertEqual(action["res_model"], "stock.warn.insufficient.qty.repair")

    # the board -------------------------------------------------------------
    def test_board_columns_in_process_order(self):
        """The board's columns come in process order, in every language."""
        self._new_order()
        expected = [
            "to_dispatch",
            "dispatched",
            "accepted",
            "diagnosed",
            "agreed",
            "under_repair",
            "awaiting_acceptance",
            "done",
        ]
        self.env["res.lang"]._activate_lang("zh_CN")
        for lang in ("en_US", "zh_CN"):
            groups = (
                self.env["repair.order"]
                .with_context(lang=lang)
                .read_group([], ["service_step"], ["service_step"])
            )
            steps = [group["service_step"] for group in groups]
            self.assertEqual([s for s in steps if s != "cancel"], expected)
        kanban = self.env["repair.order"].get_views([(False, "kanban")])
        arch = etree.fromstring(kanban["views"]["kanban"]["arch"])
        self.assertEqual(arch.get("default_group_by"), "service_step")

    def test_dispatcher_list_and_step_filters(self):
        """The dispatcher's list shows the columns a dispatcher scans, the
        rest optional and hidden; deadlines to the minute; a filter per
        step."""
        action = self.env.ref("repair_service_mgmt.repair_order_action")
        list_view = self.env.ref("repair_service_mgmt.repair_order_view_list_board")
        self.assertEqual(action.view_ids[:1].view_id, list_view)
        # the service's own orders are service orders from their creation
        Order = self.env["repair.order"].with_context(**safe_eval(action.context))
        self.assertTrue(Order.default_get(["is_service_order"])["is_service_order"])
        self.assertFalse(
            self.env["repair.order"].default_get(["is_service_order"])[
                "is_service_order"
            ]
        )
        views = self.env["repair.order"].get_views([(list_view.id, "list")])
        arch = etree.fromstring(views["views"]["list"]["arch"])
        shown = [
            field.get("name")
            for field in arch.iter("field")
            if field.get("optional") != "hide"
            and field.get("column_invisible") not in ("1", "True")
        ]
        self.assertEqual(
            shown,
            [
                "priority",
                "name",
                "partner_id",
                "customer_city",
                "product_id",
                "service_step",
                "outlet_id",
                "technician_id",
                "sla_deadline",
            ],
        )
        deadline = arch.find(".//field[@name='sla_deadline']")
        self.assertIn("'show_seconds': false", deadline.get("options"))
        search = self.env["repair.order"].get_views([(False, "search")])
        search_arch = etree.fromstring(search["views"]["search"]["arch"])
        for step in (
            "to_dispatch",
            "dispatched",
            "accepted",
            "diagnosed",
            "agreed",
            "under_repair",
            "awaiting_acceptance",
        ):
            node = search_arch.find(f".//filter[@name='filter_step_{step}']")
            self.assertIsNotNone(node, step)
            self.assertEqual(
                safe_eval(node.get("domain")), [("service_step", "=", step)]
            )

    # the technician's phone --------------------------------------------------
    def test_technician_cannot_change_the_request(self):
        """The request as the CS centre took it is read-only for the
        technician: in the form and on the server."""
        order = self._new_order()
        self._dispatch(order)
        other = self.env["res.partner"].create({"name": "Someone else"})
        for values in (
            {"request_type": "installation"},
            {"intake_channel": "email"},
            {"partner_id": other.id},
            {"fault_description": "Rewritten"},
        ):
            with self.subTest(values=values), self._refused(AccessError, "CS Agent"):
                order.with_user(self.tech_a).write(values)
        self.assertEqual(order.request_type, "repair")
        self.assertEqual(order.partner_id, self.customer)
        # the CS agent may
        order.with_user(self.agent).write({"intake_channel": "email"})
        self.assertEqual(order.intake_channel, "email")
        arch = order.with_user(self.tech_a).get_views([(False, "form")])
        form = etree.fromstring(arch["views"]["form"]["arch"])
        for name in (
            "request_type",
            "intake_channel",
            "partner_id",
            "fault_description",
        ):
            node = form.find(f".//sheet//field[@name='{name}']")
            self.assertTrue(self._eval(node.get("readonly"), order, self.tech_a), name)
            self.assertFalse(self._eval(node.get("readonly"), order, self.agent), name)

    def test_technicians_land_on_my_jobs(self):
        """Users who are only technicians open Odoo on My Jobs."""
        my_jobs = self.env.ref("repair_service_mgmt.repair_order_action_my_jobs")
        technician = new_test_user(
            self.env, "t_step_tech", groups="repair_service_mgmt.group_technician"
        )
        self.assertEqual(technician.action_id.id, my_jobs.id)
        agent = new_test_user(
            self.env, "t_step_agent", groups="repair_service_mgmt.group_cs_agent"
        )
        self.assertFalse(agent.action_id)
        user = new_test_user(self.env, "t_step_later", groups="base.group_user")
        self.assertFalse(user.action_id)
        user.write(
            {
                "groups_id": [
                    (4, self.env.ref("repair_service_mgmt.group_technician").id)
                ]
            }
        )
        self.assertEqual(user.action_id.id, my_jobs.id)

    def test_portal_duration_words(self):
        """Durations in words: never a clock-like "01:30 h"."""
        Order = self.env["repair.order"]
        self.assertEqual(Order._portal_duration(1.5), "1 h 30 min")
        self.assertEqual(Order._portal_duration(2.0), "2 h")
        self.assertEqual(Order._portal_duration(0.25), "15 min")


@tagged("post_install", "-at_install")
class TestServiceStepPortal(ServiceStepMixin, OutletHttpCase):
    """The customer's portal says the step in the customer's words, and its
    list keeps the status in view on a phone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_service_order()
        cls.portal_user = new_test_user(
            cls.env, "step_portal", groups="base.group_portal", name="Step Customer"
        )
        cls.customer = cls.portal_user.partner_id

    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return etree.fromstring(response.content, etree.HTMLParser())

    def test_portal_status_follows_the_step(self):
        order = self._new_order(service_mode="on_site")
        self._dispatch(order)
        order.with_user(self.tech_a).action_customer_contacted()
        self.authenticate("step_portal", "step_portal")

        def status():
            page = self._page("/my/repairs")
            cell = page.xpath("//td[contains(@class, 'o_repair_portal_status')]")
            self.assertEqual(len(cell), 1)
            # on a phone the status column stays: only product and date hide
            self.assertNotIn("d-none", cell[0].get("class"))
            self.assertEqual(cell[0].get("data-step"), order.service_step)
            return " ".join(cell[0].xpath(".//span[1]//text()")).strip()

        self.assertEqual(status(), "Technician on the way")
        self._diagnose(order)
        self.assertEqual(status(), "Diagnosed: waiting for your consent")
        order.with_user(self.tech_a).action_record_consent("Step Customer", "phone")
        self.assertEqual(status(), "Repair agreed")
        order.with_user(self.tech_a).action_repair_start()
        self.assertEqual(status(), "Under repair")
        self._complete_evidence(order)
        self.assertEqual(status(), "Repaired: please check and accept")
        hidden = self._page("/my/repairs").xpath("//thead//th")
        self.assertEqual(
            ["d-none" in (th.get("class") or "") for th in hidden],
            [False, True, True, False],
        )
        detail = self._page(order.access_url)
        estimated = detail.xpath(
            "//dd[contains(@class, 'o_repair_portal_estimated_time')]"
        )
        self.assertEqual(estimated[0].text.strip(), "1 h 30 min")
