# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import HttpCase, tagged

URL = "/repair-service/outlet/apply"
STATES_URL = "/repair-service/outlet/states"
JS = "repair_service_mgmt/static/src/js/outlet_application_states.js"


@tagged("post_install", "-at_install")
class TestApplicationStates(HttpCase):
    """R-41: on the public application page the country defaults to the
    company's and the province list follows the chosen country."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cn = cls.env.ref("base.cn")
        cls.us = cls.env.ref("base.us")
        # the company of a public visitor is the one the page belongs to
        cls.env.ref("base.public_user").company_id.country_id = cls.cn

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def _states(self, country_id):
        response = self.url_open(f"{STATES_URL}?country_id={country_id}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("application/json"))
        return response.json()

    def test_states_route(self):
        """The provinces of a country, by name; none for an unknown one."""
        states = self._states(self.cn.id)
        expected = self.cn.state_ids.sorted("name")
        self.assertEqual([s["id"] for s in states], expected.ids)
        shanghai = self.env.ref("base.state_cn_SH")
        self.assertIn(
            {"id": shanghai.id, "name": shanghai.name, "code": shanghai.code}, states
        )
        us_states = self._states(self.us.id)
        self.assertIn(self.env.ref("base.state_us_5").id, [s["id"] for s in us_states])
        self.assertNotIn(shanghai.id, [s["id"] for s in us_states])
        self.assertEqual(self._states("abc"), [])
        self.assertEqual(self._states(2**40), [])
        self.assertEqual(self._states(""), [])

    def test_page_defaults_to_company_country(self):
        """The page offers the company's country, selected, with its
        provinces; the script that follows a change is on the page."""
        page = self.url_open(URL)
        self.assertEqual(page.status_code, 200)
        html = page.text
        country_select = re.search(
            r'<select[^>]*name="country_id"[^>]*>(.*?)</select>', html, re.DOTALL
        ).group(1)
        selected = re.findall(r"<option([^>]*)selected([^>]*)>", country_select)
        self.assertEqual(len(selected), 1, country_select[:2000])
        self.assertIn(f'value="{self.cn.id}"', "".join(selected[0]))
        state_select = re.search(
            r'<select[^>]*name="state_id"[^>]*>(.*?)</select>', html, re.DOTALL
        ).group(1)
        offered = {int(v) for v in re.findall(r'value="(\d+)"', state_select)}
        self.assertEqual(offered, set(self.cn.state_ids.ids))
        bundle = self.env["ir.qweb"]._get_asset_bundle("web.assets_frontend")
        self.assertIn(JS, [f["url"].lstrip("/") for f in bundle.files])

    def test_provinces_follow_country_tour(self):
        """In the browser, choosing another country fills the province list
        with its provinces."""
        self.start_tour(URL, "repair_service_mgmt_application_states_tour")
