# -*- coding: utf-8 -*-
from . import test_stage_group
from . import test_opportunity_lines
from . import test_data_scope
from . import test_share_transfer
from . import test_customer
from . import test_contact
from . import test_lead_convert
from . import test_follow_up
from . import test_todo
from . import test_guard
from . import test_guard_query
from . import test_deal
from . import test_owner
from . import test_scope_mixin
from . import test_trust_boundary
from . import test_team_tree
from . import test_role_scope
