# -*- coding: utf-8 -*-
from . import test_contract_approval
from . import test_contract_rules
from . import test_receivable
from . import test_approval_mail
from . import test_revision_expiry
from . import test_contract_trust
from . import test_contract_report
from . import test_receivable_booking
from . import test_approval_operation_log
from . import test_contract_cron_crash
