# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..models.repair_service_application import FORM_FIELDS

URL = "/repair-service/outlet/apply"
PDF = b"%PDF-1.4\n% outlet application test document\n%%EOF\n"
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


@tagged("post_install", "-at_install")
class TestApplicationPage(HttpCase):
    """The public outlet-registration page, over real HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Page Test Company"})
        cls.region = cls.env["repair.service.region"].create(
            {"name": "Page Test Region", "code": "PTR", "company_id": cls.company.id}
        )
        cls.doc_types = cls.env["repair.service.document.type"].search([])
        cls.Application = cls.env["repair.service.application"]
        cls.Attachment = cls.env["ir.attachment"]

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)  # a public visitor's session

    # helpers
    def _csrf_token(self):
        response = self.url_open(URL)
        self.assertEqual(response.status_code, 200)
        match = CSRF_RE.search(response.text)
        self.assertTrue(match, "the form carries a CSRF token")
        return match.group(1)

    def _data(self, **values):
        data = {
            "csrf_token": self._csrf_token(),
            "outlet_name": "Page Test Outlet",
            "kind": "third_party",
            "region_id": str(self.region.id),
            "licence_number": "91310000MA1FL1234X",
            "contact_name": "Chen Jie",
            "phone": "+86 21 5555 0101",
            "email": "chen.jie@example.com",
            "street": "88 Century Avenue",
            "city": "Shanghai",
            "zip": "200120",
            "description": "Air conditioners and fridges, 6 technicians.",
        }
        data.update(values)
        return data

    def _files(self, skip=None, extra=None):
        files = [
            (
                f"document_{doc_type.id}",
                (f"{doc_type.code}.pdf", PDF, "application/pdf"),
            )
            for doc_type in self.doc_types
            if doc_type != skip
        ]
        return files + (extra or [])

    def _counts(self):
        return (
            self.Application.search_count([]),
            self.Attachment.search_count(
                [("res_model", "=", "repair.service.application")]
            ),
        )

    def _assert_refused(self, data, files, message):
        before = self._counts()
        response = self.url_open(URL, data=data, files=files)
        self.assertEqual(response.status_code, 400)
        self.assertIn(message, response.text)
        self.assertIn('id="repair_service_application_errors"', response.text)
        # the entered values are kept
        self.assertIn('value="Page Test Outlet"', response.text)
        self.assertEqual(
            self._counts(), before, "a refused application creates nothing"
        )
        return response

    # tests
    def test_form_lists_every_document_type(self):
        """R-41: the public page shows the application form with one file
        input per document type."""
        response = self.url_open(URL)
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn('name="csrf_token"', html)
        for field in FORM_FIELDS:
            self.assertIn(f'name="{field}"', html)
        self.assertIn("Page Test Region", html)
        self.assertEqual(len(self.doc_types), 4)
        for doc_type in self.doc_types:
            self.assertIn(f'name="document_{doc_type.id}"', html)
            self.assertIn(doc_type.name, html)

    def test_valid_application_is_submitted(self):
        """R-41, R-42: a complete application from the public page is created
        once, submitted, marked as coming from the web, its files on the right
        document lines; the page shows its reference."""
        before = self.Application.search_count([])
        response = self.url_open(URL, data=self._data(), files=self._files())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.Application.search_count([]), before + 1)
        application = self.Application.search(
            [("outlet_name", "=", "Page Test Outlet")]
        )
        self.assertEqual(len(application), 1)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.source, "web")
        self.assertEqual(application.region_id, self.region)
        self.assertEqual(application.company_id, self.company)
        self.assertEqual(application.email, "chen.jie@example.com")
        self.assertIn(application.name, response.text)
        self.assertIn('id="repair_service_application_reference"', response.text)
        self.assertEqual(len(application.document_ids), len(self.doc_types))
        for line in application.document_ids:
            attachment = line.attachment_ids
            self.assertEqual(len(attachment), 1)
            self.assertEqual(attachment.name, f"{line.document_type_id.code}.pdf")
            self.assertEqual(attachment.res_model, "repair.service.application")
            self.assertEqual(attachment.res_id, application.id)
            self.assertEqual(attachment.raw, PDF)
        self.assertTrue(application.documents_complete)
        self.assertTrue(
            application.message_ids.filtered(
                lambda m: "public application page" in (m.body or "")
            )
        )

    def test_oversized_file_refused(self):
        """R-41: a file larger than the configured limit is refused with a
        clear message; nothing is created."""
        self.env["ir.config_parameter"].set_param(
            "repair_service_mgmt.upload_max_mb", "1"
        )
        big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 300 * 1024)
        files = self._files(
            extra=[
                (
                    f"document_{self.doc_types[0].id}",
                    ("big.pdf", big, "application/pdf"),
                )
            ]
        )
        self._assert_refused(
            self._data(),
            files,
            "“big.pdf” is 1.3 MB; the largest file accepted is 1 MB.",
        )

    def test_wrong_type_refused(self):
        """R-41: a file of a type not accepted (.exe) is refused with a clear
        message; nothing is created."""
        files = self._files(
            extra=[
                (
                    f"document_{self.doc_types[1].id}",
                    ("x.exe", b"MZ\x90\x00", "application/octet-stream"),
                )
            ]
        )
        self._assert_refused(
            self._data(),
            files,
            "“x.exe”: files of type .exe are not accepted "
            "(accepted: pdf, jpg, jpeg, png).",
        )

    def test_missing_required_field_refused(self):
        """R-41: a missing required field (phone) is refused with a clear
        message; nothing is created."""
        response = self._assert_refused(
            self._data(phone=""), self._files(), "Phone is required."
        )
        self.assertIn('value="chen.jie@example.com"', response.text)
        self.assertIn("Air conditioners and fridges, 6 technicians.", response.text)

    def test_invalid_email_refused(self):
        """R-41: an e-mail address that is not one is refused; nothing is
        created."""
        self._assert_refused(
            self._data(email="not-an-email"),
            self._files(),
            "“not-an-email” is not a valid e-mail address.",
        )

    def test_missing_required_document_refused(self):
        """R-41, R-42: an application without a file for a required document
        type is refused with a clear message; nothing is created."""
        licence = self.env.ref("repair_service_mgmt.document_type_business_licence")
        self._assert_refused(
            self._data(),
            self._files(skip=licence),
            "Business licence: attach at least one file.",
        )

    def test_forged_csrf_token_refused(self):
        """R-41: a post with a forged CSRF token is refused by Odoo and
        creates nothing."""
        before = self._counts()
        data = self._data(csrf_token="0123456789abcdef0123456789abcdef01234567o1")
        with mute_logger("odoo.http"):
            response = self.url_open(URL, data=data, files=self._files())
        self.assertEqual(response.status_code, 400)
        # refused by Odoo before the controller ran (the data is otherwise valid)
        self.assertNotIn('id="repair_service_application_errors"', response.text)
        self.assertEqual(self._counts(), before)
        self.assertFalse(
            self.Application.search([("outlet_name", "=", "Page Test Outlet")])
        )
