# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Repair Service Management",
    "summary": "After-sales repair service: orders, service outlets, "
    "warranty (三包) and complaints",
    "version": "18.0.1.0.0",
    "category": "Services/Repair Service",
    "website": "https://github.com/repair-service-mgmt/repair_service_mgmt",
    "author": "repair_service_mgmt contributors",
    "license": "LGPL-3",
    "application": True,
    "depends": [
        "repair",
        "sale_management",
        "account",
        "phone_validation",
        "portal",
        "base_tier_validation",
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["phonenumbers", "xlsxwriter"]},
    "data": [
        "security/repair_service_mgmt_groups.xml",
        "security/ir.model.access.csv",
        "security/repair_service_mgmt_rules.xml",
        "data/ir_sequence_data.xml",
        "data/repair_service_config_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "report/outlet_certificate_reports.xml",
        "report/outlet_certificate_templates.xml",
        "views/repair_order_views.xml",
        "views/repair_service_outlet_views.xml",
        "views/repair_service_application_views.xml",
        "views/repair_service_violation_views.xml",
        "views/repair_service_config_views.xml",
        "views/repair_service_application_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/repair_service_outlet_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "repair_service_mgmt/static/tests/tours/*.js",
        ],
    },
}
