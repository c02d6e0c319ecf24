# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R-41: the public page where a would-be service outlet applies.

No ``website`` dependency: the page renders with the portal frontend layout.
Its routes still say ``website=True``: that flag belongs to ``http_routing``
(a dependency of ``portal``), not to the ``website`` module. It marks the
request as a frontend one, which sets the visitor's language and the values
``portal.frontend_layout`` needs (``frontend_languages``...): Odoo's own
portal routes (``/my``, ``/mail/unfollow``) do the same without ``website``.
Everything the applicant sends is validated before anything is created: a
refused application leaves no record and no attachment behind. A file must be
what its name says (its first bytes are checked), and the page accepts a
configurable number of applications per client address and hour.
"""

import math
import os
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, fields, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.mail import single_email_re

from ..models.repair_service_application import FORM_FIELDS
from ..models.res_config_settings import PARAMS

APPLY_URL = "/repair-service/outlet/apply"
REQUIRED_FIELDS = ("outlet_name", "contact_name", "phone", "email", "region_id")
MB = 1024 * 1024
# the first bytes of the file types whose content is checked: (format, magic)
SIGNATURES = {
    "pdf": ("PDF", b"%PDF-"),
    "jpg": ("JPEG", b"\xff\xd8\xff"),
    "jpeg": ("JPEG", b"\xff\xd8\xff"),
    "png": ("PNG", b"\x89PNG\r\n\x1a\n"),
}


class RepairServiceApplicationController(http.Controller):
    # ------------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------------
    @http.route(APPLY_URL, type="http", auth="public", methods=["GET"], website=True)
    def outlet_apply_form(self, **kwargs):
        """Show the empty application form."""
        return self._render_form({})

    @http.route(
        APPLY_URL,
        type="http",
        auth="public",
        methods=["POST"],
        csrf=True,
        website=True,
    )
    def outlet_apply_submit(self, **kwargs):
        """Validate the whole application, then create and submit it."""
        form = request.httprequest.form
        values = {name: (form.get(name) or "").strip() for name in FORM_FIELDS}
        client_address = request.httprequest.remote_addr or ""
        if self._over_hourly_limit(client_address):
            return self._render_form(
                values, errors=[self._hourly_limit_message()], status=429
            )
        errors, error_fields, vals = self._validate_fields(values)
        doc_errors, uploads = self._validate_documents()
        errors += doc_errors
        if errors:
            return self._render_form(
                values, errors=errors, error_fields=error_fields, status=400
            )
        vals["submitted_ip"] = client_address or False
        application = self._create_application(vals, uploads)
        return request.render(
            "repair_service_mgmt.repair_service_application_apply_thanks",
            {"application": application},
        )

    # ------------------------------------------------------------------
    # Rendering
    # ------------------------------------------------------------------
    def _render_form(self, values, errors=None, error_fields=None, status=200):
        env = request.env
        descriptions = self._field_descriptions()
        company = env.company
        defaults = (
            env["repair.service.application"].sudo().default_get(["kind", "country_id"])
        )
        values = dict(values)
        for name, default in defaults.items():
            if default and not values.get(name):
                values[name] = str(default)
        extensions = self._upload_extensions()
        qcontext = {
            "values": values,
            "errors": errors or [],
            "error_fields": error_fields or set(),
            "labels": {name: desc["string"] for name, desc in descriptions.items()},
            "kinds": descriptions["kind"]["selection"],
            "regions": self._active_regions(),
            # the provinces of the chosen country (the company's by default);
            # outlet_application_states.js follows a change of country
            "states": (
                self._browse("res.country", values.get("country_id"))
                or company.country_id.sudo()
            ).state_ids.sorted("name"),
            "countries": env["res.country"].sudo().search([]),
            "document_types": self._document_types(),
            "extensions": extensions,
            "accept": ",".join(f".{ext}" for ext in extensions),
            "max_mb": self._format_mb(self._upload_max_mb()),
        }
        return request.render(
            "repair_service_mgmt.repair_service_application_apply_form",
            qcontext,
            status=status,
        )

    # ------------------------------------------------------------------
    # Configuration
    # ------------------------------------------------------------------
    def _active_regions(self):
        return request.env["repair.service.region"].sudo().search([])

    def _document_types(self):
        return request.env["repair.service.document.type"].sudo().search([])

    def _upload_max_mb(self):
        settings = request.env["res.config.settings"]
        max_mb = settings._repair_param("upload_max_mb")
        return max_mb if max_mb > 0 else PARAMS["upload_max_mb"][1]

    def _upload_extensions(self):
        value = request.env["res.config.settings"]._repair_param("upload_extensions")
        extensions = [ext.strip().lstrip(".").lower() for ext in value.split(",")]
        return [ext for ext in extensions if ext] or PARAMS["upload_extensions"][
            1
        ].split(",")

    @staticmethod
    def _format_mb(value):
        return f"{value:g}"

    # ------------------------------------------------------------------
    # Flood protection: applications per client address and hour
    # ------------------------------------------------------------------
    def _over_hourly_limit(self, client_address):
        """Whether the page already accepted the configured number of
        applications from ``client_address`` in the last hour."""
        applications = request.env["repair.service.application"].sudo()
        limit = applications._page_hourly_limit()
        if not limit or not client_address:
            return False
        since = fields.Datetime.now() - timedelta(hours=1)
        count = applications.search_count(
            [
                ("source", "=", "web"),
                ("submitted_ip", "=", client_address),
                ("create_date", ">=", since),
            ],
            limit=limit,
        )
        return count >= limit

    def _hourly_limit_message(self):
        env = request.env
        phone = env.company.sudo().phone
        if phone:
            return env._(
                "Too many applications have been sent from your network in the "
                "last hour. Please try again later, or call us on %(phone)s.",
                phone=phone,
            )
        return env._(
            "Too many applications have been sent from your network in the last "
            "hour. Please try again later, or call our after-sales service."
        )

    # ------------------------------------------------------------------
    # Validation: collect every problem, create nothing
    # ------------------------------------------------------------------
    @staticmethod
    def _browse(model, value):
        """The record of ``model`` whose id is the string ``value``, or an
        empty recordset."""
        records = request.env[model].sudo()
        try:
            record_id = int(value)
        except (TypeError, ValueError):
            return records
        if not 0 < record_id < 2**31:  # a PostgreSQL integer
            return records
        return records.browse(record_id).exists()

    def _field_descriptions(self):
        """Labels and options of the form fields, in the visitor's language."""
        return (
            request.env["repair.service.application"]
            .sudo()
            .fields_get(list(FORM_FIELDS), ["string", "selection"])
        )

    def _validate_fields(self, values):
        """Return (errors, names of the fields in error, values to create)."""
        env = request.env
        descriptions = self._field_descriptions()
        labels = {name: desc["string"] for name, desc in descriptions.items()}
        errors = {}
        for name in REQUIRED_FIELDS:
            if not values[name]:
                errors[name] = env._("%(field)s is required.", field=labels[name])
        if values["email"] and not single_email_re.match(values["email"]):
            errors["email"] = env._(
                "“%(email)s” is not a valid e-mail address.", email=values["email"]
            )
        if values["phone"] and "phone" not in errors:
            try:
                env["res.partner"]._repair_phone_e164(
                    values["phone"],
                    self._browse("res.country", values["country_id"])
                    or env.company.country_id,
                )
            except UserError as error:
                errors["phone"] = str(error.args[0])
        if values["kind"] not in dict(descriptions["kind"]["selection"]):
            errors["kind"] = env._(
                "%(field)s: choose one of the options.", field=labels["kind"]
            )
        region, country, state = self._validate_relations(values, labels, errors)
        vals = {
            name: values[name] or False
            for name in FORM_FIELDS
            if name not in ("region_id", "state_id", "country_id")
        }
        vals.update(region_id=region.id, state_id=state.id)
        country = country or state.country_id
        if country:  # else the company's country, by default
            vals["country_id"] = country.id
        return list(errors.values()), set(errors), vals

    def _validate_relations(self, values, labels, errors):
        """The region, country and province chosen; a problem goes in
        ``errors`` (by field name)."""
        env = request.env
        region = self._browse("repair.service.region", values["region_id"])
        if values["region_id"] and region not in self._active_regions():
            region = region.browse()
            errors["region_id"] = env._(
                "%(field)s: choose one of the regions of the list.",
                field=labels["region_id"],
            )
        country = self._browse("res.country", values["country_id"])
        if values["country_id"] and not country:
            errors["country_id"] = env._(
                "%(field)s: choose one of the countries of the list.",
                field=labels["country_id"],
            )
        state = self._browse("res.country.state", values["state_id"])
        if values["state_id"] and not state:
            errors["state_id"] = env._(
                "%(field)s: choose one of the provinces of the list.",
                field=labels["state_id"],
            )
        elif state and country and state.country_id != country:
            errors["state_id"] = env._(
                "%(state)s is not in %(country)s: choose the province again.",
                state=state.name,
                country=country.name,
            )
        return region, country, state

    @staticmethod
    def _file_name(storage):
        return os.path.basename((storage.filename or "").replace("\\", "/"))

    @staticmethod
    def _file_size(storage):
        stream = storage.stream
        stream.seek(0, os.SEEK_END)
        size = stream.tell()
        stream.seek(0)
        return size

    @staticmethod
    def _content_matches(storage, extension):
        """Whether the file starts with the bytes of the format its extension
        names (formats without a known signature are not checked)."""
        if extension not in SIGNATURES:
            return True
        magic = SIGNATURES[extension][1]
        stream = storage.stream
        stream.seek(0)
        head = stream.read(len(magic))
        stream.seek(0)
        return head == magic

    def _validate_documents(self):
        """Check every uploaded file (type, content, size) and that each
        required document type has a file. Return (errors, {document type:
        [(file name, file storage)]})."""
        env = request.env
        max_mb = self._upload_max_mb()
        extensions = self._upload_extensions()
        accepted = ", ".join(extensions)
        errors, uploads = [], {}
        for doc_type in self._document_types():
            files = [
                (self._file_name(storage), storage)
                for storage in request.httprequest.files.getlist(
                    f"document_{doc_type.id}"
                )
                if storage.filename
            ]
            for filename, storage in files:
                extension = os.path.splitext(filename)[1].lstrip(".").lower()
                size = self._file_size(storage)
                if not extension:
                    errors.append(
                        env._(
                            "“%(file)s” has no file extension "
                            "(accepted: %(accepted)s).",
                            file=filename,
                            accepted=accepted,
                        )
                    )
                elif extension not in extensions:
                    errors.append(
                        env._(
                            "“%(file)s”: files of type .%(extension)s are not "
                            "accepted (accepted: %(accepted)s).",
                            file=filename,
                            extension=extension,
                            accepted=accepted,
                        )
                    )
                elif size and not self._content_matches(storage, extension):
                    file_format = SIGNATURES[extension][0]
                    errors.append(
                        env._(
                            "%(document)s: “%(file)s” is not a real %(format)s "
                            "file (its content does not match its .%(extension)s "
                            "name). Save or scan the document as a %(format)s "
                            "file and select that file again.",
                            document=doc_type.name,
                            file=filename,
                            extension=extension,
                            format=file_format,
                        )
                    )
                if size > max_mb * MB:
                    size_mb = "%.1f" % (math.ceil(size * 10 / MB) / 10)
                    errors.append(
                        env._(
                            "“%(file)s” is %(size)s MB; the largest file "
                            "accepted is %(max)s MB.",
                            file=filename,
                            size=size_mb,
                            max=self._format_mb(max_mb),
                        )
                    )
                elif not size:
                    errors.append(
                        env._("“%(file)s” is empty.", file=filename),
                    )
            if doc_type.required and not files:
                errors.append(
                    env._(
                        "%(document)s: attach at least one file.",
                        document=doc_type.name,
                    )
                )
            uploads[doc_type] = files
        return errors, uploads

    # ------------------------------------------------------------------
    # Creation (only once everything is valid)
    # ------------------------------------------------------------------
    def _create_application(self, vals, uploads):
        env = request.env
        region = env["repair.service.region"].sudo().browse(vals["region_id"])
        company = region.company_id
        application = (
            env["repair.service.application"]
            .sudo()
            .with_company(company)
            .with_context(mail_create_nosubscribe=True)
            .create(dict(vals, source="web", company_id=company.id))
        )
        lines = {line.document_type_id: line for line in application.document_ids}
        attachment_sudo = env["ir.attachment"].sudo()
        for doc_type, files in uploads.items():
            if not files:
                continue
            attachments = attachment_sudo.create(
                [
                    {
                        "name": filename,
                        "raw": storage.read(),
                        "res_model": application._name,
                        "res_id": application.id,
                    }
                    for filename, storage in files
                ]
            )
            lines[doc_type].write(
                {"attachment_ids": [Command.link(att.id) for att in attachments]}
            )
        application.action_submit()
        application.message_post(
            body=Markup("<p>%s</p>")
            % env._(
                "Application received from the public application page "
                "(person in charge: %(contact)s, %(email)s, %(phone)s).",
                contact=application.contact_name,
                email=application.email,
                phone=application.phone,
            ),
            author_id=env.ref("base.partner_root").id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return application
