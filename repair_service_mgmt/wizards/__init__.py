from . import repair_service_application_reject_wizard
from . import repair_service_outlet_suspend_wizard
from . import repair_order_dispatch_wizard
from . import repair_order_signature_wizard
from . import repair_order_warranty_wizard
from . import repair_order_dispatch_wizard_desk
from . import repair_service_complaint_report_wizard
from . import comment_wizard
