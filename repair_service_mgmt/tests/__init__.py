from . import test_security_groups
from . import test_ui_tour
from . import test_translation
