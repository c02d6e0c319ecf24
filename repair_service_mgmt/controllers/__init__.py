# Copyright 2026 repair_service_mgmt contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import main
from . import portal
from . import application_states
from . import complaint_portal
