# -*- coding: utf-8 -*-
from . import export
from . import report
