# -*- coding: utf-8 -*-
from . import res_users_role
from . import res_users_roles
from . import res_users_member
