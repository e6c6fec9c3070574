# -*- coding: utf-8 -*-
from . import controllers
from . import models
from . import rpc_guard
from . import wizard
from .hooks import post_init_hook, uninstall_hook
