from . import test_security_groups
from . import test_translation
from . import test_outlet_application
from . import test_outlet
from . import test_ui_tour
from . import test_application_page
from . import test_repair_intake_dispatch
from . import test_sla
