# -*- coding: utf-8 -*-
from . import models
from .hooks import uninstall_hook
