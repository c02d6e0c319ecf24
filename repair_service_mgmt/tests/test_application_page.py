# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import re
from datetime import timedelta

from PIL import Image

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL, mute_logger

from ..models.repair_service_application import FORM_FIELDS

URL = "/repair-service/outlet/apply"
PDF = b"%PDF-1.4\n% outlet application test document\n%%EOF\n"
# the start of a Windows executable (DOS header and stub)
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + b"This program cannot be run in DOS mode.\r\r\n$"
)
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
TOO_MANY = (
    "Too many applications have been sent from your network in the last hour. "
    "Please try again later, or call us on +86 400 820 8820."
)


def image_bytes(image_format):
    """A small valid image in ``image_format`` (JPEG, PNG)."""
    stream = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(stream, format=image_format)
    return stream.getvalue()


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
        cls.licence = cls.env.ref("repair_service_mgmt.document_type_business_licence")
        # the company of a public visitor gives the phone number to call
        cls.env.ref("base.public_user").company_id.phone = "+86 400 820 8820"

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

    def _assert_refused(self, data, files, message, status=400):
        before = self._counts()
        response = self.url_open(URL, data=data, files=files)
        self.assertEqual(response.status_code, status)
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
        self.assertEqual(application.submitted_ip, "127.0.0.1")
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

    def test_renamed_executable_refused(self):
        """R-41: a program renamed to .pdf is refused by its content, with a
        message naming the document and what to do; nothing is created."""
        files = self._files(
            skip=self.licence,
            extra=[
                (
                    f"document_{self.licence.id}",
                    ("evil.pdf", EXE, "application/pdf"),
                )
            ],
        )
        self._assert_refused(
            self._data(),
            files,
            "Business licence: “evil.pdf” is not a real PDF file (its content "
            "does not match its .pdf name). Save or scan the document as a PDF "
            "file and select that file again.",
        )

    def test_png_named_pdf_refused(self):
        """R-41: an image named .pdf is not a PDF: refused; nothing is
        created."""
        files = self._files(
            skip=self.licence,
            extra=[
                (
                    f"document_{self.licence.id}",
                    ("licence.pdf", image_bytes("PNG"), "application/pdf"),
                )
            ],
        )
        response = self._assert_refused(
            self._data(),
            files,
            "Business licence: “licence.pdf” is not a real PDF file",
        )
        self.assertEqual(response.text.count("is not a real"), 1)

    def test_files_with_matching_content_accepted(self):
        """R-41: JPEG, PNG and PDF files whose content is what their
        extension says are accepted and stored as sent."""
        jpeg, png = image_bytes("JPEG"), image_bytes("PNG")
        other = self.doc_types - self.licence
        uploads = [
            (self.licence, "licence.jpg", jpeg, "image/jpeg"),
            (self.licence, "licence-back.JPEG", jpeg, "image/jpeg"),
            (other[0], f"{other[0].code}.png", png, "image/png"),
            (other[1], f"{other[1].code}.pdf", PDF, "application/pdf"),
            (other[2], f"{other[2].code}.pdf", PDF, "application/pdf"),
        ]
        files = [
            (f"document_{doc_type.id}", (name, content, mimetype))
            for doc_type, name, content, mimetype in uploads
        ]
        applications, attachments = self._counts()
        response = self.url_open(URL, data=self._data(), files=files)
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="repair_service_application_reference"', response.text)
        self.assertEqual(self._counts(), (applications + 1, attachments + 5))
        application = self.Application.search(
            [("outlet_name", "=", "Page Test Outlet")]
        )
        stored = application.document_ids.attachment_ids
        self.assertEqual(
            {(att.name, att.raw) for att in stored},
            {(name, content) for _type, name, content, _mime in uploads},
        )
        licence_line = application.document_ids.filtered(
            lambda line: line.document_type_id == self.licence
        )
        self.assertEqual(
            sorted(licence_line.attachment_ids.mapped("name")),
            ["licence-back.JPEG", "licence.jpg"],
        )
        self.assertEqual(application.state, "submitted")

    def test_hourly_limit(self):
        """The page accepts the configured number of applications per client
        address and hour; the next one gets HTTP 429 with a clear message and
        creates nothing."""
        self.env.company.repair_application_hourly_limit = 2
        for number in (1, 2):
            data = self._data(outlet_name=f"Flood Outlet {number}")
            response = self.url_open(URL, data=data, files=self._files())
            self.assertEqual(response.status_code, 200)
        sent = self.Application.search([("outlet_name", "like", "Flood Outlet")])
        self.assertEqual(len(sent), 2)
        self.assertEqual(set(sent.mapped("submitted_ip")), {"127.0.0.1"})
        response = self._assert_refused(
            self._data(), self._files(), TOO_MANY, status=429
        )
        self.assertNotIn("Flood Outlet", response.text)

    def test_hourly_limit_counts_this_address_in_the_last_hour(self):
        """Only this address's applications from the page in the last hour
        count towards the limit."""
        self.env.company.repair_application_hourly_limit = 1
        vals = {
            "outlet_name": "Earlier Outlet",
            "region_id": self.region.id,
            "company_id": self.company.id,
            "contact_name": "Wang Li",
            "phone": "+86 21 5555 0102",
            "email": "wang.li@example.com",
            "source": "web",
        }
        earlier = self.Application.create(
            [
                dict(vals, submitted_ip="127.0.0.1"),
                dict(vals, submitted_ip="192.0.2.7"),
                dict(vals, submitted_ip="127.0.0.1", source="backoffice"),
            ]
        )[0]
        self.env.cr.execute(
            SQL(
                "UPDATE repair_service_application SET create_date = %s WHERE id = %s",
                fields.Datetime.now() - timedelta(minutes=61),
                earlier.id,
            )
        )
        earlier.invalidate_recordset(["create_date"])
        response = self.url_open(URL, data=self._data(), files=self._files())
        self.assertEqual(response.status_code, 200)
        self._assert_refused(self._data(), self._files(), TOO_MANY, status=429)

    def test_no_hourly_limit_when_zero(self):
        """A limit of 0 (set in Settings) means no limit."""
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.repair_application_hourly_limit, 5)
        settings.repair_application_hourly_limit = 0
        settings.execute()
        self.assertEqual(
            self.env["res.config.settings"].create({}).repair_application_hourly_limit,
            0,
        )
        self.Application.create(
            [
                {
                    "outlet_name": f"Earlier Outlet {number}",
                    "region_id": self.region.id,
                    "company_id": self.company.id,
                    "contact_name": "Wang Li",
                    "phone": "+86 21 5555 0102",
                    "email": "wang.li@example.com",
                    "source": "web",
                    "submitted_ip": "127.0.0.1",
                }
                for number in range(6)
            ]
        )
        before = self.Application.search_count([])
        response = self.url_open(URL, data=self._data(), files=self._files())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.Application.search_count([]), before + 1)

    def test_hourly_limit_cannot_be_negative(self):
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"repair_application_hourly_limit": -1}
            )

    def test_invalid_phone_refused(self):
        """R-03: the page refuses a phone number that is not valid, with the
        reason, and creates nothing."""
        for phone in ("abc", "+86 123"):
            self._assert_refused(self._data(phone=phone), self._files(), "is not valid")
