# repair_service_mgmt — the two commands of the README, and a few helpers.
# Configuration (environment): ODOO_SRC, PYTHON_BIN, PG* (an existing server),
# HTTP_PORT, DEMO_DB, TEST_DB, TEST_TAGS, PYTEST_ARGS — see README.md.
.PHONY: demo test lint stop venv i18n bench clean help
.DEFAULT_GOAL := help

help:
	@echo "make demo   - database '$${DEMO_DB:-repair_demo}' with demo data, Odoo on http://localhost:$${HTTP_PORT:-8069}"
	@echo "make test   - lint, install with tests, Odoo tests, external-API tests, log check"
	@echo "make lint   - ruff, pylint-odoo, oca-checks-odoo-module, oca-checks-po"
	@echo "make stop   - stop the demo server and the private PostgreSQL cluster"
	@echo "make i18n   - refresh i18n/repair_service_mgmt.pot and merge it into zh_CN.po"
	@echo "make bench  - performance figures on the demo database"

demo:
	@scripts/demo.sh

test:
	@scripts/test.sh

lint: venv
	@scripts/lint.sh

stop:
	@scripts/stop.sh

venv:
	@scripts/system_deps.sh
	@scripts/venv.sh

i18n: venv
	@scripts/i18n.sh

bench: venv
	@scripts/bench.sh
